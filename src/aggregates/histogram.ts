/**
 * Counts of (key, value) pairs of small integers without a map per key: each pair is packed into
 * one double and appended to a typed array; `forEach` sorts once and counts runs. A million pairs
 * cost one native sort instead of a million hash-map updates and their garbage.
 */

/** Values are shifted by this into [0, 2^21); outside [-2^20, 2^20) they are clamped. */
const VALUE_SHIFT = 1 << 20;
const VALUE_SPAN = 1 << 21;

export class Histogram {
  private packed = new Float64Array(1024);
  private n = 0;

  /** Counts `value` under `key` (a non-negative integer below 2^31). */
  add(key: number, value: number): void {
    if (this.n === this.packed.length) {
      const grown = new Float64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    const v = Math.min(VALUE_SPAN - 1, Math.max(0, value + VALUE_SHIFT));
    this.packed[this.n++] = key * VALUE_SPAN + v;
  }

  /** Each distinct (key, value) with its count, in order of key then value. */
  forEach(f: (key: number, value: number, count: number) => void): void {
    const xs = this.packed.subarray(0, this.n).sort();
    let i = 0;
    while (i < xs.length) {
      const x = xs[i] as number;
      let j = i + 1;
      while (j < xs.length && xs[j] === x) j++;
      const key = Math.floor(x / VALUE_SPAN);
      f(key, x - key * VALUE_SPAN - VALUE_SHIFT, j - i);
      i = j;
    }
  }
}
