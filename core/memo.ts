/**
 * Keeps a computed value for its key, emptying the memo first once it holds `limit` entries: memos keyed
 * by what users type, or by every sentence answering meets, stay bounded however long the server runs.
 */
export function remember<V>(memo: Map<string, V>, key: string, value: V, limit: number): V {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
}
