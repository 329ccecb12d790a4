import { paragraphBefore } from "../core/sentences";
import { fromSuperscript } from "../core/text";
import type { Chunk, CleanDocument } from "../core/types";

/**
 * What the search side indexes for a chunk: its section path (so `4. Về phát triển công dân số` helps find
 * the figures under it), the sentence before it when it starts inside a paragraph (a task's due date may
 * open the next chunk), its text, and the text of footnotes it references that sit in another chunk.
 */
export function searchTextOf(chunk: Chunk, document?: CleanDocument): string {
  const carried = document ? paragraphBefore(document.text, chunk.start).previous : undefined;
  return indexedText(chunk, document, carried);
}

function indexedText(chunk: Chunk, document: CleanDocument | undefined, carried: string | undefined): string {
  const parts = [chunk.sectionPath.join(" \n ")];
  if (carried) parts.push(carried);
  parts.push(chunk.text);
  if (document) {
    const markers = new Set((chunk.text.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g) ?? []).map(fromSuperscript));
    for (const footnote of document.footnotes) {
      const inside = footnote.start >= chunk.start && footnote.end <= chunk.end;
      if (markers.has(footnote.marker) && !inside) parts.push(footnote.text);
    }
  }
  return parts.join("\n");
}

/**
 * What a hit's coverage of the question is measured on: the indexed text, and the first sentence of the
 * paragraph the chunk continues, which names its subject ("Tập đoàn điện lực Việt Nam …" before "… đã tiết
 * kiệm được trên 30 tỷ đồng/năm"). Indexed for term search too, that sentence drew in chunks it does not
 * answer for; as context of the chunk it only orders what the terms found.
 */
export function coverageTextOf(chunk: Chunk, document?: CleanDocument): string {
  const paragraph = document ? paragraphBefore(document.text, chunk.start) : undefined;
  const indexed = indexedText(chunk, document, paragraph?.previous);
  return paragraph?.lead ? `${paragraph.lead}\n${indexed}` : indexed;
}
