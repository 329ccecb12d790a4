/**
 * Plain BM25 over lowercase whitespace tokens: the baseline the eval compares against, i.e. what a
 * generic setup without Vietnamese-aware tokens, folding or a glossary would retrieve.
 */
export function simpleBm25(passages: string[]): (query: string, topK: number) => number[] {
  const tokenize = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const documents = passages.map(tokenize);
  const averageLength =
    documents.reduce((sum, tokens) => sum + tokens.length, 0) / Math.max(1, documents.length);
  const frequency = new Map<string, number>();
  for (const tokens of documents)
    for (const token of new Set(tokens)) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  return (query, topK) => {
    const terms = new Set(tokenize(query));
    const scores = documents.map((tokens) => {
      let score = 0;
      for (const term of terms) {
        const count = tokens.filter((token) => token === term).length;
        if (count === 0) continue;
        const df = frequency.get(term) ?? 0;
        const idf = Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
        score += (idf * count * 2.2) / (count + 1.2 * (0.25 + (0.75 * tokens.length) / averageLength));
      }
      return score;
    });
    return scores
      .map((score, index) => ({ score, index }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, topK)
      .map((entry) => entry.index);
  };
}
