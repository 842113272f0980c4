/**
 * The one way user text goes into a sheet: inert (never a formula, date or number) and read back
 * verbatim. Apps Script's setValues takes a string as if a person typed it: "=…" becomes a formula
 * whatever the cell's number format, "2026-01" a date, "10%" a number, and a leading apostrophe
 * is a quote prefix that is removed. So text cells get the plain-text format "@" before their
 * values, and any string Sheets might parse gets a leading apostrophe, which Sheets removes.
 */

/** The plain-text number format. */
export const TEXT_FORMAT = "@";

/**
 * Which strings get the apostrophe: formula starters (= + - @), a leading apostrophe of the
 * user's own (Sheets would eat it), #errors, and text that holds a digit but does not start with
 * a letter (numbers, dates, times, percents: "2026-01", "10%", "1 234"), which Sheets would
 * convert wherever the cell is not plain text. Text that starts with a letter ("Jan 2026",
 * "Agent 7") is left as it is, so labels in plain-text cells never show a stray apostrophe.
 */
const FORMULA_START = /^[=+\-@'#]/;
const NUMBER_LIKE = /^[^\p{L}]*\p{N}/u;
const BOOLEAN = /^(?:true|false)$/i;

export function inertText(s: string): string {
  if (s === "") return s;
  if (FORMULA_START.test(s) || NUMBER_LIKE.test(s) || BOOLEAN.test(s.trim())) return `'${s}`;
  return s;
}

export type SheetValue = string | number | boolean | Date;

/** A cell value for setValues: strings made inert, numbers and booleans as they are. */
export function inertCell(v: unknown): SheetValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  return inertText(String(v));
}

/** Writes a rectangle of text: plain-text format first, then inert values (two calls). */
export function writeText(range: GoogleAppsScript.Spreadsheet.Range, rows: unknown[][]): void {
  range.setNumberFormat(TEXT_FORMAT);
  range.setValues(
    rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : inertText(String(v))))),
  );
}
