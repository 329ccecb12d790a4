import { splitSentences } from "../core/sentences";
import { fold } from "../core/text";
import type { CleanDocument } from "../core/types";
import { conceptOccurrences } from "../index/coverage";
import type { Concept } from "../index/query";
import { continuedBody } from "../ingest/deadline-body";
import type { SentenceInContext } from "./candidates";
import type { QuoteSpot } from "./citations";
import { type Composition, type Context, QUOTE_LIMIT } from "./compose";
import type { Definition } from "./definitions";
import type { Signature } from "./signature";
import { excerpt, phrases, sourceLine } from "./wording";

/**
 * A sentence answer, for a question no single figure or date answers ("which provinces…", "who…"): the
 * sentence quoted and cited, followed where it continues elsewhere — into the next sentence when it ends
 * with ":" (a list follows), and into the footnotes its markers point to (lists often live there).
 */
const NOTE_LIMIT = 300;

function nextSentence(document: CleanDocument, spot: QuoteSpot): QuoteSpot | undefined {
  const end = spot.sentenceStart + spot.sentence.length;
  const following = splitSentences(document.text.slice(end, end + QUOTE_LIMIT * 2))[0];
  if (!following) return undefined;
  return { ...spot, sentence: following.text, sentenceStart: end + following.start };
}

function footnotesOf(document: CleanDocument, spot: QuoteSpot): QuoteSpot[] {
  const end = spot.sentenceStart + spot.sentence.length;
  return document.footnotes
    .filter(
      (note) =>
        note.referenceAt !== undefined && note.referenceAt >= spot.sentenceStart && note.referenceAt < end,
    )
    .map((note) => ({
      ...spot,
      sentence: document.text.slice(note.start, note.end),
      sentenceStart: note.start,
    }));
}

/**
 * "Which ministry is to guide provinces on numbering houses?": a task the sentence states without its
 * subject ("Hướng dẫn UBND các tỉnh … đánh số, gắn biển số nhà") belongs to the body its paragraph opens
 * with ("(8) Bộ Xây dựng triển khai …"), which the answer names before the quote.
 */
function bodyActing(document: CleanDocument, spot: QuoteSpot): string | undefined {
  const sentence = {
    start: spot.sentenceStart,
    end: spot.sentenceStart + spot.sentence.length,
    text: spot.sentence,
  };
  const body = continuedBody({ document, sentence, clause: { start: 0, end: spot.sentence.length } });
  return body && !fold(spot.sentence).includes(fold(body)) ? body : undefined;
}

/** What a sentence answer quotes after the sentence: the list its ":" opens, the footnotes its markers point to. */
export function continuationsOf(document: CleanDocument, spot: QuoteSpot): QuoteSpot[] {
  const continued = /:\s*$/.test(spot.sentence) ? nextSentence(document, spot) : undefined;
  return [...(continued ? [continued] : []), ...footnotesOf(document, spot)];
}

interface Span {
  start: number;
  end: number;
}

/**
 * The part of a sentence too long to quote whole that holds the most of the question: the stretch within
 * `limit` characters whose concepts weigh most, from its first matched word to its last. A numbered
 * duty sentence runs through several sub-items ("⁽¹⁾ … ⁽²⁾ … ⁽³⁾ …"); the one asked about may be the last.
 */
function answeringPart(sentence: string, concepts: Concept[], limit: number): Span {
  if (sentence.length <= limit) return { start: 0, end: 0 };
  const { whole } = conceptOccurrences(fold(sentence), concepts);
  const found = whole.flatMap((spans, at) => spans.map(([start, end]) => ({ start, end, at })));
  let best: Span = { start: 0, end: 0 };
  let bestWeight = 0;
  for (const { start: from } of found) {
    const inside = found.filter((item) => item.start >= from && item.end <= from + limit);
    const weight = [...new Set(inside.map((item) => item.at))].reduce(
      (sum, at) => sum + (concepts[at]?.weight ?? 0),
      0,
    );
    if (weight > bestWeight || (weight === bestWeight && from < best.start)) {
      bestWeight = weight;
      best = { start: from, end: Math.max(...inside.map((item) => item.end)) };
    }
  }
  return best;
}

/**
 * `focus` centres the quote of a long sentence on the part that answers (the spot the ranker rated best);
 * without one, on the part that holds most of the question.
 */
export function composeSentence(sentence: SentenceInContext, context: Context, given?: Span): Composition {
  const focus = given ?? answeringPart(sentence.spot.sentence, context.plan.concepts, QUOTE_LIMIT);
  const { citations, lang } = context;
  const { spot } = sentence;
  const citation = citations.items[citations.add(spot)];
  const document = context.deps.index.documentsById.get(spot.docId);
  const body = context.plan.expectsName === "body" && document ? bodyActing(document, spot) : undefined;
  const lines = [
    `${body ? `${body} — ` : ""}${citation ? sourceLine(citation, lang) : ""}: "${excerpt(spot.sentence, focus.start, focus.end, QUOTE_LIMIT)}"`,
  ];
  if (document) {
    for (const more of continuationsOf(document, spot)) {
      citations.add(more);
      lines.push(`"${excerpt(more.sentence, 0, 0, NOTE_LIMIT)}"`);
    }
  }
  return { lines, figures: [], deadlines: [], derived: [] };
}

/** A definition: the sentence that spells out the name, quoted and cited. */
export function composeDefinition(definition: Definition, context: Context): Composition {
  const { citations, lang } = context;
  const citation = citations.items[citations.add(definition.spot)];
  return {
    lines: [
      `${citation ? sourceLine(citation, lang) : ""}: "${excerpt(definition.spot.sentence, 0, 0, QUOTE_LIMIT)}"`,
    ],
    figures: [],
    deadlines: [],
    derived: [],
  };
}

/** "Ai ký Báo cáo 290?": the signer and the position signed in, cited with the signature block. */
export function composeSignature(signature: Signature, context: Context): Composition {
  const { citations, lang } = context;
  const citation = citations.items[citations.add(signature.spot)];
  const words = phrases(lang);
  const source = citation ? sourceLine(citation, lang) : "";
  return {
    lines: [
      `${words.signedBy} ${signature.signer} (${signature.positions.join(", ")}) — ${source}.`,
      `${words.quote}: "${signature.spot.sentence}"`,
    ],
    figures: [],
    deadlines: [],
    derived: [],
  };
}
