/**
 * ReportPlan → .xlsx with ExcelJS. Lays the plan out; computes nothing but the layout.
 *
 * Per sheet: blocks stacked top to bottom (title, optional note, header, rows, one blank row);
 * column widths and header heights from their content so no word is broken; notes wrapped across
 * the sheet's width; number formats per column; highlight fills; signed-change colours; native
 * data bars (conditional formatting) on the series of a bar chart. Header rows are frozen only
 * when the sheet holds one table, so a frozen header never sits over another table's columns.
 */
import ExcelJS from "exceljs";
import { columnWidths, LINE_HEIGHT, linesOf, TEXT_WRAP_AT } from "../../report/layout";
import {
  argb,
  BAR_COLOR,
  CHANGE_BAD,
  CHANGE_GOOD,
  HEADER_COLOR,
  HIGHLIGHT_COLORS,
  NOTE_COLOR,
  NUMBER_FORMATS,
} from "../../report/style";
import type {
  Block,
  CellValue,
  ColumnFormat,
  HighlightStyle,
  ReportPlan,
  SheetPlan,
} from "../../report/types";

const FILLS: Record<HighlightStyle, string> = {
  bad: argb(HIGHLIGHT_COLORS.bad),
  good: argb(HIGHLIGHT_COLORS.good),
  warn: argb(HIGHLIGHT_COLORS.warn),
  total: argb(HIGHLIGHT_COLORS.total),
};
const HEADER_FILL = argb(HEADER_COLOR);
const NOTE_FONT = argb(NOTE_COLOR);
const BAR_FILL = argb(BAR_COLOR);
const FALL_FONT = argb(CHANGE_BAD);
const RISE_FONT = argb(CHANGE_GOOD);

function fill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: color } };
}

/** A plan value as an ExcelJS cell value (dates as UTC Dates, blanks as null). */
function toCell(v: CellValue, format: ColumnFormat): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (format === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return new Date(`${v}T00:00:00Z`);
  }
  return v;
}

function colLetter(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) {
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  }
  return s;
}

/** The columns a native data bar pictures: a bar chart's first series. */
export function dataBarColumn(block: Block): number | null {
  if (block.chart?.type !== "bar" || block.rows.length === 0) return null;
  return block.chart.seriesCols[0] ?? null;
}

function writeBlock(
  ws: ExcelJS.Worksheet,
  block: Block,
  top: number,
  widths: number[],
  sheetCols: number,
): { headerRow: number; next: number } {
  let row = top;
  const span = Math.max(1, sheetCols);
  const chars = widths.slice(0, span).reduce((s, w) => s + w, 0);
  // Titles and notes across the sheet's columns, wrapped, as tall as their lines.
  if (span > 1) ws.mergeCells(row, 1, row, span);
  const title = ws.getCell(row, 1);
  title.value = block.title;
  title.font = { bold: true, size: 13 };
  title.alignment = { wrapText: true, vertical: "bottom" };
  ws.getRow(row).height = linesOf(block.title, chars / 1.3, true) * 18 + 2;
  row++;
  if (block.note) {
    if (span > 1) ws.mergeCells(row, 1, row, span);
    const note = ws.getCell(row, 1);
    note.value = block.note;
    note.font = { italic: true, color: { argb: NOTE_FONT } };
    note.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(row).height = linesOf(block.note, chars) * LINE_HEIGHT + 2;
    row++;
  }
  const headerRow = row;
  const width = Math.max(1, block.header.length);
  const hdr = ws.getRow(headerRow);
  let headerLines = 1;
  block.header.forEach((h, i) => {
    const c = hdr.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    const numeric = (block.formats[i] ?? "text") !== "text";
    c.alignment = {
      vertical: "bottom",
      wrapText: true,
      horizontal: numeric ? "right" : "left",
    };
    c.border = { bottom: { style: "thin", color: { argb: "FF999999" } } };
    headerLines = Math.max(headerLines, linesOf(h, widths[i] ?? 10, true));
  });
  hdr.height = headerLines * LINE_HEIGHT + 3;
  row++;

  const first = row;
  const signCols = new Set(block.signCols ?? []);
  block.rows.forEach((values, r) => {
    const xr = ws.getRow(first + r);
    let lines = 1;
    for (let i = 0; i < width; i++) {
      const format = block.formats[i] ?? "text";
      const v = values[i] ?? null;
      const c = xr.getCell(i + 1);
      c.value = toCell(v, format);
      if (format !== "text") c.numFmt = NUMBER_FORMATS[format];
      else if (typeof v === "string" && v.length > TEXT_WRAP_AT) {
        c.alignment = { wrapText: true, vertical: "top" };
        lines = Math.max(lines, linesOf(v, widths[i] ?? 10));
      }
      if (signCols.has(i) && typeof v === "number" && v !== 0) {
        c.font = { color: { argb: v < 0 ? FALL_FONT : RISE_FONT } };
      }
    }
    if (lines > 1) xr.height = lines * LINE_HEIGHT + 2;
  });

  const barCol = dataBarColumn(block);
  if (barCol !== null) {
    const letter = colLetter(barCol + 1);
    ws.addConditionalFormatting({
      ref: `${letter}${first}:${letter}${first + block.rows.length - 1}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          minLength: 0,
          maxLength: 100,
          cfvo: [{ type: "num", value: 0 }, { type: "max" }],
          color: { argb: BAR_FILL },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }

  for (const h of block.highlights ?? []) {
    const rowNo = h.row < 0 ? headerRow : first + h.row;
    const cols = h.col < 0 ? Array.from({ length: width }, (_, i) => i) : [h.col];
    for (const col of cols) {
      const c = ws.getCell(rowNo, col + 1);
      c.fill = fill(FILLS[h.style]);
      if (h.style === "total") c.font = { ...(c.font ?? {}), bold: true };
    }
  }
  return { headerRow, next: first + block.rows.length };
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const widths = columnWidths(sheet.blocks);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const sheetCols = widths.length;
  let top = 1;
  let frozen = 0;
  for (const block of sheet.blocks) {
    const { headerRow, next } = writeBlock(ws, block, top, widths, sheetCols);
    if (frozen === 0) frozen = headerRow;
    top = next + 1;
  }
  if (sheet.blocks.length === 1 && frozen > 0) {
    ws.views = [{ state: "frozen", ySplit: frozen, xSplit: 0 }];
  }
}

/** The report plan as an ExcelJS workbook (one worksheet per sheet of the plan). */
export function planToWorkbook(plan: ReportPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Voronka";
  const used = new Set<string>();
  for (const sheet of plan.sheets) {
    let name = sheet.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || sheet.key;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name.slice(0, 28)} ${n}`;
    used.add(name.toLowerCase());
    const ws = wb.addWorksheet(name, {
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    writeSheet(ws, sheet);
  }
  return wb;
}

/** Writes the report plan to an .xlsx file. */
export async function writeReport(plan: ReportPlan, path: string): Promise<void> {
  await planToWorkbook(plan).xlsx.writeFile(path);
}
