import type { DateMention } from "../core/dates";
import type { SentenceInContext } from "./candidates";
import { type Composition, type Context, QUOTE_LIMIT } from "./compose";
import { excerpt, phrases, sourceLine } from "./wording";

/** A date answer: the date as printed, its ISO form, the source and the quote. */
export function composeDate(
  mention: DateMention,
  sentence: SentenceInContext,
  context: Context,
): Composition {
  const { lang, citations } = context;
  const words = phrases(lang);
  const citation = citations.items[citations.add(sentence.spot)];
  const lines = [
    `${mention.text.trim()} (${mention.iso}) — ${citation ? sourceLine(citation, lang) : ""}.`,
    `${words.quote}: "${excerpt(sentence.spot.sentence, mention.start, mention.end, QUOTE_LIMIT)}"`,
  ];
  return { lines, figures: [], deadlines: [], derived: [mention.iso] };
}
