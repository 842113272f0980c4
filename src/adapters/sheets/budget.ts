/**
 * The report's size, worked out before the first write: every new sheet's full grid (a new sheet
 * has at least 1,000 rows × 26 columns) counted against a budget, 1 million cells by default and
 * never more than the spreadsheet has left under Google's 10 million while the old report still
 * stands (it is deleted only after the swap). Over budget, the build is refused with a sentence
 * that says what to narrow.
 */
import type { Lang } from "../../core/lang";
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

const fmt = (lang: Lang, n: number) =>
  n.toLocaleString(lang === "en" ? "en-US" : lang === "ru" ? "ru-RU" : "uk-UA");

const NARROW: Record<Lang, string> = {
  en: "nothing was changed. Narrow it: pick fewer reps or sources, a shorter period, or months instead of weeks.",
  ru: "ничего не изменено. Сузьте отчёт: выберите меньше менеджеров или источников, короче период или месяцы вместо недель.",
  uk: "нічого не змінено. Звузьте звіт: виберіть менше менеджерів чи джерел, коротший період або місяці замість тижнів.",
};

const TOO_BIG: Record<Lang, (need: string, limit: string) => string> = {
  en: (need, limit) =>
    `The report would take ${need} cells, more than the ${limit} it may use in this spreadsheet; ${NARROW.en}`,
  ru: (need, limit) =>
    `Отчёту нужно ${need} ячеек — больше, чем ${limit}, доступных ему в этой таблице; ${NARROW.ru}`,
  uk: (need, limit) =>
    `Звіту потрібно ${need} клітинок — більше, ніж ${limit}, доступних йому в цій таблиці; ${NARROW.uk}`,
};

/** When the spreadsheet itself is (nearly) full: the room is what limits the report. */
const NO_ROOM: Record<Lang, (need: string, room: string) => string> = {
  en: (need, room) =>
    `The report would take ${need} cells, but this spreadsheet has room for only ${room} more of Google's 10 million; ${NARROW.en} Deleting sheets you no longer need also makes room.`,
  ru: (need, room) =>
    `Отчёту нужно ${need} ячеек, а в этой таблице осталось место лишь для ${room} из 10 миллионов, допустимых Google; ${NARROW.ru} Место освободит и удаление ненужных листов.`,
  uk: (need, room) =>
    `Звіту потрібно ${need} клітинок, а в цій таблиці лишилося місця лише для ${room} з 10 мільйонів, дозволених Google; ${NARROW.uk} Місце звільнить і видалення непотрібних аркушів.`,
};

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
  const say =
    room < maxCells
      ? NO_ROOM[lang](fmt(lang, need), fmt(lang, room))
      : TOO_BIG[lang](fmt(lang, need), fmt(lang, maxCells));
  throw new BuildRefused(say);
}

const STASH_TOO_BIG: Record<Lang, string> = {
  en: "The report is too large to prepare in steps; nothing was changed. Narrow it: pick fewer reps or sources, a shorter period, or months instead of weeks.",
  ru: "Отчёт слишком велик, чтобы подготовить его по шагам; ничего не изменено. Сузьте отчёт: выберите меньше менеджеров или источников, короче период или месяцы вместо недель.",
  uk: "Звіт завеликий, щоб підготувати його кроками; нічого не змінено. Звузьте звіт: виберіть менше менеджерів чи джерел, коротший період або місяці замість тижнів.",
};

export function stashTooBig(lang: Lang): BuildRefused {
  return new BuildRefused(STASH_TOO_BIG[lang]);
}
