/** Interning of repeated texts and the deal-id hash index the stage log's 1M-row parse relies on. */

/**
 * One string per distinct text, for columns with few values (reps, sources): a deal then points
 * at a shared string instead of its own row's cell, so the report's passes over the deals read a
 * few strings that stay in cache rather than one scattered string per deal. Past `limit`
 * distinct values (a column that is not what it seems) texts are kept as they are.
 */
export class SharedTexts {
  private byText = new Map<string, string>();
  constructor(private readonly limit = 10_000) {}
  of(text: string): string {
    const shared = this.byText.get(text);
    if (shared !== undefined) return shared;
    if (this.byText.size < this.limit) this.byText.set(text, text);
    return text;
  }
}

/**
 * Deal id → index in order of first appearance. A Map<string, number> does the same, but at 1M
 * rows and ~450k ids its lookups were most of the parse (each one misses the cache through
 * bucket, chain entry and key string). Open addressing over one Int32Array of (hash, index + 1)
 * pairs costs a miss less, and other ids are told apart by hash without reading their strings.
 */
export class IdIndex {
  readonly ids: string[] = [];
  private mask = 1023;
  private slots = new Int32Array(2 * 1024);

  /** The index of `id`; a new id gets the next one (`ids.length` before the call). */
  indexOf(id: string): number {
    const h = hashText(id);
    const slots = this.slots;
    let s = h & this.mask;
    for (;;) {
      // Slots past the end read as empty (the table is never full, so a probe ends in one).
      const e = slots[2 * s + 1] ?? 0;
      if (e === 0) break;
      if (slots[2 * s] === h && this.ids[e - 1] === id) return e - 1;
      s = (s + 1) & this.mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    slots[2 * s] = h;
    slots[2 * s + 1] = index + 1;
    // At most half full; growing 4× at a time keeps the discarded tables small.
    if (2 * this.ids.length > this.mask) this.grow(4 * (this.mask + 1));
    return index;
  }

  private grow(size: number): void {
    const old = this.slots;
    const mask = size - 1;
    const slots = new Int32Array(2 * size);
    for (let o = 0; o < old.length; o += 2) {
      const h = old[o] ?? 0;
      const e = old[o + 1] ?? 0;
      if (e === 0) continue;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit FNV-1a over the UTF-16 code units, with a final mix so the low bits spread. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
