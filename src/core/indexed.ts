/**
 * Reading arrays by position when the type system cannot see that the position exists
 * (noUncheckedIndexedAccess): where the caller knows it does, `at` returns the entry or fails
 * loudly; where a missing entry has a meaning, the caller writes it (`xs[i] ?? 0`).
 */

/** Our own invariant broke (a bug, never bad input): the message names what was expected. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`Internal error: ${message}`);
    this.name = "InternalError";
  }
}

/** xs[i] where the caller's logic guarantees the entry; an InternalError if it is missing. */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const v = xs[i];
  if (v === undefined) throw new InternalError(`no entry ${i} in a list of ${xs.length}`);
  return v;
}

/** A writable list of numbers: an array or a typed array. */
interface Counts {
  [i: number]: number;
  readonly length: number;
}

// addAt and addEach read the arrays themselves rather than through `at`: they run in loops over
// every row, and a read site that sees only number lists stays fast where `at`'s sees every kind.

/** counts[i] += by, where the caller's logic guarantees the entry; an InternalError if not. */
export function addAt(counts: Counts, i: number, by = 1): void {
  const v = counts[i];
  if (v === undefined) throw new InternalError(`no count ${i} in a list of ${counts.length}`);
  counts[i] = v + by;
}

/** into[i] += from[i] for every entry of `from` (`into` at least as long). */
export function addEach(into: Counts, from: ArrayLike<number>): void {
  if (into.length < from.length)
    throw new InternalError(`adding ${from.length} counts into ${into.length}`);
  for (let i = 0; i < from.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}
