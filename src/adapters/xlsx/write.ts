/**
 * ReportPlan → .xlsx with ExcelJS. Lays the plan out; computes nothing but the layout
 * (positions, widths) and the in-cell bars that picture a chart.
 *
 * Per sheet: blocks stacked top to bottom (title, optional note, header, rows, one blank row),
 * the first block's header frozen, number formats per column, highlight fills, signed-change
 * colours, and for a block with a chart an extra column of █ bars proportional to the first series.
 */
import ExcelJS from "exceljs";
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
} from "../../report/types";

const FILLS: Record<HighlightStyle, string> = {
  bad: argb(HIGHLIGHT_COLORS.bad),
  good: argb(HIGHLIGHT_COLORS.good),
  warn: argb(HIGHLIGHT_COLORS.warn),
  total: argb(HIGHLIGHT_COLORS.total),
};
const HEADER_FILL = argb(HEADER_COLOR);
const NOTE_FONT = argb(NOTE_COLOR);
const BAR_FONT = argb(BAR_COLOR);
const FALL_FONT = argb(CHANGE_BAD);
const RISE_FONT = argb(CHANGE_GOOD);
/** Width of the longest bar, in characters. */
export const BAR_WIDTH = 30;
const BAR = "█";

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
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

/** Display length of a value, for column widths. */
function displayLength(v: CellValue, format: ColumnFormat): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    if (format === "percent") return 7;
    if (format === "date") return 10;
    const digits = Math.abs(v) >= 1 ? Math.floor(Math.log10(Math.abs(v))) + 1 : 1;
    return digits + Math.floor((digits - 1) / 3) + (format === "integer" ? 1 : 4);
  }
  return String(v).length;
}

/** The bars of a chart's first series: BAR repeated in proportion to the largest value. */
export function barsFor(block: Block): string[] {
  const col = block.chart?.seriesCols[0] ?? -1;
  const nums = block.rows.map((r) => (typeof r[col] === "number" ? (r[col] as number) : 0));
  const max = Math.max(0, ...nums);
  return nums.map((n) => {
    if (max <= 0 || n <= 0) return "";
    return BAR.repeat(Math.max(1, Math.round((n / max) * BAR_WIDTH)));
  });
}

function writeBlock(
  ws: ExcelJS.Worksheet,
  block: Block,
  top: number,
  widths: number[],
): {
  headerRow: number;
  next: number;
} {
  let row = top;
  const title = ws.getCell(row, 1);
  title.value = block.title;
  title.font = { bold: true, size: 13 };
  row++;
  if (block.note) {
    const note = ws.getCell(row, 1);
    note.value = block.note;
    note.font = { italic: true, color: { argb: NOTE_FONT } };
    row++;
  }
  const headerRow = row;
  const width = Math.max(1, block.header.length);
  const bars = block.chart ? barsFor(block) : null;
  const barCol = width + 1;

  const hdr = ws.getRow(headerRow);
  block.header.forEach((h, i) => {
    const c = hdr.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    const numeric = (block.formats[i] ?? "text") !== "text";
    c.alignment = { vertical: "middle", wrapText: true, horizontal: numeric ? "right" : "left" };
    c.border = { bottom: { style: "thin", color: { argb: "FF999999" } } };
    widths[i] = Math.max(widths[i] ?? 0, Math.min(h.length, 24));
  });
  if (bars && block.chart) {
    const c = hdr.getCell(barCol);
    c.value = block.chart.title;
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    widths[barCol - 1] = Math.max(widths[barCol - 1] ?? 0, BAR_WIDTH + 2);
  }
  row++;

  const first = row;
  const signCols = new Set(block.signCols ?? []);
  block.rows.forEach((values, r) => {
    const xr = ws.getRow(first + r);
    for (let i = 0; i < width; i++) {
      const format = block.formats[i] ?? "text";
      const v = values[i] ?? null;
      const c = xr.getCell(i + 1);
      c.value = toCell(v, format);
      if (format !== "text") c.numFmt = NUMBER_FORMATS[format];
      if (signCols.has(i) && typeof v === "number" && v !== 0) {
        c.font = { color: { argb: v < 0 ? FALL_FONT : RISE_FONT } };
      }
      widths[i] = Math.max(widths[i] ?? 0, displayLength(v, format));
    }
    if (bars) {
      const c = xr.getCell(barCol);
      c.value = bars[r];
      c.font = { color: { argb: BAR_FONT } };
    }
  });

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
    const widths: number[] = [];
    let top = 1;
    let frozen = 0;
    for (const block of sheet.blocks) {
      const { headerRow, next } = writeBlock(ws, block, top, widths);
      if (frozen === 0) frozen = headerRow;
      top = next + 1;
    }
    if (frozen > 0) ws.views = [{ state: "frozen", ySplit: frozen, xSplit: 0 }];
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.max(10, Math.min(i === 0 ? 40 : 34, (w ?? 0) + 2));
    });
  }
  return wb;
}

/** Writes the report plan to an .xlsx file. */
export async function writeReport(plan: ReportPlan, path: string): Promise<void> {
  await planToWorkbook(plan).xlsx.writeFile(path);
}
