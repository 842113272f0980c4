/**
 * The shapes that cross between the sidebar and the server through `google.script.run`.
 * Only JSON values: strings, numbers, booleans, null, arrays and plain objects. Dates cross as
 * ISO `yyyy-mm-dd` strings, never as `Date` (Apps Script refuses to return a Date to the client).
 */

import type { Lang } from "../core/i18n";
import type { Period } from "../core/period";
import type { MappingChoice } from "../model/chosenMapping";
import type { TabKind } from "../model/types";
import type { OptionValues } from "./options";

/** One field of a tab kind, e.g. calls → "rep". */
export interface WireField {
  key: string;
  required: boolean;
  /** Required alternatives share a group: one of them is enough (minutes | hours | duration). */
  group?: string;
}

export interface WireKind {
  kind: TabKind;
  fields: WireField[];
}

/** A sheet of the spreadsheet as the sidebar shows it. */
export interface WireTab {
  name: string;
  /** The kind used (detected, or corrected by the user); null: not used. */
  kind: TabKind | null;
  /** What detection said from the headers alone. */
  detectedKind: TabKind | null;
  /** Header cells as text, in column order. */
  headers: string[];
  /** Data rows under the header. */
  rows: number;
  /** Field key → 0-based column index, for the fields found or chosen. */
  columns: Record<string, number>;
}

/** What the sidebar remembers (in the visible settings tab). */
export interface SidebarSettings {
  lang?: Lang;
  period?: Period;
  reps?: string[];
  sources?: string[];
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** SDR norms per working day for the Roles sheet (kept in the settings tab; SPEC §7). */
  roleNorms?: Partial<
    Record<"longCallsMin" | "longCallsMax" | "bookedMin" | "bookedMax" | "heldMin", number>
  >;
  /**
   * The report options (window, velocity goal, drop threshold, long calls, rows per breakdown) in
   * the user's units; {} once the sidebar has loaded and none is set.
   */
  options?: OptionValues;
  /** The pipeline to report (kept in the settings tab, set there by hand); absent: the most deals. */
  pipeline?: string;
}

export interface SidebarState {
  lang: Lang;
  timeZone: string;
  tabs: WireTab[];
  kinds: WireKind[];
  /** Funnel stages top to bottom. */
  stages: string[];
  /** The stage order is remembered (set by the user), not inferred from the data. */
  stagesFixed: boolean;
  /**
   * Where the stages come from and in what order: one plain-text sentence in the UI language
   * (shown under the stages; always set by the server).
   */
  stageSource?: string;
  /** Each rep's role as the report will use it (team tab, Role column or set by the user). */
  roles: { rep: string; role: "sdr" | "hunter" | "farmer" }[];
  reps: string[];
  sources: string[];
  /** Earliest and latest date in the data, ISO `yyyy-mm-dd`. */
  dateBounds: { from: string | null; to: string | null };
  settings: SidebarSettings;
}

/** The user's corrections: kinds and columns per tab, the stage order, the roles. */
export type MappingInput = MappingChoice;

export interface BuildRequest extends MappingInput {
  settings: SidebarSettings;
}

export interface BuildStart {
  buildId: string;
  /** One label per step, in the user's language. */
  steps: string[];
}

export interface BuiltSheet {
  key: string;
  name: string;
  sheetId: number;
}

export interface BuildStepResult {
  done: boolean;
  result?: { sheets: BuiltSheet[]; issues: number };
}

export interface TemplateResult {
  sheets: { name: string; sheetId: number }[];
}

export interface HelpFunction {
  name: string;
  summary: string;
  params: { name: string; description: string; optional: boolean }[];
  returns: string;
  examples: { formula: string; result: string; note?: string }[];
}

export interface FormulaHelp {
  lang: Lang;
  functions: HelpFunction[];
}
