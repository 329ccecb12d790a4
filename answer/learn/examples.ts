import type { Figure } from "../../core/types";
import type { QueryPlan } from "../../index/query";
import { understandQuestion } from "../../index/query";
import type { LoadedIndex } from "../../index/read";
import { search } from "../../index/search";
import { seriesPoints } from "../../index/series";
import { admits, type Candidate, candidatesOf, SEARCH_DEPTH, sentencesOfHits } from "../candidates";
import { continuationsOf } from "../compose-sentence";
import { featuresOf, onTopic, questionView } from "../features";
import { answersGold, type Gold } from "./label";

/**
 * A training question run through the same path as a real one (question understanding, search,
 * candidates, features), with its candidates labelled against the known answer.
 */
export interface LabelledQuestion {
  question: string;
  /** Where it comes from: a graded set or a generation style. */
  origin: "dev" | "generated";
  style: string;
  /** The document its answer comes from (for folds); empty for unanswerable dev questions. */
  docId: string;
  gold: Gold;
}

export interface Example extends LabelledQuestion {
  plan: QueryPlan;
  candidates: Candidate[];
  features: Float64Array[];
  positives: number[];
}

/** The candidate as the answer will present it: the newest point of its measure, quoted from its sentence. */
function asCandidate(figure: Figure, candidate: Candidate): Candidate {
  const spot = {
    ...candidate.sentence.spot,
    docId: figure.docId,
    sentence: figure.sentence,
    sentenceStart: figure.sentenceStart,
  };
  return { ...candidate, figure, sentence: { ...candidate.sentence, spot } };
}

/** For a fact question, what a sentence answer would quote after its sentence (lists, footnotes). */
function continuationTexts(index: LoadedIndex, gold: Gold, candidate: Candidate): string[] {
  if (gold.kind !== "fact" || candidate.kind !== "sentence") return [];
  const document = index.documentsById.get(candidate.sentence.spot.docId);
  return document ? continuationsOf(document, candidate.sentence.spot).map((more) => more.sentence) : [];
}

export async function buildExample(index: LoadedIndex, item: LabelledQuestion): Promise<Example> {
  const plan = understandQuestion(item.question, {
    lexical: index.lexical,
    documents: index.documents.map((document) => document.meta),
  });
  const hits = await search({ index }, plan, { topK: SEARCH_DEPTH });
  const view = questionView(
    plan,
    hits[0]?.score ?? 1,
    index.documents.map((document) => document.meta),
  );
  const candidates = onTopic(
    view,
    candidatesOf(sentencesOfHits(index, hits), plan.givenNumbers).filter((candidate) =>
      admits(plan, candidate),
    ),
  );
  const features = candidates.map((candidate) => featuresOf(view, candidate));
  // Naming no time or report, a figure answers with its measure's newest value: label it as answered so.
  const undated = !plan.time && plan.docIds.length === 0;
  const positives = candidates.flatMap((candidate, at) => {
    const newest =
      undated && candidate.figure ? seriesPoints(index.series, candidate.figure.series)[0] : undefined;
    const answered =
      newest && newest.asOf > (candidate.figure?.asOf ?? "")
        ? answersGold(item.gold, asCandidate(newest, candidate), item.docId)
        : answersGold(item.gold, candidate, item.docId, continuationTexts(index, item.gold, candidate));
    return answered ? [at] : [];
  });
  return { ...item, plan, candidates, features, positives };
}
