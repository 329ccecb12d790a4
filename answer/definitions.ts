import { splitSentences } from "../core/sentences";
import { fold } from "../core/text";
import { foldPhrase } from "../index/glossary";
import type { QueryPlan } from "../index/query";
import type { LoadedIndex } from "../index/read";
import type { QuoteSpot } from "./citations";

/**
 * What the reports say a name stands for: `Đề án “ứng dụng dữ liệu dân cư …” (gọi tắt là Đề án 06)`. A
 * question "Đề án 06 là gì?" is answered with that sentence. Read once per index from every report.
 */
export interface Definition {
  /** The defined name, folded (`de an 06`). */
  term: string;
  spot: QuoteSpot;
}

const DEFINED_AS = /\((?:sau đây\s+)?(?:gọi tắt là|gọi là|viết tắt là)\s+([^)]{2,60})\)/giu;

const cache = new WeakMap<LoadedIndex, Definition[]>();

function definitionsOf(index: LoadedIndex): Definition[] {
  let found = cache.get(index);
  if (found) return found;
  found = [];
  for (const document of index.documents) {
    for (const sentence of splitSentences(document.text)) {
      for (const match of sentence.text.matchAll(DEFINED_AS)) {
        found.push({
          term: foldPhrase(match[1] ?? ""),
          spot: {
            docId: document.meta.id,
            sentence: sentence.text,
            sentenceStart: sentence.start,
            sectionPath:
              document.sections.find(
                (section) => section.start <= sentence.start && sentence.start < section.end,
              )?.path ?? [],
          },
        });
      }
    }
  }
  cache.set(index, found);
  return found;
}

/**
 * The definition of the longest defined name the question mentions, as typed or through the glossary
 * ("Project 06" is `đề án` with the number the question prints).
 */
export function findDefinition(index: LoadedIndex, plan: QueryPlan): Definition | undefined {
  const padded = ` ${foldPhrase(fold(plan.question))} `;
  const numbers = plan.question.match(/\d+/g) ?? [];
  const named = new Set(
    plan.concepts.flatMap((concept) =>
      concept.wordings.flatMap((wording) => [wording, ...numbers.map((number) => `${wording} ${number}`)]),
    ),
  );
  const definition = definitionsOf(index)
    .filter((definition) => padded.includes(` ${definition.term} `) || named.has(definition.term))
    .sort((a, b) => b.term.length - a.term.length)[0];
  if (!definition) return undefined;
  // "Đề án 06 là gì?" asks about the name; "… chủ đề của Đề án 06 là gì?" asks about something else.
  const others = plan.concepts.filter(
    (concept) => !concept.wordings.some((wording) => ` ${definition.term} `.includes(` ${wording} `)),
  );
  return others.length === 0 ? definition : undefined;
}
