/**
 * Cutting a long phrase (a measure's action, subject or task) to a few words where it breaks. `complete`
 * says whether the text is the whole phrase or was already cut by its reader: only a whole phrase may end
 * where the text ends.
 */
/** How far past the limit a phrase may run to end at its own comma rather than mid-name. */
const CAP_OVERRUN = 4;
/** Words a long phrase can be cut before without leaving half a name or half a compound. */
const CUT_BEFORE = new Set([
  "cho",
  "của",
  "về",
  "trong",
  "theo",
  "với",
  "để",
  "tại",
  "và",
  "nhằm",
  "trên",
  "đối",
  "vào",
  "khi",
]);

/** Words a cut phrase must not end on: they need what was cut after them. */
const DANGLING = new Set([...CUT_BEFORE, "có", "được", "đã", "là", "các", "những", "nhân dịp", "thông qua"]);

/**
 * The first `limit` words of a phrase, cut where the phrase itself breaks: at its comma when that is
 * a few words on (`… của Bộ Nội vụ,`), else before its last preposition (`… cấp phiếu | cho người dân`),
 * so a measure never ends in half a name (`Bộ Nội`) or half a compound (`thủ tục hành`).
 */
export function capWords(text: string, limit: number, complete = true): string {
  const all = text.split(/\s+/).filter(Boolean);
  if (all.length <= limit && complete) return text;
  for (let end = limit; end <= Math.min(all.length, limit + CAP_OVERRUN); end++) {
    if (end === all.length && complete) return all.join(" ");
    // A comma inside a list of short items (`miễn, giảm phí, lệ phí`) is no place to end.
    const inShortList = /,$/u.test(all[end] ?? "") || /,$/u.test(all[end + 1] ?? "");
    if (/[,;:]$/u.test(all[end - 1] ?? "") && !inShortList)
      return all
        .slice(0, end)
        .join(" ")
        .replace(/[,;:]$/u, "");
  }
  for (let cut = limit - 1; cut >= Math.ceil(limit * 0.6); cut--) {
    if (CUT_BEFORE.has((all[cut] ?? "").toLowerCase())) return all.slice(0, cut).join(" ");
  }
  // Half a name (`… với Cơ sở dữ`) says less than none of it, and a dangling preposition nothing.
  let end = limit;
  const nameStart = all.slice(limit - 3, limit).findIndex((word) => /^\p{Lu}/u.test(word));
  if (nameStart !== -1 && limit - 3 + nameStart > limit / 2) end = limit - 3 + nameStart;
  for (;;) {
    const pair = `${all[end - 2] ?? ""} ${all[end - 1] ?? ""}`.toLowerCase();
    if (end > limit / 2 + 1 && DANGLING.has(pair)) end -= 2;
    else if (end > limit / 2 && DANGLING.has((all[end - 1] ?? "").toLowerCase())) end--;
    else break;
  }
  return all.slice(0, end).join(" ");
}
