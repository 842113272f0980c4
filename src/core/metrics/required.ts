/**
 * Reverse-funnel arithmetic: how many first-step activities reach a target, rounded up without
 * letting floating-point noise add one (50 ÷ (0.15 × 1/3) is 1000, not 1001).
 */
import { at } from "../indexed";

/**
 * `x` rounded up to a whole number, except that a value within a relative 1e-9 of a whole number
 * is that whole number (products and quotients of rates carry noise in the last bits).
 */
export function ceilClean(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) return r;
  return Math.ceil(x);
}

/** Product of the rates, or 0 when any is 0. */
export function rateProduct(rates: readonly number[]): number {
  let p = 1;
  for (const r of rates) p *= r;
  return p;
}

/**
 * Activities needed at the first step to get `target` results through every rate; null when the
 * product of rates is 0 (the target cannot be reached).
 */
export function requiredActivities(target: number, rates: readonly number[]): number | null {
  const p = rateProduct(rates);
  if (!(p > 0)) return null;
  return ceilClean(target / p);
}

/** Per working day, rounded up (48 a day for 1000 over 21 days). */
export function perDay(total: number, workingDays: number): number | null {
  if (!(workingDays > 0)) return null;
  return ceilClean(total / workingDays);
}

/**
 * Needed count at every stage from the first activity to the result: stage i needs
 * target ÷ (rates[i] × … × rates[n-1]), each rounded up on its own (not chained), so the first
 * entry equals requiredActivities and the last is the target rounded up.
 */
export function requiredPerStage(target: number, rates: readonly number[]): number[] | null {
  const n = rates.length;
  const out = new Array<number>(n + 1);
  let p = 1;
  out[n] = ceilClean(target);
  for (let i = n - 1; i >= 0; i--) {
    p *= at(rates, i);
    if (!(p > 0)) return null;
    out[i] = ceilClean(target / p);
  }
  return out;
}
