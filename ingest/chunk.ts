import { createHash } from "node:crypto";
import { type SentenceSpan, splitSentences } from "../core/sentences";
import type { Chunk, CleanDocument, PageSpan, Section } from "../core/types";

/**
 * Chunks follow the section tree: a chunk never crosses a section boundary and never splits a sentence
 * (so never a number). Sentences are packed greedily up to a soft size; a longer sentence stays whole.
 */
export const CHUNK_TARGET_CHARS = 700;
/** A section this short is only a heading: it joins the next section's first chunk. */
const HEADING_ONLY_CHARS = 90;

export function hashChunk(sectionPath: string[], text: string): string {
  return createHash("sha256")
    .update(sectionPath.join(" › "))
    .update("\n")
    .update(text)
    .digest("hex")
    .slice(0, 32);
}

export function pageAt(pages: PageSpan[], offset: number): number | undefined {
  for (const span of pages) {
    if (offset >= span.start && offset <= span.end) return span.page;
  }
  return undefined;
}

function packSentences(sentences: SentenceSpan[], target: number): Array<{ start: number; end: number }> {
  const pieces: Array<{ start: number; end: number }> = [];
  let current: { start: number; end: number } | undefined;
  for (const sentence of sentences) {
    if (current && sentence.end - current.start > target) {
      pieces.push(current);
      current = undefined;
    }
    current = current
      ? { start: current.start, end: sentence.end }
      : { start: sentence.start, end: sentence.end };
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Sections merged so a heading-only section travels with the text under it. */
function mergeHeadingOnlySections(text: string, sections: Section[]): Section[] {
  const merged: Section[] = [];
  let pendingStart: number | undefined;
  sections.forEach((section, index) => {
    const isLast = index === sections.length - 1;
    if (text.slice(section.start, section.end).trim().length < HEADING_ONLY_CHARS && !isLast) {
      pendingStart ??= section.start;
      return;
    }
    merged.push({ ...section, start: pendingStart ?? section.start });
    pendingStart = undefined;
  });
  return merged;
}

/** Splits one cleaned document into chunks with ids `${docId}#${ordinal}`. */
export function chunkDocument(document: CleanDocument, target = CHUNK_TARGET_CHARS): Chunk[] {
  const { meta, text, pages } = document;
  const sentences = splitSentences(text);
  const chunks: Chunk[] = [];
  for (const section of mergeHeadingOnlySections(text, document.sections)) {
    const inside = sentences.filter(
      (sentence) => sentence.start >= section.start && sentence.end <= section.end,
    );
    for (const piece of packSentences(inside, target)) {
      const chunkText = text.slice(piece.start, piece.end);
      const page = pageAt(pages, piece.start);
      chunks.push({
        id: `${meta.id}#${chunks.length}`,
        docId: meta.id,
        text: chunkText,
        sectionPath: section.path,
        start: piece.start,
        end: piece.end,
        asOf: meta.asOf,
        hash: hashChunk(section.path, chunkText),
        ...(page !== undefined ? { page } : {}),
      });
    }
  }
  return chunks;
}
