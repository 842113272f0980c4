/** A raw tab with its mapping, the data issues it raises, and the cell helpers every reader shares. */
import { cellText, isBlank, parseDate } from "../../core/values";
import type { FieldKey } from "../fields";
import { type FieldDef, headerKey, KIND_FIELDS } from "../headers";
import type { TabMapping } from "../mapping";
import type { DataIssue, DataIssueReason, RawTab, TabKind } from "../types";

export interface Layout {
  tab: RawTab;
  m: TabMapping;
  headers: string[];
}

export class Issues {
  list: DataIssue[] = [];
  add(
    l: Layout,
    r: number,
    c: number,
    reason: DataIssueReason,
    value: unknown,
    detail?: string,
  ): void {
    const issue: DataIssue = {
      tab: l.tab.name,
      row: r + 1,
      column: c >= 0 ? c + 1 : 0,
      header: c >= 0 ? (l.headers[c] ?? "") : "",
      value: value === undefined ? "" : cellText(value).slice(0, 200),
      reason,
    };
    if (detail) issue.detail = detail;
    this.list.push(issue);
  }

  /** Notes a required cell left blank; true when it is (the row is then skipped). */
  missing(l: Layout, r: number, c: number, v: unknown): boolean {
    if (!isBlank(v)) return false;
    this.add(l, r, c, "missingRequired", v);
    return true;
  }

  /** A required cell read as `parsed`: when null, notes it as blank or as `bad`. */
  required<T>(l: Layout, r: number, c: number, v: unknown, parsed: T | null, bad: DataIssueReason) {
    if (parsed === null) this.add(l, r, c, isBlank(v) ? "missingRequired" : bad, v);
    return parsed;
  }
}

export function col(l: Layout, key: FieldKey): number {
  const c = l.m.columns[key];
  return typeof c === "number" && c >= 0 ? c : -1;
}

export function rowBlank(row: unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

export const looksLikeDate = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;

/** Excel serial days a date column may hold as plain numbers: 1954-10-03 … 2119-01-10. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/**
 * parseDate with a fast path for this realm's Dates in UTC (the 1M-row case); a plain number in
 * the range of Excel serial days is one (an unformatted date cell).
 */
export function dateOf(v: unknown, opts: { timeZone: string }): number | null {
  if (v instanceof Date && opts.timeZone === "UTC") {
    const t = v.getTime();
    return Number.isNaN(t) ? null : t;
  }
  if (typeof v === "number")
    return v >= SERIAL_MIN && v < SERIAL_MAX ? Math.round((v - 25569) * 86_400_000) : null;
  return parseDate(v, opts);
}

// ---------------------------------------------------------------------------------------------
// Layouts

/** Per kind: the fields a tab must have, each a list of alternatives (any one will do). */
const REQUIRED = requiredFields();

function requiredFields(): Record<TabKind, FieldKey[][]> {
  const out = {} as Record<TabKind, FieldKey[][]>;
  for (const [kind, fields] of Object.entries(KIND_FIELDS) as [TabKind, FieldDef[]][]) {
    const groups = new Map<string, FieldKey[]>();
    const list: FieldKey[][] = [];
    for (const f of fields) {
      if (!f.required || f.buildsWithout) continue;
      const group = f.group ? groups.get(f.group) : undefined;
      if (group) group.push(f.key);
      else {
        const alternatives = [f.key];
        if (f.group) groups.set(f.group, alternatives);
        list.push(alternatives);
      }
    }
    out[kind] = list;
  }
  return out;
}

/** The mapping with columns that moved found again by their header text. */
function relocate(m: TabMapping, headers: string[]): TabMapping {
  if (!m.headers) return m;
  let out: TabMapping | null = null;
  const keys = headers.map((h) => headerKey(h));
  for (const [field, h] of Object.entries(m.headers)) {
    const c = m.columns[field];
    if (!h || h.column !== c) continue;
    const want = headerKey(h.text);
    if (want === "" || keys[c] === want) continue;
    const found = keys.indexOf(want);
    if (found < 0 || keys.indexOf(want, found + 1) >= 0) continue;
    out ??= { ...m, columns: { ...m.columns } };
    out.columns[field] = found;
  }
  return out ?? m;
}

export function layoutOf(tab: RawTab, given: TabMapping, issues: Issues): Layout | null {
  const values = tab.values;
  const hr = values[given.headerRow];
  const headers = Array.isArray(hr) ? hr.map((v) => cellText(v)) : [];
  const m = relocate(given, headers);
  const l: Layout = { tab, m, headers };
  if (!m.kind) return null;
  // A group is named by its first field ("minutes" for minutes | hours | duration).
  const missing = REQUIRED[m.kind]
    .filter((alternatives) => alternatives.every((k) => col(l, k) < 0))
    .map((alternatives) => alternatives[0]);
  if (missing.length) {
    issues.add(l, m.headerRow, -1, "noHeader", "", missing.join(", "));
    return null;
  }
  return l;
}
