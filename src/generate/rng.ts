/** Seeded randomness and the small date helpers every part of the generator shares. */
import { at } from "../core/indexed";

export const DAY = 86_400_000;

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `xs` (not empty), each as likely. */
export function pick<T>(r: () => number, xs: readonly T[]): T {
  return at(xs, Math.floor(r() * xs.length));
}

/** A draw from the exponential distribution with this mean. */
export function expDraw(r: () => number, mean: number): number {
  return -Math.log(1 - r()) * mean;
}

export function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/** "2026-01" or "2026-01-01" → year and 0-based month (default January 2026). */
export function monthStart(start: string | undefined): { y: number; m: number } {
  const m = /^(\d{4})-(\d{2})/.exec(start ?? "");
  return m ? { y: +at(m, 1), m: +at(m, 2) - 1 } : { y: 2026, m: 0 };
}

/** "yyyy-mm" of a UTC instant. */
export function monthKeyUTC(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}`;
}

export function isWorkdayUTC(ms: number): boolean {
  const wd = new Date(ms).getUTCDay();
  return wd !== 0 && wd !== 6;
}
