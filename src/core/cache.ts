/**
 * A pure function of a text with its answers kept: imports and checks ask for
 * the keys and matches of the same words, names and headers again and again.
 * The cache is bounded: past `limit` entries it starts again, so memory stays
 * small on any batch (and in an Apps Script execution, which starts afresh).
 */
export function cachedByText<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
