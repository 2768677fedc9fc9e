/**
 * Small caches for the pure, hot lookups of the reader: a report repeats the
 * same award names, positions and header words many times, and matching a
 * text against the award catalogue is costly.
 */
// From the modules themselves, not core/awards's index: that also loads the eligibility rules, which
// the reader never uses (a reader worker starts faster).
import { matchAward, type AwardMatch } from '../../../core/awards/match';

const LIMIT = 20_000;

/** Wraps a pure function of a string in a bounded cache. */
export function memoize<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}

/** `matchAward(text)` without options, cached. */
export const awardOf: (text: string) => AwardMatch = memoize((text) => matchAward(text));

/** The keys of core/text, which keeps them itself (bounded caches): exported here for the reader's modules. */
export { foldKey, matchKey } from '../../../core/text';
