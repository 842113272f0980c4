/** Small descriptive statistics on plain number arrays (no blanks, no NaN). */

import { at } from "./indexed";

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Arithmetic mean, or null for no values. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

/**
 * Quantile by linear interpolation between closest ranks (Excel's PERCENTILE.INC, Sheets'
 * PERCENTILE), or null for no values. Sorts a copy.
 */
export function quantile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  return quantileSorted(sorted, p);
}

/** Quantile of values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const low = at(sorted, lo);
  return low + (h - lo) * (at(sorted, hi) - low);
}

export function median(xs: readonly number[]): number | null {
  return quantile(xs, 0.5);
}

export function min(xs: readonly number[]): number | null {
  let m: number | null = null;
  for (const x of xs) if (m === null || x < m) m = x;
  return m;
}

export function max(xs: readonly number[]): number | null {
  let m: number | null = null;
  for (const x of xs) if (m === null || x > m) m = x;
  return m;
}

/** a ÷ b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
