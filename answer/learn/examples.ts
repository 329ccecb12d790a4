import type { QueryPlan } from "../../index/query";
import { understandQuestion } from "../../index/query";
import type { LoadedIndex } from "../../index/read";
import { search } from "../../index/search";
import { admits, type Candidate, candidatesOf, SEARCH_DEPTH, sentencesOfHits } from "../candidates";
import { featuresOf, questionView } from "../features";
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

export async function buildExample(index: LoadedIndex, item: LabelledQuestion): Promise<Example> {
  const plan = understandQuestion(item.question, {
    lexical: index.lexical,
    documents: index.documents.map((document) => document.meta),
  });
  const hits = await search({ index }, plan, { topK: SEARCH_DEPTH });
  const candidates = candidatesOf(sentencesOfHits(index, hits), plan.givenNumbers).filter((candidate) =>
    admits(plan, candidate),
  );
  const view = questionView(
    plan,
    hits[0]?.score ?? 1,
    index.documents.map((document) => document.meta),
  );
  const features = candidates.map((candidate) => featuresOf(view, candidate));
  const positives = candidates.flatMap((candidate, at) =>
    answersGold(item.gold, candidate, item.docId) ? [at] : [],
  );
  return { ...item, plan, candidates, features, positives };
}
