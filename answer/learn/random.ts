/**
 * A seeded pseudo-random generator (mulberry32): question generation must give the same questions on
 * every run, so a refit changes weights only when the code or the corpus changed.
 */
export interface Random {
  next(): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let at = copy.length - 1; at > 0; at--) {
        const other = Math.floor(next() * (at + 1));
        [copy[at], copy[other]] = [copy[other] as (typeof copy)[number], copy[at] as (typeof copy)[number]];
      }
      return copy;
    },
  };
}

/**
 * A generator of one item's own: its draws depend on the seed and the item alone, so adding, removing or
 * rewording one item of the index changes that item's training questions and no other's.
 */
export function itemRandom(seed: number, item: string): Random {
  let hash = seed >>> 0;
  for (let at = 0; at < item.length; at++) hash = Math.imul(hash ^ item.charCodeAt(at), 0x01000193) >>> 0;
  return seededRandom(hash);
}
