/**
 * How a plan looks, shared by the two writers (Sheets and .xlsx) so both reports look alike:
 * number formats per column format, and the colours of headers, notes, highlights and changes.
 * Colours are "#rrggbb" as the Spreadsheet service takes them; `argb` converts for ExcelJS.
 */
import type { ColumnFormat, HighlightStyle } from "./types";

export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.0",
  percent: "0.0%",
  points: "+0.0;-0.0;0.0",
  money: "#,##0",
  moneyCents: "#,##0.00",
  days: "0.0",
  hours: "0.0",
  date: "yyyy-mm-dd",
};

export const HIGHLIGHT_COLORS: Record<HighlightStyle, string> = {
  bad: "#f4cccc",
  good: "#d9ead3",
  warn: "#fff2cc",
  total: "#eeeeee",
};
export const HEADER_COLOR = "#dfe6f3";
export const NOTE_COLOR = "#555555";
/** Font colours of a signed change: a fall, a rise. */
export const CHANGE_BAD = "#cc0000";
export const CHANGE_GOOD = "#38761d";
/** The in-cell bars that picture a chart offline. */
export const BAR_COLOR = "#3c78d8";

/** "#rrggbb" → "FFRRGGBB", the opaque ARGB ExcelJS takes. */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}
