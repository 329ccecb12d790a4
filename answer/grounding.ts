import { formatIsoForReader } from "../core/dates";
import type { Citation } from "./answer-types";

/**
 * The grounding check: every number in an answer must be printed in one of its cited quotes or in the
 * citation's own metadata (document number, dates). Numbers are compared digit-run by digit-run, so
 * `87,9` is grounded by a quote printing `87,9`, `2024` by a date `2024-03-31`, and the English `1000` of
 * `500–1000 billion` by the printed `1.000`.
 */
function digitRuns(text: string): string[] {
  return text.match(/\d+/g) ?? [];
}

/** `1.000`, `1,900`: a number the report prints in thousands groups, also as its answer writes it (`1000`). */
function groupedNumbers(text: string): string[] {
  return (text.match(/\d{1,3}(?:[.,]\d{3})+(?!\d)/g) ?? []).map((number) => number.replace(/[.,]/g, ""));
}

function allowedRuns(citations: Citation[], extra: string[]): Set<string> {
  const sources = citations.flatMap((citation) => [
    citation.quote,
    citation.label,
    citation.title,
    citation.number ?? "",
    citation.date ?? "",
    citation.date ? formatIsoForReader(citation.date) : "",
    citation.asOf,
    formatIsoForReader(citation.asOf),
    citation.section ?? "",
    String(citation.page ?? ""),
  ]);
  return new Set(
    [...sources, ...extra]
      .flatMap((text) => [...digitRuns(text), ...groupedNumbers(text)])
      .flatMap((run) => [run, run.replace(/^0+(?=\d)/, "")]),
  );
}

/** Numbers in `text` that no citation supports; empty when the answer is grounded. */
export function ungroundedNumbers(text: string, citations: Citation[], extra: string[] = []): string[] {
  const allowed = allowedRuns(citations, extra);
  return digitRuns(text).filter((run) => !allowed.has(run) && !allowed.has(run.replace(/^0+(?=\d)/, "")));
}
