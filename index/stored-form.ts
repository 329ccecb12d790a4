import type { Chunk, CleanDocument, Deadline, Figure } from "../core/types";

/**
 * How chunks, figures and deadlines are stored: without the texts that are slices of their document
 * (chunk text, quoted sentence), which are restored on load as slices of the one document string. The
 * index files shrink by half and a loaded index holds each document's text once.
 */
export type StoredChunk = Omit<Chunk, "text">;
export type StoredFigure = Omit<Figure, "sentence"> & { sentenceEnd: number };
export type StoredDeadline = Omit<Deadline, "sentence"> & { sentenceEnd: number };

export function storeChunk({ text: _text, ...chunk }: Chunk): StoredChunk {
  return chunk;
}

export function storeQuoted<T extends Figure | Deadline>({
  sentence,
  ...item
}: T): Omit<T, "sentence"> & { sentenceEnd: number } {
  return { ...item, sentenceEnd: item.sentenceStart + sentence.length };
}

export function restoreChunk(stored: StoredChunk, documentText: string): Chunk {
  return { ...stored, text: documentText.slice(stored.start, stored.end) };
}

export function restoreQuoted<T extends Figure | Deadline>(
  stored: Omit<T, "sentence"> & { sentenceEnd: number },
  documentText: string,
): T {
  const { sentenceEnd, ...item } = stored;
  // TypeScript cannot see that dropping `sentenceEnd` and adding `sentence` gives T back.
  return { ...item, sentence: documentText.slice(item.sentenceStart, sentenceEnd) } as unknown as T;
}

export function documentTexts(documents: CleanDocument[]): Map<string, string> {
  return new Map(documents.map((document) => [document.meta.id, document.text]));
}
