import { type DateMention, findDates } from "../core/dates";
import { splitSentences } from "../core/sentences";
import type { Chunk } from "../core/types";
import type { QueryPlan } from "../index/query";
import type { SearchHit } from "../index/search";
import { scoreSpot } from "./score-passage";

/** The date that answers "when…?" questions: a printed date in a sentence that covers the question. */
export interface ScoredDate {
  mention: DateMention;
  chunk: Chunk;
  sentence: string;
  /** Offset of the sentence in the document's cleaned text. */
  sentenceStart: number;
  score: number;
  clause: number;
}

const PRECISION_BONUS: Record<DateMention["precision"], number> = {
  day: 0.1,
  month: 0.06,
  quarter: 0.04,
  half: 0.02,
  year: 0,
};

export function rankDates(plan: QueryPlan, hits: SearchHit[]): ScoredDate[] {
  const best = hits[0]?.score ?? 1;
  const scored: ScoredDate[] = [];
  for (const hit of hits) {
    for (const sentence of splitSentences(hit.chunk.text)) {
      for (const mention of findDates(sentence.text)) {
        // A date that only cites a document (`Nghị quyết 175/NQ-CP ngày 30/10/2023`) is not an event's date.
        if (
          /\d+\s*\/\s*[\p{L}\d\-/Đđ]+\s*(?:ngày)?\s*$/u.test(
            sentence.text.slice(Math.max(0, mention.start - 30), mention.start),
          )
        )
          continue;
        const spot = scoreSpot(
          plan.concepts,
          sentence.text,
          mention.start,
          mention.end,
          hit.chunk.sectionPath,
        );
        const score =
          (0.5 * spot.clause +
            0.2 * spot.context +
            0.2 * spot.nearness +
            PRECISION_BONUS[mention.precision]) *
          (0.75 + (0.25 * hit.score) / best);
        if (spot.topicMissing) continue;
        scored.push({
          mention,
          chunk: hit.chunk,
          sentence: sentence.text,
          sentenceStart: hit.chunk.start + sentence.start,
          score,
          clause: Math.max(spot.clause, spot.context * 0.9),
        });
      }
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}
