/**
 * Shares in the rulebooks are written as numbers (0.15, 0.7, 2 / 3). Comparing
 * counts against them in floating point goes wrong at the boundary (7 / 10 vs
 * 0.7, 2 of 3 members vs 2 / 3), so every comparison turns the share into an
 * exact fraction first and compares with integers only: a / b ≥ p / q is
 * a · q ≥ p · b.
 */

export interface Fraction {
  readonly num: number;
  readonly den: number;
}

/**
 * The simplest fraction equal to `share` (within 1e-9), found by continued
 * fractions with a denominator of at most `maxDen`: 0.15 → 3/20, 0.7 → 7/10,
 * 2 / 3 → 2/3, 1 → 1/1.
 */
export function toFraction(share: number, maxDen = 10_000): Fraction {
  if (!Number.isFinite(share) || share < 0) throw new RangeError(`Tỷ lệ không hợp lệ: ${share}.`);
  // Continued-fraction convergents h/k of share.
  let [h0, h1] = [0, 1];
  let [k0, k1] = [1, 0];
  let x = share;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(x);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDen) {
      [h1, k1] = [h0, k0];
      break;
    }
    if (Math.abs(h1 / k1 - share) < 1e-9) break;
    const rest = x - a;
    if (rest < 1e-12) break;
    x = 1 / rest;
  }
  return { num: h1, den: k1 };
}

/** count / base ≥ share, exactly. A zero base meets a zero share only. */
export function atLeast(count: number, base: number, share: number): boolean {
  const f = toFraction(share);
  return count * f.den >= f.num * base;
}

/** count / base > share, exactly. */
export function above(count: number, base: number, share: number): boolean {
  const f = toFraction(share);
  return count * f.den > f.num * base;
}

/** The largest count with count / base ≤ share: ⌊share · base⌋, exactly. */
export function floorShare(base: number, share: number): number {
  const f = toFraction(share);
  return Math.floor((f.num * base) / f.den);
}

/** share · base rounded half up (0,5 → 1), exactly. */
export function roundShareHalfUp(base: number, share: number): number {
  const f = toFraction(share);
  return Math.floor((2 * f.num * base + f.den) / (2 * f.den));
}

/** The smallest count with count / base ≥ share: ⌈share · base⌉, exactly. */
export function ceilShare(base: number, share: number): number {
  const f = toFraction(share);
  return Math.floor((f.num * base + f.den - 1) / f.den);
}

/** A share as Vietnamese text: "15%", "70%", "2/3", "12,5%". */
export function formatShare(share: number): string {
  const f = toFraction(share);
  if ((100 * f.num) % f.den === 0) return `${(100 * f.num) / f.den}%`;
  if ((1000 * f.num) % f.den === 0) return `${String((100 * f.num) / f.den).replace('.', ',')}%`;
  return `${f.num}/${f.den}`;
}

/** A ratio as a Vietnamese percentage with two decimals: 0.699 → "69,90%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 10_000) / 100).toFixed(2).replace('.', ',')}%`;
}
