/**
 * Lists of names in parentheses with no number among them: "05 ngân hàng (Vietinbank, BIDV, Vietcombank,
 * Agribank, MBbank)", "hơn 203.000 học viên (công chức, viên chức, lực lượng vũ trang…)". The figure
 * beside such a list counts all its members together; the report gives no member's own share.
 */
const NAME_LIST = /\(([^()\d]*[,;][^()\d]*)\)/gu;
/** Two things in parentheses are a pair ("chi đầu tư phát triển, chi thường xuyên"), not a list of parts. */
const FEWEST_MEMBERS = 3;
/** Words a member may have: a short noun ("lực lượng vũ trang"), or a longer proper name ("Nông nghiệp và Phát triển nông thôn"). */
const MEMBER_WORDS = { noun: 4, name: 8 };

/** A name or a short noun, not a phrase ("tăng niềm tin của người dân", "giúp tiết kiệm chi phí xăng xe"). */
function isName(member: string): boolean {
  const words = member.split(" ").length;
  return words <= MEMBER_WORDS.noun || (/^\p{Lu}/u.test(member) && words <= MEMBER_WORDS.name);
}

export interface NameList {
  start: number;
  end: number;
  /** Each member as printed, without the list's punctuation ("lực lượng vũ trang", not "lực lượng vũ trang…"). */
  members: string[];
}

/** The lists of names in a text as printed (a folded text has lost the capitals that tell a name). */
export function nameLists(text: string): NameList[] {
  const lists: NameList[] = [];
  for (const match of text.matchAll(NAME_LIST)) {
    const members = (match[1] ?? "")
      .split(/[,;]/)
      .map((member) =>
        member
          .replace(/[^\p{L}\p{N}\s.&-]|\.{2,}/gu, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter((member) => /\p{L}/u.test(member));
    if (members.length >= FEWEST_MEMBERS && members.every(isName))
      lists.push({ start: match.index, end: match.index + match[0].length, members });
  }
  return lists;
}

/** The text with its lists of names blanked (offsets kept); `lists` found in the printed form of a folded text. */
export function withoutNameLists(text: string, lists = nameLists(text)): string {
  let blanked = text;
  for (const list of lists)
    blanked = blanked.slice(0, list.start) + " ".repeat(list.end - list.start) + blanked.slice(list.end);
  return blanked;
}
