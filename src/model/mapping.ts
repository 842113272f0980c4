/**
 * The column mapping: which kind each tab is, where its header row is, which column holds which
 * field, and the funnel's stage order. Plain JSON (versioned), shown and corrected in the sidebar.
 *
 * The visible settings tab keeps only the user's corrections (version 2): a whole tab when its kind
 * or header row was chosen, else just the fields set or cleared (`partial`), and the stage order
 * the user set. Everything else is detected afresh on every read (`applyCorrections`), so better
 * detection reaches spreadsheets set up before it. A version-1 tab (the whole mapping) is migrated
 * by keeping what differs from today's detection (`migrateMapping`).
 */
import { SETTINGS_MARKER, TAB_KINDS, type TabDetection } from "./detect";
import { roleOf } from "./team";
import type { Role, TabKind } from "./types";

export const MAPPING_VERSION = 2;

export interface TabMapping {
  /** Tab name as in the spreadsheet. */
  name: string;
  /** null: the tab is not used (the user switched it off). */
  kind: TabKind | null;
  /** 0-based header row index. */
  headerRow: number;
  /** Field key → 0-based column index. */
  columns: Record<string, number>;
  /**
   * Field key → the column and its header text when the field was mapped. When that column's
   * header is no longer there (the user inserted a column), buildModel finds it again by the
   * text. A field whose column was changed since (column ≠ columns[field]) is left alone.
   */
  headers?: Record<string, { column: number; text: string }>;
  /** Deals: stage-date / checkbox columns (0-based) with the stage each stands for. */
  stageColumns?: { stage: string; column: number }[];
  /** Checklist: criterion columns (0-based). */
  criteria?: { name: string; column: number }[];
  /** Deals with stage columns: the stage every row has reached (dated by the created column). */
  entryStage?: string;
  /** Deals with stage columns: the stage a won status stands for, when no column is the sale. */
  wonStage?: string;
  /**
   * A stored correction of fields only: the kind, header row and every field not named here come
   * from detection. `cleared`: fields the user unset.
   */
  partial?: boolean;
  cleared?: string[];
}

export interface WorkbookMapping {
  version: number;
  /** Funnel stages top to bottom; empty: inferred from the data. */
  stages: string[];
  tabs: TabMapping[];
  /** Roles set by the user (sidebar or settings tab); they win over a team tab (SPEC §7). */
  roles?: { rep: string; role: Role }[];
}

/** Well-formed roles: a rep name and a role word in any language; the last one per rep wins. */
export function cleanRoles(v: unknown): { rep: string; role: Role }[] {
  if (!Array.isArray(v)) return [];
  const byRep = new Map<string, { rep: string; role: Role }>();
  for (const x of v) {
    const o = (x && typeof x === "object" ? x : {}) as { rep?: unknown; role?: unknown };
    const rep = typeof o.rep === "string" ? o.rep.trim() : "";
    const role = roleOf(o.role);
    if (rep !== "" && role !== null) byRep.set(rep.toLowerCase(), { rep, role });
  }
  return [...byRep.values()];
}

export function emptyMapping(): WorkbookMapping {
  return { version: MAPPING_VERSION, stages: [], tabs: [] };
}

/** The mapping a detection stands for. */
export function tabMappingFromDetection(d: TabDetection): TabMapping {
  const columns: Record<string, number> = {};
  const headers: Record<string, { column: number; text: string }> = {};
  for (const [k, c] of Object.entries(d.columns)) {
    columns[k] = c.index;
    headers[k] = { column: c.index, text: c.header };
  }
  const m: TabMapping = { name: d.tab, kind: d.kind, headerRow: d.headerRow, columns, headers };
  if (d.stageColumns.length)
    m.stageColumns = d.stageColumns.map((s) => ({ stage: s.stage, column: s.index }));
  if (d.criteria.length) m.criteria = d.criteria.map((c) => ({ name: c.name, column: c.index }));
  if (d.entryStage) m.entryStage = d.entryStage;
  if (d.wonStage) m.wonStage = d.wonStage;
  return m;
}

function isKind(v: unknown): v is TabKind {
  return typeof v === "string" && (TAB_KINDS as readonly string[]).includes(v);
}

function nonNegInt(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** `[{<field>: text, column: n}]` from anything, as [text, column] pairs; null when not a list. */
function namedColumns(v: unknown, field: "stage" | "name"): [string, number][] | null {
  if (!Array.isArray(v)) return null;
  const out: [string, number][] = [];
  for (const s of v as Record<string, unknown>[]) {
    const n = nonNegInt(s?.column);
    const text = s?.[field];
    if (n !== null && typeof text === "string") out.push([text, n]);
  }
  return out;
}

/** A well-formed mapping from anything (JSON from the sidebar or the settings tab), or null. */
export function cleanMapping(v: unknown): WorkbookMapping | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const out = emptyMapping();
  if (typeof o.version === "number" && Number.isFinite(o.version)) out.version = o.version;
  if (Array.isArray(o.stages))
    out.stages = o.stages.filter((s): s is string => typeof s === "string" && s.trim() !== "");
  const roles = cleanRoles(o.roles);
  if (roles.length) out.roles = roles;
  if (Array.isArray(o.tabs)) {
    for (const t of o.tabs) {
      if (!t || typeof t !== "object") continue;
      const x = t as Record<string, unknown>;
      if (typeof x.name !== "string") continue;
      const kind = isKind(x.kind) ? x.kind : null;
      const tm: TabMapping = {
        name: x.name,
        kind,
        headerRow: nonNegInt(x.headerRow) ?? 0,
        columns: {},
      };
      if (x.columns && typeof x.columns === "object") {
        for (const [k, c] of Object.entries(x.columns as Record<string, unknown>)) {
          const n = nonNegInt(c);
          if (n !== null) tm.columns[k] = n;
        }
      }
      if (x.headers && typeof x.headers === "object") {
        const h: Record<string, { column: number; text: string }> = {};
        for (const [k, v] of Object.entries(x.headers as Record<string, unknown>)) {
          const o = v as { column?: unknown; text?: unknown } | null;
          const n = nonNegInt(o?.column);
          if (n !== null && typeof o?.text === "string" && k in tm.columns)
            h[k] = { column: n, text: o.text };
        }
        if (Object.keys(h).length) tm.headers = h;
      }
      const stageColumns = namedColumns(x.stageColumns, "stage");
      if (stageColumns)
        tm.stageColumns = stageColumns.map(([stage, column]) => ({ stage, column }));
      const criteria = namedColumns(x.criteria, "name");
      if (criteria) tm.criteria = criteria.map(([name, column]) => ({ name, column }));
      if (typeof x.entryStage === "string" && x.entryStage.trim()) tm.entryStage = x.entryStage;
      if (typeof x.wonStage === "string" && x.wonStage.trim()) tm.wonStage = x.wonStage;
      if (x.partial === true) {
        tm.partial = true;
        const cleared = Array.isArray(x.cleared)
          ? x.cleared.filter((k): k is string => typeof k === "string" && !(k in tm.columns))
          : [];
        if (cleared.length) tm.cleared = cleared;
      }
      out.tabs.push(tm);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rows of the settings tab
//
//   Voronka settings | version | 2
//   corrections      | Only your corrections are kept here; the rest is detected afresh.
//   stage            | 1       | Lead
//   tab              | Deals   | deals   | 1          (the kind chosen; header row, 1-based)
//   column           | Deals   | rep     | 3  | Owner  (1-based column, its header then)
//   column           | Calls   | source  | off        (a field the user cleared)
//   entry stage      | Deals   | Lead
//   stage column     | Deals   | Meeting | 7
//   won stage        | Deals   | Won
//   criterion        | Checks  | Greeting| 4
//   tab              | Notes   | off
//   role             | Anna    | sdr                (sdr / hunter / farmer, or лидоруб, хантер…)
//
// Columns are 1-based there, as a person counts them; everything else is as in the JSON. Rows of
// a tab without a "tab" row are corrections of those fields only (`partial`). The header text is
// optional: with it, a column that moved is found again by its header.

const WIDTH = 5;
const CORRECTIONS_TAG = "corrections";
const CORRECTIONS_NOTE =
  "Only your corrections are kept here; everything else is detected afresh on every read.";

function row(...cells: (string | number)[]): (string | number)[] {
  const r = cells.slice(0, WIDTH);
  while (r.length < WIDTH) r.push("");
  return r;
}

/** The mapping as rows for the settings tab (a fixed width of 5 columns). */
export function mappingToRows(mapping: WorkbookMapping): (string | number)[][] {
  const rows: (string | number)[][] = [
    row(SETTINGS_MARKER, "version", MAPPING_VERSION),
    row(CORRECTIONS_TAG, CORRECTIONS_NOTE),
  ];
  mapping.stages.forEach((s, i) => {
    rows.push(row("stage", i + 1, s));
  });
  for (const t of mapping.tabs) {
    if (!t.partial) rows.push(row("tab", t.name, t.kind ?? "off", t.headerRow + 1));
    for (const k of t.cleared ?? []) rows.push(row("column", t.name, k, "off"));
    if (t.entryStage) rows.push(row("entry stage", t.name, t.entryStage));
    if (t.wonStage) rows.push(row("won stage", t.name, t.wonStage));
    for (const [k, c] of Object.entries(t.columns))
      rows.push(
        row("column", t.name, k, c + 1, t.headers?.[k]?.column === c ? t.headers[k].text : ""),
      );
    for (const s of t.stageColumns ?? [])
      rows.push(row("stage column", t.name, s.stage, s.column + 1));
    for (const c of t.criteria ?? []) rows.push(row("criterion", t.name, c.name, c.column + 1));
  }
  for (const r of mapping.roles ?? []) rows.push(row("role", r.rep, r.role));
  return rows;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The mapping from settings-tab rows (unknown rows are ignored); null when there is none. */
export function mappingFromRows(rows: unknown[][]): WorkbookMapping | null {
  if (!Array.isArray(rows)) return null;
  let seen = false;
  const out = emptyMapping();
  out.version = 1;
  const stages: { n: number; name: string }[] = [];
  const roles: unknown[] = [];
  const byName = new Map<string, TabMapping>();
  /** Tabs with a "tab" row: their kind was chosen (the others are field corrections). */
  const chosen = new Set<string>();
  const tabOf = (name: string): TabMapping => {
    let t = byName.get(name);
    if (!t) {
      t = { name, kind: null, headerRow: 0, columns: {} };
      byName.set(name, t);
      out.tabs.push(t);
    }
    return t;
  };
  for (const r of rows) {
    if (!Array.isArray(r)) continue;
    const tag = text(r[0]).toLowerCase();
    if (tag === SETTINGS_MARKER.toLowerCase()) {
      seen = true;
      const v = Number(r[2]);
      if (Number.isFinite(v)) out.version = v;
    } else if (tag === "stage") {
      const name = text(r[2]);
      const n = Number(r[1]);
      if (name) stages.push({ n: Number.isFinite(n) ? n : stages.length + 1, name });
      seen = true;
    } else if (tag === "tab") {
      const name = text(r[1]);
      if (!name) continue;
      const t = tabOf(name);
      const k = text(r[2]);
      t.kind = isKind(k) ? k : null;
      t.headerRow = Math.max(0, (nonNegInt(r[3]) ?? 1) - 1);
      chosen.add(name);
      seen = true;
    } else if (tag === "role") {
      roles.push({ rep: text(r[1]), role: text(r[2]) });
      seen = true;
    } else if (tag === "entry stage" || tag === "won stage") {
      const name = text(r[1]);
      const stage = text(r[2]);
      if (!name || !stage) continue;
      const t = tabOf(name);
      if (tag === "entry stage") t.entryStage = stage;
      else t.wonStage = stage;
      seen = true;
    } else if (tag === "column" || tag === "stage column" || tag === "criterion") {
      const name = text(r[1]);
      const key = text(r[2]);
      if (tag === "column" && name && key && text(r[3]).toLowerCase() === "off") {
        const t = tabOf(name);
        if (!(t.cleared ?? []).includes(key)) t.cleared = [...(t.cleared ?? []), key];
        seen = true;
        continue;
      }
      const col = nonNegInt(r[3]);
      if (!name || !key || col === null || col < 1) continue;
      const t = tabOf(name);
      if (tag === "column") {
        t.columns[key] = col - 1;
        const h = text(r[4]);
        if (h) {
          t.headers ??= {};
          t.headers[key] = { column: col - 1, text: h };
        }
      } else if (tag === "stage column") {
        t.stageColumns ??= [];
        t.stageColumns.push({ stage: key, column: col - 1 });
      } else {
        t.criteria ??= [];
        t.criteria.push({ name: key, column: col - 1 });
      }
      seen = true;
    }
  }
  if (!seen) return null;
  stages.sort((a, b) => a.n - b.n);
  out.stages = stages.map((s) => s.name);
  for (const t of out.tabs) {
    if (out.version >= 2 && !chosen.has(t.name)) t.partial = true;
    if (t.cleared) t.cleared = t.cleared.filter((k) => !(k in t.columns));
    if (!t.partial || !t.cleared?.length) delete t.cleared;
  }
  const cleanRoleRows = cleanRoles(roles);
  if (cleanRoleRows.length) out.roles = cleanRoleRows;
  return out;
}

/** The user's corrections (the sidebar's MappingInput shape). */
export interface MappingCorrections {
  tabs: {
    name: string;
    kind: TabKind | null;
    /** Field key → 0-based column. */
    columns: Record<string, number>;
    headerRow?: number;
    stageColumns?: { stage: string; column: number }[];
    criteria?: { name: string; column: number }[];
  }[];
  /** Funnel stages top to bottom (empty or missing: keep / infer). */
  stages?: string[];
}

/**
 * A mapping with the user's corrections applied on top of `base` (typically `buildModel`'s
 * mapping): per named tab the kind and columns are replaced; header row, stage columns and
 * criteria are kept from `base` unless given, and dropped when the kind changed.
 */
export function withCorrections(base: WorkbookMapping, input: MappingCorrections): WorkbookMapping {
  const out = cleanMapping(base) ?? emptyMapping();
  const byName = new Map(out.tabs.map((t, i) => [t.name, i]));
  for (const c of Array.isArray(input?.tabs) ? input.tabs : []) {
    if (!c || typeof c.name !== "string") continue;
    const i = byName.get(c.name);
    const old = i === undefined ? null : (out.tabs[i] ?? null);
    const kind = isKind(c.kind) ? c.kind : null;
    const same = old !== null && old.kind === kind;
    const next = cleanMapping({
      tabs: [
        {
          name: c.name,
          kind,
          headerRow: c.headerRow ?? old?.headerRow ?? 0,
          columns: c.columns ?? {},
          stageColumns: c.stageColumns ?? (same ? old?.stageColumns : undefined),
          criteria: c.criteria ?? (same ? old?.criteria : undefined),
          entryStage: same ? old?.entryStage : undefined,
          wonStage: same ? old?.wonStage : undefined,
        },
      ],
    })?.tabs[0];
    if (!next) continue;
    if (i === undefined) {
      byName.set(c.name, out.tabs.length);
      out.tabs.push(next);
    } else out.tabs[i] = next;
  }
  if (Array.isArray(input?.stages) && input.stages.length)
    out.stages = input.stages.filter((s) => typeof s === "string" && s.trim() !== "");
  return out;
}
