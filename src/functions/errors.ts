/**
 * Error messages of the custom functions, in the user's language. Every message starts with the
 * function's name, names the argument and the cell (1-based row and column inside that range)
 * and says what was expected.
 */

import { instantToWall } from "../core/calendar";
import { type Lang, type Localized, l, translate, type Vars } from "../core/i18n";
import { isDate } from "../core/values";

/** What a pure custom function needs from the spreadsheet. */
export interface FnContext {
  /** The spreadsheet's IANA time zone (Dates are read in it). */
  timeZone: string;
  lang: Lang;
}

export const DEFAULT_CONTEXT: FnContext = { timeZone: "UTC", lang: "en" };

/** The catalog: what was expected, per language; `{name}` comes from the arguments (e.g. a range's shape). */
export const FUNCTION_ERRORS = {
  number: l("expected a number", "ожидалось число", "очікувалося число"),
  positive: l(
    "expected a number greater than 0",
    "ожидалось число больше 0",
    "очікувалося число більше за 0",
  ),
  nonNegative: l(
    "expected a number, 0 or more",
    "ожидалось число не меньше 0",
    "очікувалося число, не менше за 0",
  ),
  date: l(
    "expected a date (a date cell, 2026-03-01 or 01.03.2026)",
    "ожидалась дата (ячейка с датой, 2026-03-01 или 01.03.2026)",
    "очікувалася дата (клітинка з датою, 2026-03-01 або 01.03.2026)",
  ),
  duration: l(
    "expected a call duration (seconds, mm:ss, h:mm:ss or a duration cell), 0 or more",
    "ожидалась длительность звонка (секунды, мм:сс, ч:мм:сс или ячейка с длительностью), не меньше 0",
    "очікувалася тривалість дзвінка (секунди, хх:сс, г:хх:сс або клітинка з тривалістю), не менше 0",
  ),
  rate: l(
    "expected a rate between 0 and 1 (0.15 or 15%)",
    "ожидалась доля от 0 до 1 (0,15 или 15%)",
    "очікувалася частка від 0 до 1 (0,15 або 15%)",
  ),
  rateAboveOne: l(
    "expected a rate between 0 and 1; for {n} percent write {n}%",
    "ожидалась доля от 0 до 1; для {n} процентов напишите {n}%",
    "очікувалася частка від 0 до 1; для {n} відсотків напишіть {n}%",
  ),
  rateZero: l(
    "a rate of 0 means the target cannot be reached; expected a rate above 0",
    "при доле 0 цель недостижима; ожидалась доля больше 0",
    "за частки 0 мету не досягти; очікувалася частка більше за 0",
  ),
  noRates: l(
    "expected at least one rate",
    "ожидалась хотя бы одна доля",
    "очікувалася хоча б одна частка",
  ),
  single: l(
    "expected a single value, got a {shape} range",
    "ожидалось одно значение, получен диапазон {shape}",
    "очікувалося одне значення, отримано діапазон {shape}",
  ),
  vector: l(
    "expected a single column or row, got a {shape} range",
    "ожидался один столбец или строка, получен диапазон {shape}",
    "очікувався один стовпець або рядок, отримано діапазон {shape}",
  ),
  sameShape: l(
    "expected ranges of the same shape, got {a} {shapeA} and {b} {shapeB}",
    "ожидались диапазоны одного размера, получено {a} {shapeA} и {b} {shapeB}",
    "очікувалися діапазони одного розміру, отримано {a} {shapeA} і {b} {shapeB}",
  ),
  sameLength: l(
    "expected the same length as {other} ({n}), got {m}",
    "ожидалась та же длина, что у {other} ({n}), получено {m}",
    "очікувалася та сама довжина, що в {other} ({n}), отримано {m}",
  ),
  statistic: l(
    'expected "average", "median", "p90", "min", "max" or "count"',
    'ожидалось "среднее", "медиана", "p90", "минимум", "максимум" или "количество"',
    'очікувалося "середнє", "медіана", "p90", "мінімум", "максимум" або "кількість"',
  ),
  unit: l(
    'expected "days", "hours" or "workdays"',
    'ожидалось "дни", "часы" или "рабочие дни"',
    'очікувалося "дні", "години" або "робочі дні"',
  ),
  paceUnit: l(
    'expected "days" or "workdays"',
    'ожидалось "дни" или "рабочие дни"',
    'очікувалося "дні" або "робочі дні"',
  ),
  talkOutput: l(
    'expected "both", "calls" or "minutes"',
    'ожидалось "оба", "звонки" или "минуты"',
    'очікувалося "обидва", "дзвінки" або "хвилини"',
  ),
  text: l("expected a stage name", "ожидалось название этапа", "очікувалася назва етапу"),
  stages: l(
    "expected at least one stage name",
    "ожидалось хотя бы одно название этапа",
    "очікувалася хоча б одна назва етапу",
  ),
  stageCount: l(
    "expected {n} stage names (one more than the rates), got {m}",
    "ожидалось {n} названий этапов (на одно больше, чем долей), получено {m}",
    "очікувалося {n} назв етапів (на одну більше, ніж часток), отримано {m}",
  ),
  endBeforeStart: l(
    "expected a date on or after period_start",
    "ожидалась дата не раньше period_start",
    "очікувалася дата не раніше за period_start",
  ),
  logForm: l(
    "the log form needs ids, stages, dates, from_stage and to_stage",
    "для формы журнала нужны ids, stages, dates, from_stage и to_stage",
    "для форми журналу потрібні ids, stages, dates, from_stage і to_stage",
  ),
  internal: l(
    "could not compute the result",
    "не удалось вычислить результат",
    "не вдалося обчислити результат",
  ),
} satisfies Record<string, Localized>;

export type ErrorKey = keyof typeof FUNCTION_ERRORS;

/** Where the error is: the argument, the cell, the value found. */
export const ERROR_PLACES = {
  // Literals, not l(): the sidebar bundles this module and drops what it does not read.
  arg: { en: "argument {arg}", ru: "аргумент {arg}", uk: "аргумент {arg}" },
  cell: {
    en: "cell (row {row}, column {col})",
    ru: "ячейка (строка {row}, столбец {col})",
    uk: "клітинка (рядок {row}, стовпець {col})",
  },
  got: { en: "got {value}", ru: "получено {value}", uk: "отримано {value}" },
} satisfies Record<string, Localized>;

/** A cell inside an argument's range, 1-based. */
export interface CellRef {
  row: number;
  col: number;
}

/** A short, safe rendering of a cell value for a message. */
export function showValue(v: unknown, timeZone = "UTC"): string {
  if (v === null || v === undefined || v === "") return '""';
  if (typeof v === "string") {
    const s = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return `"${s}"`;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return "Invalid Date";
    // As the spreadsheet shows it: wall-clock time in its zone.
    const wall = instantToWall(t, timeZone);
    if (!Number.isFinite(wall) || Math.abs(wall) > 8.64e15) return new Date(t).toISOString();
    const iso = new Date(wall).toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  if (Array.isArray(v)) return "[…]";
  return typeof v;
}

/**
 * The Error a custom function throws: `NAME: argument ARG, cell (row R, column C): expected …; got V.`
 */
export function fnError(
  fn: string,
  lang: Lang,
  key: ErrorKey,
  where?: { arg: string; cell?: CellRef; value?: unknown; hasValue?: boolean },
  args: Record<string, string> = {},
  timeZone = "UTC",
): Error {
  const say = (k: keyof typeof ERROR_PLACES, vars: Vars) => translate(ERROR_PLACES, lang, k, vars);
  let text = `${fn}: `;
  if (where) {
    text += say("arg", { arg: where.arg });
    if (where.cell) text += `, ${say("cell", { row: where.cell.row, col: where.cell.col })}`;
    text += ": ";
  }
  text += translate(FUNCTION_ERRORS, lang, key, args);
  if (where?.hasValue) text += `; ${say("got", { value: showValue(where.value, timeZone) })}`;
  return new Error(`${text}.`);
}

/** An error tied to one cell of an argument, showing the value found there. */
export function cellError(
  fn: string,
  ctx: FnContext,
  key: ErrorKey,
  arg: string,
  cell: CellRef,
  value: unknown,
  args: Record<string, string> = {},
): Error {
  return fnError(fn, ctx.lang, key, { arg, cell, value, hasValue: true }, args, ctx.timeZone);
}

/** An error about a whole argument (its shape or length). */
export function argError(
  fn: string,
  ctx: FnContext,
  key: ErrorKey,
  arg: string,
  args: Record<string, string> = {},
): Error {
  return fnError(fn, ctx.lang, key, { arg }, args);
}

/** The cell of a single-value argument. */
export const FIRST_CELL_REF: CellRef = { row: 1, col: 1 };
