/**
 * .xlsx workbooks read as a stream (ExcelJS's WorkbookReader): each row is turned into plain
 * grid values as it arrives and ExcelJS's row object is let go, so memory follows the values.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawTab } from "../../model/types";
import { InputError } from "./errors";
import { type RowBudget, TabBuilder } from "./tab";

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

/**
 * Every worksheet of an .xlsx (a path or a stream) as raw tabs, row numbers kept. `whole` gives
 * the file's bytes for the one layout the streaming reader cannot take (see below).
 */
export async function readXlsxStream(
  input: string | Readable,
  fileLabel: string,
  budget: RowBudget = { rows: 0 },
  whole?: () => Promise<Buffer>,
): Promise<RawTab[]> {
  const tabs: RawTab[] = [];
  const rowsBefore = budget.rows;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as never, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // number formats tell dates from numbers
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const tab = new TabBuilder(sheet.name, budget, true);
      let next = 1;
      for await (const row of sheet) {
        // Rows absent from the file are blank rows: keep the numbering.
        for (; next < row.number; next++) tab.add([]);
        const raw = row.values as unknown[];
        const cells: unknown[] = new Array(Math.max(0, raw.length - 1));
        for (let c = 1; c < raw.length; c++) cells[c - 1] = cellValue(raw[c]);
        tab.add(cells);
        next = row.number + 1;
      }
      tabs.push(tab.finish());
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    // ExcelJS's streaming reader fails (a TypeError on "sheets") when a sheet comes after the
    // shared strings but before xl/workbook.xml in the zip, an order ExcelJS's own writer
    // sometimes gives: such a workbook is read whole instead.
    if (whole && e instanceof TypeError) {
      budget.rows = rowsBefore;
      return readXlsxWhole(await whole(), fileLabel, budget);
    }
    throw new InputError("notXlsx", { file: fileLabel });
  } finally {
    // Stopped early (a limit, a broken file): let the file go now, not at garbage collection.
    if (typeof input !== "string") input.destroy();
  }
  return tabs;
}

/** Every worksheet of an .xlsx workbook held in memory as raw tabs. */
export function readXlsx(data: Buffer | ArrayBuffer, fileLabel = "workbook"): Promise<RawTab[]> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return readXlsxStream(Readable.from([bytes]), fileLabel, { rows: 0 }, async () => bytes);
}

/** The whole workbook loaded at once (ExcelJS's Workbook), as the stream reader would give it. */
export async function readXlsxWhole(
  bytes: Buffer,
  fileLabel: string,
  budget: RowBudget = { rows: 0 },
): Promise<RawTab[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    throw new InputError("notXlsx", { file: fileLabel });
  }
  const tabs: RawTab[] = [];
  for (const ws of wb.worksheets) {
    const tab = new TabBuilder(ws.name, budget, true);
    for (let r = 1; r <= ws.rowCount; r++) {
      const raw = ws.getRow(r).values as unknown[];
      const cells: unknown[] = new Array(Math.max(0, raw.length - 1));
      for (let c = 1; c < raw.length; c++) cells[c - 1] = cellValue(raw[c]);
      tab.add(cells);
    }
    tabs.push(tab.finish());
  }
  return tabs;
}
