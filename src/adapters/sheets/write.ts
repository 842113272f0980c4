/**
 * Lays a SheetPlan out on a sheet. Computes nothing: the plan is final.
 *
 * Service calls depend on the plan's shape (blocks, charts, highlight styles), never on the
 * number of rows: one setNumberFormats + one setValues per block, one RangeList call per style,
 * one setConditionalFormatRules, one chart per ChartPlan.
 */

import { columnWidths } from "../../report/layout";
// The palette both writers share, as one namespace: style.HEADER_COLOR reads as what it is.
import * as style from "../../report/style";
import type { Block, CellValue, HighlightStyle, SheetPlan } from "../../report/types";
import { inertCell, TEXT_FORMAT } from "./text";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Pixels per character of the default 10 pt Arial, for widths computed in characters. */
const PX_PER_CHAR = 7;
/** Widest a column gets; longer text wraps (notes and titles overflow to the right). */
const MAX_COL_PX = 420;

/** Where a block lands: 1-based rows of its parts and its width. */
export interface BlockLayout {
  block: Block;
  titleRow: number;
  noteRow: number | null;
  headerRow: number;
  firstDataRow: number;
  rows: number;
  width: number;
  /** Total height including title and note. */
  height: number;
}

export interface SheetLayout {
  blocks: BlockLayout[];
  totalRows: number;
  totalCols: number;
}

/** Positions of every block: stacked top to bottom with one blank row between. */
export function layoutSheet(plan: SheetPlan): SheetLayout {
  let row = 1;
  let totalCols = 1;
  const blocks: BlockLayout[] = [];
  for (const block of plan.blocks) {
    const width = Math.max(1, block.header.length);
    const titleRow = row;
    const noteRow = block.note ? row + 1 : null;
    const headerRow = titleRow + (noteRow ? 2 : 1);
    const height = headerRow - titleRow + 1 + block.rows.length;
    blocks.push({
      block,
      titleRow,
      noteRow,
      headerRow,
      firstDataRow: headerRow + 1,
      rows: block.rows.length,
      width,
      height,
    });
    totalCols = Math.max(totalCols, width + (block.chart ? 8 : 0));
    row += height + 1;
  }
  return { blocks, totalRows: Math.max(1, row - 2), totalCols };
}

/** Every string goes in inert (see text.ts): the plan's text is partly the user's. */
function cell(v: CellValue): string | number | boolean {
  return inertCell(v) as string | number | boolean;
}

/** The block's rectangle of values and of number formats (title, note, header, rows). */
export function blockMatrices(l: BlockLayout): {
  values: (string | number | boolean)[][];
  formats: string[][];
} {
  const { block, width } = l;
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const textLine = (first: string) => {
    const line: (string | number | boolean)[] = new Array(width).fill("");
    line[0] = cell(first);
    values.push(line);
    formats.push(new Array(width).fill(TEXT_FORMAT));
  };
  textLine(block.title);
  if (block.note) textLine(block.note);
  const header: (string | number | boolean)[] = new Array(width).fill("");
  block.header.forEach((h, i) => {
    header[i] = cell(h);
  });
  values.push(header);
  formats.push(new Array(width).fill(TEXT_FORMAT));
  const colFormats = Array.from(
    { length: width },
    (_, i) => style.NUMBER_FORMATS[block.formats[i] ?? "text"] ?? TEXT_FORMAT,
  );
  for (const r of block.rows) {
    const line: (string | number | boolean)[] = new Array(width);
    for (let i = 0; i < width; i++) line[i] = cell(r[i] ?? null);
    values.push(line);
    formats.push(colFormats);
  }
  return { values, formats };
}

function colLetter(col: number): string {
  let s = "";
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

function a1(row: number, col: number, rows = 1, cols = 1): string {
  const tl = `${colLetter(col)}${row}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${colLetter(col + cols - 1)}${row + rows - 1}`;
}

/** Writes the plan onto an empty sheet. */
export function writeSheet(sheet: Sheet, plan: SheetPlan): SheetLayout {
  const layout = layoutSheet(plan);
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (layout.totalRows > maxRows) sheet.insertRowsAfter(maxRows, layout.totalRows - maxRows);
  if (layout.totalCols > maxCols) sheet.insertColumnsAfter(maxCols, layout.totalCols - maxCols);

  const bold: string[] = [];
  const titles: string[] = [];
  const headers: string[] = [];
  const notes: string[] = [];
  const styled = new Map<HighlightStyle, string[]>();
  const signRanges: GoogleAppsScript.Spreadsheet.Range[] = [];

  for (const l of layout.blocks) {
    const { values, formats } = blockMatrices(l);
    // Formats first, so text that looks like a date or number stays text.
    const range = sheet.getRange(l.titleRow, 1, l.height, l.width);
    range.setNumberFormats(formats);
    range.setValues(values);

    titles.push(a1(l.titleRow, 1));
    if (l.noteRow) notes.push(a1(l.noteRow, 1));
    headers.push(a1(l.headerRow, 1, 1, l.width));
    bold.push(a1(l.titleRow, 1), a1(l.headerRow, 1, 1, l.width));
    for (const h of l.block.highlights ?? []) {
      const row = h.row < 0 ? l.headerRow : l.firstDataRow + h.row;
      if (h.row >= l.rows) continue;
      const ref = h.col < 0 ? a1(row, 1, 1, l.width) : a1(row, h.col + 1);
      let list = styled.get(h.style);
      if (!list) {
        list = [];
        styled.set(h.style, list);
      }
      list.push(ref);
      if (h.style === "total") bold.push(ref);
    }
    if (l.rows > 0) {
      for (const c of l.block.signCols ?? []) {
        if (c < l.width) signRanges.push(sheet.getRange(l.firstDataRow, c + 1, l.rows, 1));
      }
    }
  }

  if (titles.length > 0) sheet.getRangeList(titles).setFontSize(12);
  if (bold.length > 0) sheet.getRangeList(bold).setFontWeight("bold");
  if (headers.length > 0) {
    const list = sheet.getRangeList(headers);
    list.setBackground(style.HEADER_COLOR);
    list.setWrap(true);
  }
  if (notes.length > 0) sheet.getRangeList(notes).setFontColor(style.NOTE_COLOR);
  for (const highlight of ["total", "warn", "bad", "good"] as HighlightStyle[]) {
    const list = styled.get(highlight);
    if (list && list.length > 0)
      sheet.getRangeList(list).setBackground(style.HIGHLIGHT_COLORS[highlight]);
  }
  if (signRanges.length > 0) {
    const rules = [
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberLessThan(0)
        .setFontColor(style.CHANGE_BAD)
        .setRanges(signRanges)
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(0)
        .setFontColor(style.CHANGE_GOOD)
        .setRanges(signRanges)
        .build(),
    ];
    sheet.setConditionalFormatRules(rules);
  }

  for (const l of layout.blocks) {
    const chart = l.block.chart;
    if (!chart || l.rows === 0) continue;
    const type =
      chart.type === "bar"
        ? Charts.ChartType.BAR
        : chart.type === "column"
          ? Charts.ChartType.COLUMN
          : Charts.ChartType.LINE;
    let builder = sheet
      .newChart()
      .setChartType(type)
      .addRange(sheet.getRange(l.headerRow, chart.categoryCol + 1, l.rows + 1, 1));
    for (const c of chart.seriesCols) {
      builder = builder.addRange(sheet.getRange(l.headerRow, c + 1, l.rows + 1, 1));
    }
    builder = builder
      .setNumHeaders(1)
      .setOption("title", chart.title)
      .setOption("legend", { position: "none" })
      .setPosition(l.titleRow, l.width + 2, 0, 0);
    sheet.insertChart(builder.build());
  }

  // Freeze a header only when one table is below it: a frozen header over another table's
  // columns misleads.
  const first = layout.blocks[0];
  if (first && layout.blocks.length === 1) sheet.setFrozenRows(first.headerRow);
  // Widths from content (no header word broken; headers wrap). Not auto-resize: that would
  // size the first column to the longest note. One call per column: the count follows the
  // plan's shape, never its values.
  columnWidths(plan.blocks).forEach((w, i) => {
    sheet.setColumnWidth(i + 1, Math.min(MAX_COL_PX, w * PX_PER_CHAR));
  });
  return layout;
}
