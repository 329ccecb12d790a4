import { type HasWord, wordsIn } from "./coverage";

/**
 * The words of each chunk's coverage text, read on first use and kept compact: sorted ids into one
 * vocabulary, a few hundred bytes a chunk, so that measuring a candidate's coverage skips the wordings it
 * cannot hold without searching its text.
 */
export class ChunkWords {
  private readonly vocabulary = new Map<string, number>();
  private readonly ids: Array<Int32Array | undefined> = [];

  constructor(private readonly foldedTexts: string[]) {}

  of(position: number): HasWord {
    const ids = this.idsOf(position);
    return (word) => {
      const id = this.vocabulary.get(word);
      return id !== undefined && includesSorted(ids, id);
    };
  }

  private idsOf(position: number): Int32Array {
    let ids = this.ids[position];
    if (!ids) {
      const unique = new Set<number>();
      for (const word of wordsIn(this.foldedTexts[position] ?? "")) {
        let id = this.vocabulary.get(word);
        if (id === undefined) {
          id = this.vocabulary.size;
          this.vocabulary.set(word, id);
        }
        unique.add(id);
      }
      ids = Int32Array.from(unique).sort();
      this.ids[position] = ids;
    }
    return ids;
  }
}

function includesSorted(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] as number;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
