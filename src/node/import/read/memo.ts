/**
 * Small caches for the pure, hot lookups of the reader: a report repeats the
 * same award names, positions and header words many times, and matching a
 * text against the award catalogue is costly.
 */
// From the modules themselves, not core/awards's index: that also loads the eligibility rules, which
// the reader never uses (a reader worker starts faster).
import { matchAward, type AwardMatch } from '../../../core/awards/match';
import { cachedByText } from '../../../core/cache';

/** Wraps a pure function of a string in a bounded cache (20,000 texts per function). */
export function memoize<T>(fn: (text: string) => T): (text: string) => T {
  return cachedByText(fn, 20_000);
}

/** `matchAward(text)` without options, cached. */
export const awardOf: (text: string) => AwardMatch = memoize((text) => matchAward(text));

/** The keys of core/text, which keeps them itself (bounded caches): exported here for the reader's modules. */
export { foldKey, matchKey } from '../../../core/text';
