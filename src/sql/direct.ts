/**
 * UTF-8 CSV files DuckDB reads itself (Node only): the head of the file, read by our reader,
 * gives the detection and the model build; the whole file goes to DuckDB's `read_csv` when the
 * head's values are ones DuckDB reads the same way (ISO dates without offsets, plain numbers).
 * Anything else goes through our readers into a clean file (normalise.ts).
 */
import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { detectDelimiter } from "../adapters/xlsx/csv";
import { csvTabName, parseCsv } from "../adapters/xlsx/read";
import { cellText, currencyOfAmount, isBlank, parseDate } from "../core/values";
import type { TabMapping } from "../model/mapping";
import type { RawTab } from "../model/types";

/** Bytes of a file's head read for the sample (cut back to a whole line). */
export const HEAD_BYTES = 8 * 1024 * 1024;

export interface CsvHead {
  path: string;
  /** The head as our reader reads it (the whole file when it is small). */
  tab: RawTab;
  delimiter: string;
  /** The head is the whole file. */
  whole: boolean;
  /** Data rows in the file: estimated from the head's share of its bytes, then DuckDB's count. */
  rows: number;
}

const TEXT = new Set([".csv", ".tsv", ".txt"]);

/** The head of a UTF-8 CSV file; null for any other file (read it with readInput). */
export async function csvHead(path: string, maxBytes = HEAD_BYTES): Promise<CsvHead | null> {
  if (!TEXT.has(extname(path).toLowerCase())) return null;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  const fh = await open(path, "r");
  let bytes: Buffer;
  try {
    bytes = Buffer.alloc(Math.min(size, maxBytes));
    await fh.read(bytes, 0, bytes.length, 0);
  } finally {
    await fh.close();
  }
  const whole = bytes.length === size;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return null;
  const end = whole ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
  if (end <= start) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
  // HTML saved as .xls/.txt, and lone \r line ends, are left to our readers.
  if (/^\s*</.test(text) || /\r(?!\n)/.test(text)) return null;
  const tab = await parseCsv(text, csvTabName(path));
  const dataRows = Math.max(0, tab.values.length - 1);
  return {
    path,
    tab,
    delimiter: detectDelimiter(text),
    whole,
    rows: whole ? dataRows : Math.round((dataRows * size) / Math.max(1, end)),
  };
}

// A fraction of a second only when it is zero: our readers drop it, DuckDB would keep it (and a
// duration rounded to whole hours could then differ by one).
const ISO = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.0{1,6})?)?)?$/;
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** Fields whose values SQL casts, per kind: dates and numbers. */
const CAST_FIELDS: Record<string, { dates: string[]; numbers: string[] }> = {
  deals: { dates: ["created", "closed"], numbers: ["amount", "cost", "margin"] },
  stageLog: { dates: ["date"], numbers: ["amount"] },
  calls: { dates: ["date"], numbers: ["duration"] },
};

/**
 * Whether DuckDB reading this tab's raw text gives what our readers give: its header is the
 * first row, dates are ISO without offsets, numbers plain (no currency signs, no % margins,
 * durations in seconds), no separate time column. Judged on the head.
 */
export function readsTheSame(tab: RawTab, m: TabMapping): boolean {
  const kind = m.kind ?? "";
  const fields = CAST_FIELDS[kind];
  if (!fields || m.headerRow !== 0) return false;
  if (kind === "calls" && m.columns.time !== undefined) return false;
  const cols = (names: string[]) =>
    names.map((f) => m.columns[f]).filter((c): c is number => c !== undefined);
  const dates = cols(fields.dates);
  const numbers = cols(fields.numbers);
  const stageCols = kind === "deals" ? (m.stageColumns ?? []).map((s) => s.column) : [];
  const amount = m.columns.amount;
  for (let r = 1; r < tab.values.length; r++) {
    const row = tab.values[r] ?? [];
    for (const c of dates) {
      const v = row[c];
      if (!isBlank(v) && !ISO.test(cellText(v))) return false;
    }
    for (const c of numbers) {
      const v = row[c];
      if (!isBlank(v) && !PLAIN.test(cellText(v))) return false;
    }
    // A stage cell that is a date must be one DuckDB reads as the same date.
    for (const c of stageCols) {
      const v = row[c];
      if (!isBlank(v) && parseDate(v, { timeZone: "UTC" }) !== null && !ISO.test(cellText(v)))
        return false;
    }
    if (kind === "deals" && m.columns.currency === undefined && amount !== undefined)
      if (currencyOfAmount(row[amount]) !== "") return false;
  }
  return true;
}

/** The file's name, for messages. */
export const fileName = (h: CsvHead) => basename(h.path);
