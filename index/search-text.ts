import { PARAGRAPH_STARTS_HERE, paragraphBefore } from "../core/sentences";
import { fromSuperscript } from "../core/text";
import type { Chunk, CleanDocument } from "../core/types";

/**
 * What the search side indexes for a chunk: its section path (so `4. Về phát triển công dân số` helps find
 * the figures under it), the first and the last sentence before it when it starts inside a paragraph (a
 * task's due date may open the next chunk; the paragraph's first sentence names its subject), its text, and the text of footnotes it references that sit in another chunk.
 */
export function searchTextOf(chunk: Chunk, document?: CleanDocument): string {
  const parts = [chunk.sectionPath.join(" \n ")];
  const carried = document ? paragraphBefore(document.text, chunk.start) : PARAGRAPH_STARTS_HERE;
  for (const sentence of new Set([carried.lead, carried.previous])) if (sentence) parts.push(sentence);
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
