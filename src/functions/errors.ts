/**
 * Error messages of the custom functions, in the user's language. Every message starts with the
 * function's name, names the argument and the cell (1-based row and column inside that range)
 * and says what was expected.
 */

import { instantToWall } from "../core/calendar";
import type { Lang } from "../core/lang";
import { isDate } from "../core/values";

/** What a pure custom function needs from the spreadsheet. */
export interface FnContext {
  /** The spreadsheet's IANA time zone (Dates are read in it). */
  timeZone: string;
  lang: Lang;
}

export const DEFAULT_CONTEXT: FnContext = { timeZone: "UTC", lang: "en" };

type Msg = (a: Record<string, string>) => string;

/** The catalog: what was expected, per language. `{v}` is the offending value as shown. */
const CATALOG = {
  number: {
    en: () => "expected a number",
    ru: () => "ожидалось число",
    uk: () => "очікувалося число",
  },
  positive: {
    en: () => "expected a number greater than 0",
    ru: () => "ожидалось число больше 0",
    uk: () => "очікувалося число більше за 0",
  },
  nonNegative: {
    en: () => "expected a number, 0 or more",
    ru: () => "ожидалось число не меньше 0",
    uk: () => "очікувалося число, не менше за 0",
  },
  date: {
    en: () => "expected a date (a date cell, 2026-03-01 or 01.03.2026)",
    ru: () => "ожидалась дата (ячейка с датой, 2026-03-01 или 01.03.2026)",
    uk: () => "очікувалася дата (клітинка з датою, 2026-03-01 або 01.03.2026)",
  },
  duration: {
    en: () => "expected a call duration (seconds, mm:ss, h:mm:ss or a duration cell), 0 or more",
    ru: () =>
      "ожидалась длительность звонка (секунды, мм:сс, ч:мм:сс или ячейка с длительностью), не меньше 0",
    uk: () =>
      "очікувалася тривалість дзвінка (секунди, хх:сс, г:хх:сс або клітинка з тривалістю), не менше 0",
  },
  rate: {
    en: () => "expected a rate between 0 and 1 (0.15 or 15%)",
    ru: () => "ожидалась доля от 0 до 1 (0,15 или 15%)",
    uk: () => "очікувалася частка від 0 до 1 (0,15 або 15%)",
  },
  rateAboveOne: {
    en: (a) => `expected a rate between 0 and 1; for ${a.n} percent write ${a.n}%`,
    ru: (a) => `ожидалась доля от 0 до 1; для ${a.n} процентов напишите ${a.n}%`,
    uk: (a) => `очікувалася частка від 0 до 1; для ${a.n} відсотків напишіть ${a.n}%`,
  },
  rateZero: {
    en: () => "a rate of 0 means the target cannot be reached; expected a rate above 0",
    ru: () => "при доле 0 цель недостижима; ожидалась доля больше 0",
    uk: () => "за частки 0 мету не досягти; очікувалася частка більше за 0",
  },
  noRates: {
    en: () => "expected at least one rate",
    ru: () => "ожидалась хотя бы одна доля",
    uk: () => "очікувалася хоча б одна частка",
  },
  single: {
    en: (a) => `expected a single value, got a ${a.shape} range`,
    ru: (a) => `ожидалось одно значение, получен диапазон ${a.shape}`,
    uk: (a) => `очікувалося одне значення, отримано діапазон ${a.shape}`,
  },
  vector: {
    en: (a) => `expected a single column or row, got a ${a.shape} range`,
    ru: (a) => `ожидался один столбец или строка, получен диапазон ${a.shape}`,
    uk: (a) => `очікувався один стовпець або рядок, отримано діапазон ${a.shape}`,
  },
  sameShape: {
    en: (a) => `expected ranges of the same shape, got ${a.a} ${a.shapeA} and ${a.b} ${a.shapeB}`,
    ru: (a) =>
      `ожидались диапазоны одного размера, получено ${a.a} ${a.shapeA} и ${a.b} ${a.shapeB}`,
    uk: (a) =>
      `очікувалися діапазони одного розміру, отримано ${a.a} ${a.shapeA} і ${a.b} ${a.shapeB}`,
  },
  sameLength: {
    en: (a) => `expected the same length as ${a.other} (${a.n}), got ${a.m}`,
    ru: (a) => `ожидалась та же длина, что у ${a.other} (${a.n}), получено ${a.m}`,
    uk: (a) => `очікувалася та сама довжина, що в ${a.other} (${a.n}), отримано ${a.m}`,
  },
  statistic: {
    en: () => 'expected "average", "median", "p90", "min", "max" or "count"',
    ru: () => 'ожидалось "среднее", "медиана", "p90", "минимум", "максимум" или "количество"',
    uk: () => 'очікувалося "середнє", "медіана", "p90", "мінімум", "максимум" або "кількість"',
  },
  unit: {
    en: () => 'expected "days", "hours" or "workdays"',
    ru: () => 'ожидалось "дни", "часы" или "рабочие дни"',
    uk: () => 'очікувалося "дні", "години" або "робочі дні"',
  },
  paceUnit: {
    en: () => 'expected "days" or "workdays"',
    ru: () => 'ожидалось "дни" или "рабочие дни"',
    uk: () => 'очікувалося "дні" або "робочі дні"',
  },
  talkOutput: {
    en: () => 'expected "both", "calls" or "minutes"',
    ru: () => 'ожидалось "оба", "звонки" или "минуты"',
    uk: () => 'очікувалося "обидва", "дзвінки" або "хвилини"',
  },
  text: {
    en: () => "expected a stage name",
    ru: () => "ожидалось название этапа",
    uk: () => "очікувалася назва етапу",
  },
  stages: {
    en: () => "expected at least one stage name",
    ru: () => "ожидалось хотя бы одно название этапа",
    uk: () => "очікувалася хоча б одна назва етапу",
  },
  stageCount: {
    en: (a) => `expected ${a.n} stage names (one more than the rates), got ${a.m}`,
    ru: (a) => `ожидалось ${a.n} названий этапов (на одно больше, чем долей), получено ${a.m}`,
    uk: (a) => `очікувалося ${a.n} назв етапів (на одну більше, ніж часток), отримано ${a.m}`,
  },
  endBeforeStart: {
    en: () => "expected a date on or after period_start",
    ru: () => "ожидалась дата не раньше period_start",
    uk: () => "очікувалася дата не раніше за period_start",
  },
  logForm: {
    en: () => "the log form needs ids, stages, dates, from_stage and to_stage",
    ru: () => "для формы журнала нужны ids, stages, dates, from_stage и to_stage",
    uk: () => "для форми журналу потрібні ids, stages, dates, from_stage і to_stage",
  },
  internal: {
    en: () => "could not compute the result",
    ru: () => "не удалось вычислить результат",
    uk: () => "не вдалося обчислити результат",
  },
} satisfies Record<string, Record<Lang, Msg>>;

export type ErrorKey = keyof typeof CATALOG;

const WORDS: Record<Lang, { arg: string; cell: string; got: string; row: string; col: string }> = {
  en: { arg: "argument", cell: "cell", got: "got", row: "row", col: "column" },
  ru: { arg: "аргумент", cell: "ячейка", got: "получено", row: "строка", col: "столбец" },
  uk: { arg: "аргумент", cell: "клітинка", got: "отримано", row: "рядок", col: "стовпець" },
};

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
  const w = WORDS[lang] ?? WORDS.en;
  const msg = (CATALOG[key][lang] ?? CATALOG[key].en)(args);
  let text = `${fn}: `;
  if (where) {
    text += `${w.arg} ${where.arg}`;
    if (where.cell) text += `, ${w.cell} (${w.row} ${where.cell.row}, ${w.col} ${where.cell.col})`;
    text += ": ";
  }
  text += msg;
  if (where?.hasValue) text += `; ${w.got} ${showValue(where.value, timeZone)}`;
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
