/**
 * Breakdown blocks that add up to the whole: the largest N groups by name, then the rest in one
 * "Other" row, then the row without a name (no rep, no source, no date), then the total. So
 * 100,000 distinct sources make N + 3 rows, and every column sums to the funnel.
 */
import { addEach } from "../core/indexed";

export interface Group<T> {
  label: string;
  value: T;
  /** Sort weight: larger first (e.g. the group's count at the first stage). */
  weight: number;
}

export interface Breakdown<T> {
  /** Groups shown by name, in the given order among the top N. */
  shown: Group<T>[];
  /** Everything past the top N, merged; null when nothing is left. */
  other: { count: number; value: T } | null;
}

/**
 * The top `n` groups by weight (ties keep the given order, and the chosen ones keep the given
 * order too), and the rest merged with `merge` into one value.
 */
export function topN<T>(
  groups: Group<T>[],
  n: number,
  merge: (into: T | null, x: T) => T,
): Breakdown<T> {
  if (groups.length <= n) return { shown: groups, other: null };
  const ranked = groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.weight - a.g.weight || a.i - b.i);
  const keep = new Set(ranked.slice(0, n).map((x) => x.i));
  const shown: Group<T>[] = [];
  let rest: T | null = null;
  let count = 0;
  groups.forEach((g, i) => {
    if (keep.has(i)) shown.push(g);
    else {
      rest = merge(rest, g.value);
      count++;
    }
  });
  return { shown, other: rest === null ? null : { count, value: rest } };
}

/** Adds histograms (or any equal-length count arrays). */
export function addCounts(into: Int32Array | null, x: ArrayLike<number>): Int32Array {
  const out = into ?? new Int32Array(x.length);
  addEach(out, x);
  return out;
}
