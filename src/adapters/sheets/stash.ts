/**
 * The step-wise build's stash in the document cache, bounded: each part (the request, one report
 * sheet's plan) is JSON, gzipped and base64-encoded by Apps Script's Utilities, and cut into
 * ASCII chunks (so no chunk splits a character and one character is one byte) under the cache's
 * 100 KB per value. The whole stash stays well under the cache's 1,000 items; a step reads its
 * part with one getAll.
 */

/** Characters per cache value (ASCII: bytes), under 100 KB. */
export const CHUNK_CHARS = 90_000;
/** At most this many chunks per build: half the cache's 1,000 items, the rest for others. */
export const MAX_STASH_CHUNKS = 500;
const CACHE_PREFIX = "voronka.plan.";
const CACHE_SECONDS = 1800;

/** Part name → its number of chunks (kept with the build's id in a document property). */
export type StashIndex = Record<string, number>;

function cache(): GoogleAppsScript.Cache.Cache {
  const c = CacheService.getDocumentCache();
  if (!c) throw new Error("CacheService.getDocumentCache() is not available");
  return c;
}

function keyOf(buildId: string, part: string, i: number): string {
  return `${CACHE_PREFIX}${buildId}.${part}.${i}`;
}

/** JSON → gzip → base64, cut into ASCII chunks. */
export function pack(value: unknown): string[] {
  const zipped = Utilities.gzip(Utilities.newBlob(JSON.stringify(value), "application/json"));
  const text = Utilities.base64Encode(zipped.getBytes());
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) out.push(text.slice(i, i + CHUNK_CHARS));
  return out.length ? out : [""];
}

export function unpack(chunks: string[]): unknown {
  const bytes = Utilities.base64Decode(chunks.join(""));
  const json = Utilities.ungzip(Utilities.newBlob(bytes, "application/x-gzip")).getDataAsString(
    "UTF-8",
  );
  return JSON.parse(json);
}

/** Packs and stores parts (one putAll); returns their chunk counts, or null when too large. */
export function putParts(buildId: string, parts: Record<string, unknown>): StashIndex | null {
  const values: Record<string, string> = {};
  const index: StashIndex = {};
  let total = 0;
  for (const [part, value] of Object.entries(parts)) {
    const chunks = pack(value);
    total += chunks.length;
    if (total > MAX_STASH_CHUNKS) return null;
    index[part] = chunks.length;
    chunks.forEach((c, i) => {
      values[keyOf(buildId, part, i)] = c;
    });
  }
  cache().putAll(values, CACHE_SECONDS);
  return index;
}

/** One part (one getAll), or undefined when it expired or was evicted. */
export function getPart(buildId: string, part: string, index: StashIndex): unknown {
  const n = index[part];
  if (!n) return undefined;
  const keys = Array.from({ length: n }, (_, i) => keyOf(buildId, part, i));
  const got = cache().getAll(keys);
  const chunks: string[] = [];
  for (const k of keys) {
    const v = got[k];
    if (v === undefined || v === null) return undefined;
    chunks.push(v);
  }
  return unpack(chunks);
}

/** Removes every chunk of the build (best effort: they expire anyway). */
export function dropParts(buildId: string, index: StashIndex): void {
  try {
    const keys: string[] = [];
    for (const [part, n] of Object.entries(index))
      for (let i = 0; i < n; i++) keys.push(keyOf(buildId, part, i));
    if (keys.length) cache().removeAll(keys);
  } catch {
    // expires anyway
  }
}
