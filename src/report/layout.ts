/**
 * Column widths and wrapped line counts from a plan's content, in characters of the default
 * font, for both writers: a column is as wide as its widest value and its longest header word
 * (no word is ever broken), long headers wrap onto lines of their own, long text wraps.
 */
import type { Block, CellValue, ColumnFormat } from "./types";

/** Text cells longer than this wrap instead of widening their column. */
export const TEXT_WRAP_AT = 44;
/** Points per line of the default 11 pt font. */
export const LINE_HEIGHT = 15;
/** A header wider than its values wraps once it passes this many characters. */
const HEADER_PREFERRED = 16;
/** Bold text is about this much wider. */
const BOLD = 1.1;
const MIN_WIDTH = 6;
const PADDING = 3;

function digits(x: number): number {
  const n = Math.abs(Math.round(x));
  const d = n >= 1 ? Math.floor(Math.log10(n)) + 1 : 1;
  return d + Math.floor((d - 1) / 3) + (x < 0 ? 1 : 0);
}

/** Characters a value takes in its number format. */
export function displayLength(v: CellValue, format: ColumnFormat): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    switch (format) {
      case "percent":
        return digits(v * 100) + 3;
      case "points":
        return digits(v) + 3;
      case "date":
        return 10;
      case "integer":
      case "money":
        return digits(v);
      default:
        return digits(v) + 3;
    }
  }
  return Math.min(String(v).length, TEXT_WRAP_AT);
}

function longestWord(text: string): number {
  let m = 0;
  for (const w of text.split(/\s+/)) m = Math.max(m, w.length);
  return m;
}

/** Widths (characters, padding included) of every column any block of a sheet uses. */
export function columnWidths(blocks: readonly Block[]): number[] {
  const widths: number[] = [];
  const header: number[] = [];
  for (const b of blocks) {
    b.header.forEach((h, i) => {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, Math.ceil(longestWord(h) * BOLD));
      header[i] = Math.max(header[i] ?? 0, Math.ceil(h.length * BOLD));
    });
    for (const r of b.rows) {
      r.forEach((v, i) => {
        widths[i] = Math.max(widths[i] ?? MIN_WIDTH, displayLength(v, b.formats[i] ?? "text"));
      });
    }
  }
  return widths.map((w, i) => {
    const h = header[i] ?? 0;
    const wide = h > w ? Math.max(w, Math.min(h, HEADER_PREFERRED)) : w;
    return Math.max(MIN_WIDTH, wide) + PADDING;
  });
}

/** Lines `text` takes in a column `width` characters wide, wrapping at spaces only. */
export function linesOf(text: string, width: number, bold = false): number {
  const room = Math.max(1, (width - PADDING + 1) / (bold ? BOLD : 1));
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    lines++;
    for (const w of para.split(/\s+/)) {
      if (w === "") continue;
      const need = line === 0 ? w.length : line + 1 + w.length;
      if (need <= room || line === 0) line = need;
      else {
        lines++;
        line = w.length;
      }
    }
  }
  return Math.max(1, lines);
}
