import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Scores a deadline register against the hand-made gold register (`deadlines.jsonl`) with the rules of
 * `shared/eval/register-eval.mjs`, so `npm run eval` prints the same numbers as grading the running server:
 * - a listed deadline matches a gold one when it comes from the same report (by seed file name), has the
 *   gold's due date or one in the same month, and its task or citation quote shares 20-character runs with
 *   the gold quote; the best-sharing pairs are matched first, one to one;
 * - recall counts matched "core" gold deadlines; precision counts listed deadlines matched to any gold one
 *   (borderline ones too); bodies count matched core deadlines with a gold body whose listed body contains
 *   or is contained in it, diacritics folded.
 */

/** The hand-made register beside the project: `../shared/eval/deadlines.jsonl`. */
export const DEFAULT_REGISTER_GOLD = fileURLToPath(
  new URL("../../shared/eval/deadlines.jsonl", import.meta.url),
);

/** A deadline as `GET /api/deadlines` lists it, with its citation's quote and its report's seed file. */
export interface ListedDeadline {
  task: string;
  body?: string;
  dueDate: string;
  quote: string;
  /** The report's seed file name (`source`, else `file`), as the gold register names reports. */
  source: string;
}

interface GoldDeadline {
  id: string;
  doc: string;
  quote: string;
  dueText?: string;
  body?: string | null;
  normalized: string;
  tier: "core" | "borderline";
}

/** `right` of `of`, e.g. 46 of 64. */
export interface Tally {
  right: number;
  of: number;
}

export type RegisterMiss =
  | { kind: "missed"; id: string; doc: string; quote: string }
  | { kind: "extra"; doc: string; dueDate: string; task: string }
  | { kind: "body"; id: string; expected: string; listed: string };

export interface RegisterScore {
  recall: Tally;
  precision: Tally;
  bodies: Tally;
  misses: RegisterMiss[];
}

const RUN = 20;
const STEP = 4;

function fold(text: string | undefined | null): string {
  return String(text ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[*_⁰¹²³⁴⁵⁶⁷⁸⁹]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** How many 20-character runs of the gold quote (its due wording left out) a listed text shares. */
function overlap(gold: GoldDeadline, text: string): number {
  let quote = fold(gold.quote);
  const due = fold(gold.dueText);
  if (due && quote.replace(due, " ").trim().length >= RUN) quote = quote.replace(due, " ");
  const listed = fold(text);
  if (quote.length < RUN) return listed.includes(quote) ? 1 : 0;
  let shared = 0;
  for (let at = 0; at + RUN <= quote.length; at += STEP)
    if (listed.includes(quote.slice(at, at + RUN))) shared++;
  return shared;
}

function sameDue(listed: string, gold: string): boolean {
  return listed === gold || (listed !== "" && gold !== "" && listed.slice(0, 7) === gold.slice(0, 7));
}

/** null when the gold register names no body; otherwise whether the listed body names the same one(s). */
function bodyRight(goldBody: string | null | undefined, body: string | undefined): boolean | null {
  if (!goldBody) return null;
  if (!body) return false;
  const gold = fold(goldBody);
  const listed = fold(body);
  return gold.includes(listed) || listed.includes(gold);
}

function readGold(path: string): GoldDeadline[] {
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as GoldDeadline);
}

/** One listed deadline per gold deadline: best overlap first, each listed deadline used once. */
function assign(gold: GoldDeadline[], listed: ListedDeadline[]): Map<GoldDeadline, ListedDeadline> {
  const pairs: Array<{ score: number; gold: GoldDeadline; listed: ListedDeadline }> = [];
  for (const goldItem of gold)
    for (const item of listed)
      if (item.source === goldItem.doc && sameDue(item.dueDate, goldItem.normalized)) {
        const score = Math.max(overlap(goldItem, item.task), overlap(goldItem, item.quote));
        if (score > 0) pairs.push({ score, gold: goldItem, listed: item });
      }
  // A stable sort keeps the gold file's order among equal scores, as the reference grader does.
  pairs.sort((a, b) => b.score - a.score);
  const byGold = new Map<GoldDeadline, ListedDeadline>();
  const used = new Set<ListedDeadline>();
  for (const pair of pairs)
    if (!byGold.has(pair.gold) && !used.has(pair.listed)) {
      byGold.set(pair.gold, pair.listed);
      used.add(pair.listed);
    }
  return byGold;
}

/** Recall, precision and bodies of a listed register against the gold register at `goldPath`. */
export function scoreRegister(listed: ListedDeadline[], goldPath: string): RegisterScore {
  const gold = readGold(goldPath);
  const matched = assign(gold, listed);
  const core = gold.filter((item) => item.tier === "core");
  const matchedListed = new Set(matched.values());
  const missed: RegisterMiss[] = [];
  const wrongBodies: RegisterMiss[] = [];
  let found = 0;
  const bodies: Tally = { right: 0, of: 0 };
  for (const item of core) {
    const match = matched.get(item);
    if (!match) {
      missed.push({ kind: "missed", id: item.id, doc: item.doc, quote: item.quote });
      continue;
    }
    found++;
    const right = bodyRight(item.body, match.body);
    if (right === null) continue;
    bodies.of++;
    if (right) bodies.right++;
    else wrongBodies.push({ kind: "body", id: item.id, expected: item.body ?? "", listed: match.body ?? "" });
  }
  const extras: RegisterMiss[] = listed
    .filter((item) => !matchedListed.has(item))
    .map((item) => ({ kind: "extra", doc: item.source, dueDate: item.dueDate, task: item.task }));
  return {
    recall: { right: found, of: core.length },
    precision: { right: matchedListed.size, of: listed.length },
    bodies,
    misses: [...missed, ...extras, ...wrongBodies],
  };
}

function share(tally: Tally): string {
  const percent = tally.of ? ((100 * tally.right) / tally.of).toFixed(1) : "-";
  return `${percent}% (${tally.right}/${tally.of})`;
}

/** The one-line summary `register-eval.mjs` prints. */
export function describeRegisterScore(score: RegisterScore): string {
  return `deadline register: recall ${share(score.recall)} of core deadlines; precision ${share(score.precision)} of listed; bodies right ${share(score.bodies)}`;
}

/** One line per miss, in the reference grader's layout. */
export function describeRegisterMisses(score: RegisterScore): string[] {
  return score.misses.map((miss) => {
    if (miss.kind === "missed")
      return `  missed  ${miss.id} ${miss.doc.slice(0, 3)}  ${miss.quote.slice(0, 110)}`;
    if (miss.kind === "extra")
      return `  extra   ${miss.doc.slice(0, 3)} ${miss.dueDate}  ${miss.task.slice(0, 110)}`;
    return `  body    ${miss.id} expected "${miss.expected}", listed "${miss.listed}"`;
  });
}
