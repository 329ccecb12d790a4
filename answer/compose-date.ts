import type { Candidate } from "./candidates";
import { type Composition, type Context, QUOTE_LIMIT } from "./compose";
import { excerpt, phrases, sourceLine } from "./wording";

/**
 * A date answer: the date as printed, its ISO form, the source and the quote. A date printed in the
 * heading the sentence stands under ("2. NHIỆM VỤ TRỌNG TÂM NĂM 2022") is shown with that heading.
 */
export function composeDate(candidate: Candidate, context: Context): Composition {
  const { lang, citations } = context;
  const mention = candidate.date;
  if (!mention) throw new Error("composeDate needs a date candidate");
  const { spot } = candidate.sentence;
  const words = phrases(lang);
  const citation = citations.items[citations.add(spot)];
  const quote = candidate.fromHeading
    ? excerpt(spot.sentence, 0, 0, QUOTE_LIMIT)
    : excerpt(spot.sentence, mention.start, mention.end, QUOTE_LIMIT);
  const lines = [
    `${mention.text.trim()} (${mention.iso}) — ${citation ? sourceLine(citation, lang) : ""}.`,
    ...(candidate.fromHeading ? [`${words.heading}: ${spot.sectionPath.at(-1) ?? ""}`] : []),
    `${words.quote}: "${quote}"`,
  ];
  return { lines, figures: [], deadlines: [], derived: [mention.iso] };
}
