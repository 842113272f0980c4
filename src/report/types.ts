/**
 * The report plan: everything the report writes, computed in memory before the first write.
 * Writers (Sheets, .xlsx) only lay it out; they compute nothing.
 */

import type { Lang } from "../core/i18n";
import type { Period } from "../core/period";

/** The report's sheets, in the order they are planned, written and shown. */
export const SHEET_KEYS = [
  "funnel",
  "kpi",
  "velocity",
  "changes",
  "time",
  "quality",
  "roles",
  "dataCheck",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

/** A plain cell value. Dates are ISO `yyyy-mm-dd` strings with format "date". */
export type CellValue = string | number | boolean | null;

export type ColumnFormat =
  | "text"
  | "integer"
  | "decimal"
  | "percent"
  /** Percentage points, stored as points (5.2 = +5.2 p.p.): never a percent format. */
  | "points"
  /** Money without kopecks (the data has none). */
  | "money"
  /** Money with kopecks (some amount in the data has them). */
  | "moneyCents"
  | "days"
  | "hours"
  | "date";

export type HighlightStyle = "bad" | "good" | "warn" | "total";

export interface Highlight {
  /** 0-based row inside the block's `rows` (-1 = header), and column (-1 = whole row). */
  row: number;
  col: number;
  style: HighlightStyle;
}

export interface ChartPlan {
  type: "bar" | "column" | "line";
  title: string;
  /** 0-based column indexes into the block: one for categories, one or more for series. */
  categoryCol: number;
  seriesCols: number[];
}

export interface Block {
  /** Stable id, e.g. "funnel.byStage". */
  id: string;
  title: string;
  /** Optional sentence under the title (a finding, a warning, a hint). */
  note?: string;
  header: string[];
  rows: CellValue[][];
  /** One format per column. */
  formats: ColumnFormat[];
  highlights?: Highlight[];
  chart?: ChartPlan;
  /**
   * 0-based columns holding signed changes: negative values are shown as bad and positive as
   * good (conditional formats in Sheets). Optional.
   */
  signCols?: number[];
}

export interface SheetPlan {
  key: SheetKey;
  /** Localized sheet name, e.g. "Воронка". */
  name: string;
  blocks: Block[];
}

export interface ReportPlan {
  lang: Lang;
  period: Period;
  sheets: SheetPlan[];
}
