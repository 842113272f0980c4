/**
 * The synonym index every header scan uses: a header cell → the (kind, field) pairs it may name,
 * exact matches scoring 1 and partial ones less. Also the header-row test and a kind's columns
 * among given headers (for a kind the user chose in the sidebar).
 */
import { isBlank, parseNumber } from "../core/values";
import { DATE_LIKE } from "./columnProfile";
import { type FieldDef, headerKey, KIND_FIELDS } from "./headers";
import type { TabKind } from "./types";

export const TAB_KINDS: readonly TabKind[] = [
  "calls",
  "deals",
  "stageLog",
  "timeLog",
  "plan",
  "checklist",
  "team",
  "callsSummary",
  "aggregates",
];

/** The kinds detected from header synonyms ("aggregates" tabs are recognised by their views). */
export const SYNONYM_KINDS: readonly TabKind[] = TAB_KINDS.filter((k) => k !== "aggregates");

/** Rows from the top searched for the header (a title above the table is fine). */
export const HEADER_SCAN_ROWS = 15;

export interface Hit {
  kind: TabKind;
  field: FieldDef;
  score: number;
}

const EXACT = new Map<string, { kind: TabKind; field: FieldDef }[]>();
const PARTIAL: { key: string; kind: TabKind; field: FieldDef }[] = [];
for (const kind of SYNONYM_KINDS) {
  for (const field of KIND_FIELDS[kind]) {
    for (const syn of field.synonyms) {
      const key = headerKey(syn);
      let list = EXACT.get(key);
      if (!list) {
        list = [];
        EXACT.set(key, list);
      }
      if (!list.some((x) => x.kind === kind && x.field.key === field.key))
        list.push({ kind, field });
      if (key.length >= 4) PARTIAL.push({ key, kind, field });
    }
  }
}

/** The fields a header cell may name, best first among exact ones. */
export function hitsFor(header: string): Hit[] {
  const key = headerKey(header);
  if (key === "") return [];
  const out: Hit[] = [];
  for (const x of EXACT.get(key) ?? []) out.push({ ...x, score: 1 });
  if (key.length > 24) return out;
  for (const p of PARTIAL) {
    if (p.key === key) continue;
    if (key.includes(p.key) || (key.length >= 4 && p.key.startsWith(key))) {
      if (out.some((h) => h.kind === p.kind && h.field.key === p.field.key)) continue;
      out.push({ kind: p.kind, field: p.field, score: 0.4 + Math.min(p.key.length, 12) / 40 });
    }
  }
  return out;
}

/** A row that may be a header: at least two cells of text that is neither a number nor a date. */
export function mayBeHeaderRow(row: readonly unknown[]): boolean {
  let texts = 0;
  for (const v of row)
    if (typeof v === "string" && v.trim() !== "" && parseNumber(v) === null && !DATE_LIKE.test(v))
      texts++;
  return texts >= 2;
}

/** The first row within the scan that may be a header; 0 when none. */
export function firstHeaderRow(values: readonly unknown[][]): number {
  const scan = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const row = values[r];
    if (Array.isArray(row) && mayBeHeaderRow(row)) return r;
  }
  return 0;
}

/** A header row's cells as text, in column order. */
export function headerCells(row: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(row)) return [];
  return row.map((v) => (typeof v === "string" ? v.trim() : isBlank(v) ? "" : String(v).trim()));
}

/**
 * Columns of `kind` among `headers` by the synonym index, each column used once: exact names
 * first, then the best partial match.
 */
export function guessColumns(headers: readonly string[], kind: TabKind): Record<string, number> {
  const hits = headers.map((h) => hitsFor(h).filter((x) => x.kind === kind));
  const used = new Set<number>();
  const out: Record<string, number> = {};
  for (const exact of [true, false]) {
    for (const f of KIND_FIELDS[kind]) {
      if (f.key in out) continue;
      let best = -1;
      let bestScore = 0;
      hits.forEach((list, i) => {
        if (used.has(i)) return;
        const h = list.find((x) => x.field.key === f.key && (x.score === 1) === exact);
        if (h && h.score > bestScore) {
          best = i;
          bestScore = h.score;
        }
      });
      if (best >= 0) {
        out[f.key] = best;
        used.add(best);
      }
    }
  }
  return out;
}
