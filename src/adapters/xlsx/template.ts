/**
 * The tracker template (src/template/plan.ts) as an .xlsx that Google Sheets imports: the same
 * tabs, headers, example rows and dropdowns the add-on's menu writes, and the example formulas
 * as text (nothing computes them without the add-on).
 *
 * Every string is written as a string cell, so a value that looks like a formula ("=SUM(…)",
 * "+7 …") stays text; the only values turned into something else are the plan's date stamps
 * ("2026-03-02", "2026-03-02 10:15"), written as dates as Sheets' setValues would read them.
 * Like the menu, it adds the settings tab with the lists tab switched off (it is no raw data).
 */
import ExcelJS from "exceljs";
import { at } from "../../core/indexed";
import { SETTINGS_SHEET_NAMES } from "../../model/detect";
import { MAPPING_VERSION, mappingToRows } from "../../model/mapping";
import type { formulaRows } from "../../template/formulas";
import { ref } from "../../template/formulas";
import {
  dropdownSources,
  listsTable,
  type TemplateCell,
  type TemplatePlan,
} from "../../template/plan";

/** Rows the dropdowns cover below the header, as in the add-on. */
export const DROPDOWN_ROWS = 999;
/** The add-on template's header shade (#e8f0fe). */
const HEADER_FILL = "FFE8F0FE";
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;

export interface OfflineFormulas {
  /** A sentence above the table: the functions need the add-on. */
  note: string;
  /** Function, what it does, formula, expected result. */
  header: string[];
  rows: ReturnType<typeof formulaRows>;
}

/** A plan cell as an ExcelJS value: date stamps as UTC dates (with a format), the rest as is. */
function cell(v: TemplateCell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof v === "number") return { value: v };
  const m = STAMP.exec(v);
  if (!m) return { value: v };
  const [, y, mo, d, h, mi] = m;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +(h ?? 0), +(mi ?? 0)));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== +d!) return { value: v };
  return { value: date, numFmt: h === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm" };
}

/** Header row (bold, shaded, frozen) and rows below it, starting at `top`; widths fit the text. */
function writeTable(ws: ExcelJS.Worksheet, header: string[], rows: TemplateCell[][], top = 1) {
  const head = ws.getRow(top);
  header.forEach((h, c) => {
    const x = head.getCell(c + 1);
    x.value = h;
    x.font = { bold: true };
    x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(top + 1 + i);
    for (let c = 0; c < header.length; c++) {
      const { value, numFmt } = cell(r[c] ?? "");
      const x = row.getCell(c + 1);
      x.value = value === "" ? null : value;
      if (numFmt) x.numFmt = numFmt;
    }
  });
  ws.views = [{ state: "frozen", ySplit: top }];
  header.forEach((h, c) => {
    const longest = Math.max(h.length, ...rows.map((r) => String(r[c] ?? "").length));
    ws.getColumn(c + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

/** Column letters of a 1-based index (1 → A, 27 → AA). */
function letters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * ExcelJS 4.4 writes a validation for a whole range (`dataValidations.add("B2:B1000", …)`, one
 * rule in the file) but its typings only declare the per-cell `cell.dataValidation`.
 */
function withRangeValidations(ws: ExcelJS.Worksheet) {
  return ws as ExcelJS.Worksheet & {
    dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
  };
}

/** The template as a workbook: raw tabs, the lists tab, the formulas sheet, the settings tab. */
export function templateWorkbook(plan: TemplatePlan, formulas: OfflineFormulas): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Voronka";
  const raw = plan.tabs.map((tab) => {
    const ws = wb.addWorksheet(tab.name);
    writeTable(ws, tab.header, tab.rows);
    return ws;
  });

  const lists = wb.addWorksheet(plan.lists.name);
  const table = listsTable(plan.lists);
  writeTable(lists, table.header, table.rows);

  // A dropdown per column, offering its list's column (edit the list and the dropdown follows);
  // a value not in the list is allowed with a warning, as in the add-on.
  for (const d of dropdownSources(plan)) {
    const L = letters(d.listCol + 1);
    const C = letters(d.col + 1);
    withRangeValidations(at(raw, d.tab)).dataValidations.add(`${C}2:${C}${DROPDOWN_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [ref(plan.lists.name, `$${L}$2:$${L}$${DROPDOWN_ROWS + 1}`)],
      showErrorMessage: true,
      errorStyle: "warning",
    });
  }

  const fx = wb.addWorksheet(plan.formulasName);
  fx.getCell(1, 1).value = formulas.note;
  fx.getCell(1, 1).font = { italic: true };
  writeTable(
    fx,
    formulas.header,
    formulas.rows.map((r) => [r.name, r.summary, r.shown, r.expected]),
    3,
  );

  const settings = wb.addWorksheet(SETTINGS_SHEET_NAMES[plan.lang]);
  const off = { name: plan.lists.name, kind: null, headerRow: 0, columns: {} };
  settings.addRows(mappingToRows({ version: MAPPING_VERSION, stages: [], tabs: [off] }));
  return wb;
}

export async function writeTemplateXlsx(
  plan: TemplatePlan,
  formulas: OfflineFormulas,
  path: string,
): Promise<void> {
  await templateWorkbook(plan, formulas).xlsx.writeFile(path);
}
