import type { Answer } from "./answer-types";
import type { Context } from "./compose";
import { excerpt, phrases } from "./wording";

/** A refusal that says so plainly and shows the closest passages, one per report. */
const CLOSEST = 3;

export function notFound(context: Context, confidence: number): Answer {
  const { lang, plan, citations } = context;
  const words = phrases(lang);
  const lines: string[] = [words.notFound];
  if (plan.unknownNames.length > 0) lines.push(`${words.unknownNames}: ${plan.unknownNames.join(", ")}.`);
  const shown = new Set<string>();
  const closest = context.considered.filter((ranked) => {
    const { docId } = ranked.candidate.sentence.spot;
    if (shown.has(docId)) return false;
    shown.add(docId);
    return true;
  });
  if (closest.length > 0) {
    lines.push(`${words.closest}:`);
    for (const ranked of closest.slice(0, CLOSEST)) {
      const citation = citations.items[citations.add(ranked.candidate.sentence.spot)];
      lines.push(
        `• ${citation?.label ?? ""}: "${excerpt(ranked.candidate.sentence.spot.sentence, 0, 0, 200)}"`,
      );
    }
  }
  return {
    status: "not_found",
    answer: lines.join("\n"),
    confidence,
    lang,
    figures: [],
    deadlines: [],
    citations: citations.items,
  };
}
