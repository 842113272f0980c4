/**
 * Reading arrays by position when the type system cannot see that the position exists
 * (noUncheckedIndexedAccess): either the caller knows it does (`at`, which fails loudly if not)
 * or says what stands for a missing entry (`atOr`).
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

/** xs[i], or the fallback when the list has no entry there. */
export function atOr<T>(xs: ArrayLike<T>, i: number, fallback: T): T {
  const v = xs[i];
  return v === undefined ? fallback : v;
}

/** A writable list of numbers: an array or a typed array. */
interface Counts {
  [i: number]: number;
  readonly length: number;
}

/** counts[i] += by, where the caller's logic guarantees the entry; an InternalError if not. */
export function addAt(counts: Counts, i: number, by = 1): void {
  counts[i] = at(counts, i) + by;
}

/** into[i] += from[i] for every entry of `from` (`into` at least as long). */
export function addEach(into: Counts, from: ArrayLike<number>): void {
  for (let i = 0; i < from.length; i++) addAt(into, i, at(from, i));
}
