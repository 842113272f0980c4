/**
 * Offline readers: .xlsx (every worksheet a raw tab), CSV/TSV/TXT (one tab) and HTML tables
 * saved as .xls (one tab) into the grid values the Sheets adapter gives — dates as `Date`,
 * numbers as numbers, "" for blanks. Text cells stay strings: the core parses "2016-10-20"
 * and "1 234,5" itself. What a file is comes from its first bytes, not only its extension.
 */
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { Readable } from "node:stream";
import type { RawTab } from "../../model/types";
import { readCsv } from "./csv";
import { InputError } from "./errors";
import { looksLikeHtml, readHtmlTable } from "./html";
import { MAX_FILE_BYTES } from "./limits";
import { type RowBudget, TabBuilder } from "./tab";
import { readXlsxStream } from "./xlsx-read";

export { detectDelimiter } from "./csv";
export { decodeText } from "./encoding";
export { InputError } from "./errors";
export { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS } from "./limits";
export { cellValue, readXlsx } from "./xlsx-read";

const TEXT_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);
const KNOWN_EXTENSIONS = new Set([".xlsx", ".xls", ".htm", ".html", ...TEXT_EXTENSIONS]);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/** The tab name of a one-tab file: its base name without the extension. */
export function csvTabName(path: string): string {
  return basename(path, extname(path));
}

/** A CSV held in memory as a raw tab (cells are strings; blank rows skipped). */
export async function parseCsv(text: string, name: string): Promise<RawTab> {
  const bytes = Buffer.from(text, "utf8");
  const built = await readCsv(
    () => Readable.from([bytes]),
    () => new TabBuilder(name, { rows: 0 }),
    name,
  );
  return built.finish();
}

async function head(path: string, shown: string): Promise<{ size: number; head: Uint8Array }> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new InputError("isDirectory", { file: shown });
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new InputError("noSuchFile", { file: shown });
    throw new InputError("cannotRead", { file: shown, reason: code ?? "error" });
  }
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, 4096));
    await fh.read(buf, 0, buf.length, 0);
    return { size, head: buf };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError("cannotRead", { file: shown, reason: code ?? "error" });
  } finally {
    await fh.close();
  }
}

const CHUNK = 1024 * 1024;

/**
 * Reads one input file into raw tabs; `shown` is the path as the user wrote it. `budget`
 * counts rows across every file of one run (MAX_ROWS in all).
 */
export async function readInput(
  path: string,
  shown = path,
  budget: RowBudget = { rows: 0 },
): Promise<RawTab[]> {
  const ext = extname(path).toLowerCase();
  const label = basename(path);
  if (!KNOWN_EXTENSIONS.has(ext)) throw new InputError("unsupportedType", { file: label });
  const { size, head: first } = await head(path, shown);
  if (size === 0) throw new InputError("fileEmpty", { file: label });
  if (size > MAX_FILE_BYTES) {
    throw new InputError("fileTooBig", {
      file: label,
      size: Math.ceil(size / 1024 / 1024),
      max: MAX_FILE_BYTES / 1024 / 1024,
    });
  }
  const stream = () => createReadStream(path, { highWaterMark: CHUNK });

  if (startsWith(first, OLE_MAGIC)) {
    throw new InputError(ext === ".xls" ? "binaryXls" : "unsupportedType", { file: label });
  }
  if (startsWith(first, ZIP_MAGIC)) {
    if (TEXT_EXTENSIONS.has(ext)) throw new InputError("unsupportedType", { file: label });
    return readXlsxStream(stream(), label, budget, () => readFile(path));
  }
  if (ext === ".xlsx") throw new InputError("notXlsx", { file: label });

  let tab: RawTab;
  if (looksLikeHtml(first)) {
    const rows = await readHtmlTable(stream());
    if (!rows) throw new InputError("noHtmlTable", { file: label });
    const builder = new TabBuilder(csvTabName(path), budget);
    for (const r of rows) builder.add(r);
    tab = builder.finish();
  } else {
    // Plain text (CSV, TSV, and .xls files some systems write as tab-separated text).
    const built = await readCsv(stream, () => new TabBuilder(csvTabName(path), budget), label);
    tab = built.finish();
  }
  if (tab.values.length === 0) throw new InputError("fileEmpty", { file: label });
  return [tab];
}
