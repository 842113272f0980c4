/**
 * Writes the tracker template into a spreadsheet: new tabs only (a taken name gets a suffix),
 * one setValues per block, one data-validation rule per dropdown column. Text goes in inert
 * (text.ts); the example's own dates and durations, typed in ISO form, are left for Sheets to
 * parse, and the formulas tab's live column is a formula on purpose.
 */
import { dayNumber, instantToWall } from "../../core/calendar";
import type { Lang } from "../../core/i18n";
import { at } from "../../core/indexed";
import { FUNCTIONS } from "../../functions/registry";
import type { TabKind } from "../../model/types";
import { type FormulaRow, formulaRows, formulasHeader } from "../../template/formulas";
import {
  dropdownSources,
  freeName,
  listsTable,
  type TemplateCell,
  type TemplatePlan,
  templatePlan,
} from "../../template/plan";
import { roleFormulaRows, roleRefs } from "../../template/roleFormulas";
import { inertCell, TEXT_FORMAT } from "./text";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the dropdowns cover below the header. */
const DROPDOWN_ROWS = 999;
const HEADER_BG = "#e8f0fe";

export interface WrittenTemplate {
  sheets: { name: string; sheetId: number }[];
  /** The lists tab's name (not raw data: the caller switches it off in the mapping). */
  lists: string[];
}

/** The example's own typed values: ISO dates (with a time) and h:mm:ss durations. */
const TYPED = /^(?:\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?|\d{1,2}:\d{2}:\d{2})$/;

/** A live formula of ours (the formulas tab), written as one. */
interface Live {
  formula: string;
}
type Cell = TemplateCell | Live;

function value(c: Cell): string | number {
  if (typeof c === "object") return c.formula;
  if (typeof c === "string" && TYPED.test(c)) return c;
  return inertCell(c) as string | number;
}

function writeBlock(sheet: Sheet, header: string[], rows: Cell[][]): void {
  const width = header.length;
  sheet.getRange(1, 1, 1, width).setNumberFormat(TEXT_FORMAT);
  const block = [header, ...rows.map((r) => pad(r, width))].map((r) => r.map(value));
  sheet.getRange(1, 1, block.length, width).setValues(block);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold").setBackground(HEADER_BG);
  sheet.setFrozenRows(1);
}

function pad(row: Cell[], width: number): Cell[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push("");
  return out;
}

/** The names the template's tabs get: the plan's, suffixed where a name is taken. */
export interface TemplateNames {
  tabs: string[];
  lists: string;
  formulas: string;
}

export function templateNames(plan: TemplatePlan, existing: string[]): TemplateNames {
  const taken = [...existing];
  const next = (base: string) => {
    const name = freeName(base, taken);
    taken.push(name);
    return name;
  };
  const tabs = plan.tabs.map((t) => next(t.name));
  return { tabs, lists: next(plan.lists.name), formulas: next(plan.formulasName) };
}

/**
 * Adds the template's tabs (raw tabs, lists, formulas) after the existing ones and returns what
 * it added. Existing tabs are never read or written.
 */
export function writeTemplate(
  ss: Spreadsheet,
  plan: TemplatePlan,
  formulas: (names: TemplateNames) => { header: string[]; rows: FormulaRow[] },
): WrittenTemplate {
  const names = templateNames(
    plan,
    ss.getSheets().map((s) => s.getName()),
  );
  const add = (name: string): Sheet => ss.insertSheet(name, ss.getSheets().length);
  const written: Sheet[] = [];

  const rawSheets = plan.tabs.map((tab, i) => {
    const sheet = add(at(names.tabs, i));
    writeBlock(sheet, tab.header, tab.rows);
    written.push(sheet);
    return sheet;
  });

  const lists = add(names.lists);
  written.push(lists);
  const table = listsTable(plan.lists);
  writeBlock(lists, table.header, table.rows);

  for (const d of dropdownSources(plan)) {
    const source = lists.getRange(2, d.listCol + 1, DROPDOWN_ROWS, 1);
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInRange(source, true)
      .setAllowInvalid(true)
      .build();
    at(rawSheets, d.tab)
      .getRange(2, d.col + 1, DROPDOWN_ROWS, 1)
      .setDataValidation(rule);
  }

  const f = add(names.formulas);
  written.push(f);
  const fx = formulas(names);
  writeBlock(
    f,
    fx.header,
    fx.rows.map((r) => [r.name, r.summary, r.shown, r.live ? { formula: r.live } : "", r.expected]),
  );

  return {
    sheets: written.map((s) => ({ name: s.getName(), sheetId: s.getSheetId() })),
    lists: [names.lists],
  };
}

/** Adds the template for `lang`, its dates around `now` in the spreadsheet's zone. */
export function templateRun(
  ss: Spreadsheet,
  lang: Lang,
  timeZone: string,
  now: number = Date.now(),
): WrittenTemplate {
  const plan = templatePlan(lang, dayNumber(instantToWall(now, timeZone)));
  return writeTemplate(ss, plan, (names) => {
    /** The name a raw tab of `kind` was actually created under. */
    const tab = (kind: TabKind) =>
      at(
        names.tabs,
        plan.tabs.findIndex((t) => t.kind === kind),
      );
    return {
      header: formulasHeader(lang),
      rows: [
        ...formulaRows(FUNCTIONS, lang, {
          stageLog: tab("stageLog"),
          deals: tab("deals"),
          calls: tab("calls"),
          lists: names.lists,
          stages: plan.stages,
        }),
        ...roleFormulaRows(lang, { deals: tab("deals"), calls: tab("calls"), ...roleRefs(plan) }),
      ],
    };
  });
}
