/**
 * Offline readers: .xlsx (every worksheet a raw tab) and .csv (one tab) into the same grid
 * values the Sheets adapter gives — dates as `Date`, numbers as numbers, "" for blanks.
 * CSV cells stay strings: the core parses "2016-10-20" and "1 234,5" itself.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { RawTab } from "../../model/types";
import { InputError } from "./errors";

/** Defined in ./errors, which the command loads without ExcelJS; re-exported for the readers' callers. */
export { InputError };

/** One cell of ExcelJS into a grid value (formula → cached result, rich text → text). */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    }
    if ("text" in o) return cellValue(o.text); // hyperlink
    if ("error" in o) return String(o.error);
  }
  return String(v);
}

/** Every worksheet of an .xlsx workbook as a raw tab (trailing empty rows and columns dropped). */
export async function readXlsx(
  data: Buffer | ArrayBuffer,
  fileLabel = "workbook",
): Promise<RawTab[]> {
  const wb = new ExcelJS.Workbook();
  try {
    // biome-ignore lint/suspicious/noExplicitAny: ExcelJS's Buffer typing predates Node's generic Buffer
    await wb.xlsx.load(data as any);
  } catch {
    throw new InputError(`${fileLabel}: not a readable .xlsx workbook`);
  }
  const tabs: RawTab[] = [];
  wb.eachSheet((ws) => {
    const values: unknown[][] = [];
    let width = 0;
    const rowCount = ws.actualRowCount > 0 ? ws.rowCount : 0;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = cellValue(cell.value);
        cells[col - 1] = v;
        if (v !== "") last = Math.max(last, col);
      });
      cells.length = last;
      for (let c = 0; c < last; c++) if (cells[c] === undefined) cells[c] = "";
      values.push(cells);
      if (last > width) width = last;
    }
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    for (const row of values) while (row.length < width) row.push("");
    tabs.push({ name: ws.name, values });
  });
  return tabs;
}

/**
 * Bytes → text: UTF-16 when a UTF-16 BOM says so (Excel's "Unicode text" export), else UTF-8
 * (BOM stripped) when valid, else Windows-1251.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1251").decode(body);
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter that splits the first lines (outside quotes) into the most, equally wide
 * columns; comma when nothing splits.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts: number[] = [];
    let n = 0;
    let inQuotes = false;
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const ch = sample[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch === d) n++;
      else if (!inQuotes && ch === "\n") {
        counts.push(n);
        n = 0;
      }
    }
    if (n > 0 || counts.length === 0) counts.push(n);
    const first = counts[0];
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** A CSV text into a raw tab: cells are strings, blank lines skipped, rows padded. */
export function parseCsv(text: string, name: string): RawTab {
  const delimiter = detectDelimiter(text);
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: "greedy" });
  const rows = res.data;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  for (const r of rows) while (r.length < width) r.push("");
  return { name, values: rows };
}

/** The tab name of a CSV file: its base name without the extension. */
export function csvTabName(path: string): string {
  return basename(path, extname(path));
}

/** Reads one input file (.xlsx or .csv) into raw tabs; `shown` is the path as the user wrote it. */
export async function readInput(path: string, shown = path): Promise<RawTab[]> {
  const ext = extname(path).toLowerCase();
  const label = basename(path);
  if (ext !== ".xlsx" && ext !== ".csv" && ext !== ".tsv" && ext !== ".txt") {
    throw new InputError(`${label}: unsupported file type (use .xlsx or .csv)`);
  }
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${shown}: no such file`);
    if (code === "EISDIR") throw new InputError(`${shown}: is a directory, not a file`);
    throw new InputError(`${shown}: cannot be read (${code ?? "error"})`);
  }
  if (data.length === 0) throw new InputError(`${label}: the file is empty`);
  if (ext === ".xlsx") return readXlsx(data, label);
  const tab = parseCsv(decodeText(data), csvTabName(path));
  if (tab.values.length === 0) throw new InputError(`${label}: the file is empty`);
  return [tab];
}
