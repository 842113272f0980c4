/**
 * The report's size, worked out before the first write: every new sheet's full grid (a new sheet
 * has at least 1,000 rows × 26 columns) counted against a budget, 1 million cells by default and
 * never more than the spreadsheet has left under Google's 10 million while the old report still
 * stands (it is deleted only after the swap). Over budget, the build is refused with a sentence
 * that says what to narrow.
 */
import { type Lang, l, localeOf, translate } from "../../core/i18n";
import { UserError } from "../../core/userError";
import type { ReportPlan, SheetPlan } from "../../report/types";
import { layoutSheet } from "./write";

export const DEFAULT_MAX_CELLS = 1_000_000;
export const SPREADSHEET_CELL_LIMIT = 10_000_000;
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The cells a report sheet takes: its grid once written (a new sheet's default or larger). */
export function sheetCells(plan: SheetPlan): number {
  const l = layoutSheet(plan);
  return Math.max(NEW_SHEET_ROWS, l.totalRows) * Math.max(NEW_SHEET_COLS, l.totalCols);
}

export function reportCells(plan: ReportPlan): number {
  let n = 0;
  for (const s of plan.sheets) n += sheetCells(s);
  return n;
}

/** Cells the spreadsheet holds now (every sheet's grid). */
export function cellsInUse(ss: Spreadsheet): number {
  let n = 0;
  for (const sh of ss.getSheets()) n += sh.getMaxRows() * sh.getMaxColumns();
  return n;
}

/** A build refused for its size: the message says what to narrow (the RPC layer passes it on). */
export class BuildRefused extends UserError {}

/** Texts of a refused build; `{narrow}` is the shared advice, numbers come formatted. */
export const BUDGET_TEXTS = {
  narrow: l(
    "nothing was changed. Narrow it: pick fewer reps or sources, a shorter period, or months instead of weeks.",
    "ничего не изменено. Сузьте отчёт: выберите меньше менеджеров или источников, короче период или месяцы вместо недель.",
    "нічого не змінено. Звузьте звіт: виберіть менше менеджерів чи джерел, коротший період або місяці замість тижнів.",
  ),
  tooBig: l(
    "The report would take {need} cells, more than the {limit} it may use in this spreadsheet; {narrow}",
    "Отчёту нужно {need} ячеек — больше, чем {limit}, доступных ему в этой таблице; {narrow}",
    "Звіту потрібно {need} клітинок — більше, ніж {limit}, доступних йому в цій таблиці; {narrow}",
  ),
  /** When the spreadsheet itself is (nearly) full: the room is what limits the report. */
  noRoom: l(
    "The report would take {need} cells, but this spreadsheet has room for only {room} more of Google's 10 million; {narrow} Deleting sheets you no longer need also makes room.",
    "Отчёту нужно {need} ячеек, а в этой таблице осталось место лишь для {room} из 10 миллионов, допустимых Google; {narrow} Место освободит и удаление ненужных листов.",
    "Звіту потрібно {need} клітинок, а в цій таблиці лишилося місця лише для {room} з 10 мільйонів, дозволених Google; {narrow} Місце звільнить і видалення непотрібних аркушів.",
  ),
  stashTooBig: l(
    "The report is too large to prepare in steps; nothing was changed. Narrow it: pick fewer reps or sources, a shorter period, or months instead of weeks.",
    "Отчёт слишком велик, чтобы подготовить его по шагам; ничего не изменено. Сузьте отчёт: выберите меньше менеджеров или источников, короче период или месяцы вместо недель.",
    "Звіт завеликий, щоб підготувати його кроками; нічого не змінено. Звузьте звіт: виберіть менше менеджерів чи джерел, коротший період або місяці замість тижнів.",
  ),
};

const count = (lang: Lang, n: number) => n.toLocaleString(localeOf(lang));

/** The budget for this build: `maxCells`, and no more than what the spreadsheet has left. */
export function cellBudget(ss: Spreadsheet, maxCells = DEFAULT_MAX_CELLS): number {
  return Math.max(0, Math.min(maxCells, SPREADSHEET_CELL_LIMIT - cellsInUse(ss)));
}

/** Throws BuildRefused when the report would not fit its budget. */
export function checkBudget(
  ss: Spreadsheet,
  plan: ReportPlan,
  lang: Lang,
  maxCells = DEFAULT_MAX_CELLS,
): number {
  const need = reportCells(plan);
  const room = Math.max(0, SPREADSHEET_CELL_LIMIT - cellsInUse(ss));
  if (need <= Math.min(maxCells, room)) return need;
  const narrow = translate(BUDGET_TEXTS, lang, "narrow");
  const say =
    room < maxCells
      ? translate(BUDGET_TEXTS, lang, "noRoom", {
          need: count(lang, need),
          room: count(lang, room),
          narrow,
        })
      : translate(BUDGET_TEXTS, lang, "tooBig", {
          need: count(lang, need),
          limit: count(lang, maxCells),
          narrow,
        });
  throw new BuildRefused(say);
}

export function stashTooBig(lang: Lang): BuildRefused {
  return new BuildRefused(translate(BUDGET_TEXTS, lang, "stashTooBig"));
}
