import { splitSentences } from "../core/sentences";
import { coverage } from "../index/coverage";
import type { QueryPlan } from "../index/query";
import type { SearchHit } from "../index/search";
import type { QuoteSpot } from "./citations";

/** The sentence that best answers a "what/where/how" question: the one holding most of its concepts. */
export interface ScoredSentence {
  spot: QuoteSpot;
  score: number;
}

export function rankSentences(plan: QueryPlan, hits: SearchHit[]): ScoredSentence[] {
  const best = hits[0]?.score ?? 1;
  const scored: ScoredSentence[] = [];
  for (const hit of hits) {
    for (const sentence of splitSentences(hit.chunk.text)) {
      const covered = coverage(sentence.text, plan.concepts).score;
      scored.push({
        spot: {
          docId: hit.chunk.docId,
          sentence: sentence.text,
          sentenceStart: hit.chunk.start + sentence.start,
          sectionPath: hit.chunk.sectionPath,
          ...(hit.chunk.page !== undefined ? { page: hit.chunk.page } : {}),
        },
        score: covered * (0.8 + (0.2 * hit.score) / best),
      });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}
