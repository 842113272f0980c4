import { isBlank, parseDurationSeconds } from "../core/values";
import { forEachCell, optionalKeyword, single } from "./args";
import { cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";
import type { FunctionSpec } from "./spec";

const TALK_OUTPUT: Record<string, "both" | "calls" | "minutes"> = {};
for (const w of ["both", "all", "оба", "обидва", "все", "всі"]) TALK_OUTPUT[w] = "both";
for (const w of [
  "calls",
  "count",
  "звонки",
  "звонков",
  "дзвінки",
  "дзвінків",
  "количество",
  "кількість",
])
  TALK_OUTPUT[w] = "calls";
for (const w of ["minutes", "min", "минуты", "минут", "хвилини", "хвилин"])
  TALK_OUTPUT[w] = "minutes";

/**
 * TALK_TIME(durations, [min_seconds], [output]): calls lasting at least min_seconds (60 by
 * default) and minutes on the line (all calls), spilled as one row; `output` "calls" or "minutes"
 * returns just one of them.
 */
export function talkTime(
  durations: unknown,
  minSeconds: unknown,
  output: unknown,
  ctx: FnContext,
): Result {
  const FN = "TALK_TIME";
  const minCell = single(FN, ctx, "min_seconds", minSeconds);
  let threshold = 60;
  if (!isBlank(minCell)) {
    const t = parseDurationSeconds(minCell, ctx.timeZone);
    if (t === null || t < 0)
      throw cellError(FN, ctx, "nonNegative", "min_seconds", FIRST_CELL_REF, minCell);
    threshold = t;
  }
  const outKey = optionalKeyword(FN, ctx, "output", output);
  const what = outKey === "" ? "both" : TALK_OUTPUT[outKey];
  if (!what)
    throw cellError(
      FN,
      ctx,
      "talkOutput",
      "output",
      FIRST_CELL_REF,
      single(FN, ctx, "output", output),
    );
  let calls = 0;
  let seconds = 0;
  forEachCell(durations, (v, row, col) => {
    if (isBlank(v)) return;
    const s =
      typeof v === "boolean" || Array.isArray(v) ? null : parseDurationSeconds(v, ctx.timeZone);
    if (s === null || s < 0) throw cellError(FN, ctx, "duration", "durations", { row, col }, v);
    seconds += s;
    if (s >= threshold) calls++;
  });
  const minutes = num(seconds / 60);
  if (what === "calls") return calls;
  if (what === "minutes") return minutes;
  return [[calls, minutes]];
}

/** TALK_TIME's spec: the source of its JSDoc, README entry and sidebar help. */
export const TALK_TIME_SPEC: FunctionSpec = {
  name: "TALK_TIME",
  summary: {
    en: "Calls of at least N seconds and minutes on the line from a column of call durations (seconds, mm:ss, h:mm:ss or duration cells): spills one row, calls and minutes.",
    ru: "Звонки не короче N секунд и минуты на линии по столбцу длительностей (секунды, мм:сс, ч:мм:сс или ячейки-длительности): одна строка — звонки и минуты.",
    uk: "Дзвінки не коротші за N секунд і хвилини на лінії за стовпцем тривалостей (секунди, хх:сс, г:хх:сс або клітинки-тривалості): один рядок — дзвінки та хвилини.",
  },
  params: [
    {
      name: "durations",
      type: "Array<Array<*>>",
      description: {
        en: "Call durations: seconds, text mm:ss or h:mm:ss, or Sheets durations; blanks ignored.",
        ru: "Длительности звонков: секунды, текст мм:сс или ч:мм:сс, или длительности Таблиц; пустые игнорируются.",
        uk: "Тривалості дзвінків: секунди, текст хх:сс або г:хх:сс, або тривалості Таблиць; порожні ігноруються.",
      },
    },
    {
      name: "min_seconds",
      type: "number",
      optional: true,
      description: {
        en: "Optional: the shortest call that counts, in seconds (60 by default).",
        ru: "Необязательно: минимальная длительность засчитываемого звонка в секундах (60 по умолчанию).",
        uk: "Необов'язково: мінімальна тривалість дзвінка, що зараховується, у секундах (60 за замовчуванням).",
      },
    },
    {
      name: "output",
      type: "string",
      optional: true,
      description: {
        en: 'Optional: "both" (default, one row of two cells), "calls" or "minutes".',
        ru: 'Необязательно: "оба" (по умолчанию, строка из двух ячеек), "звонки" или "минуты".',
        uk: 'Необов\'язково: "обидва" (за замовчуванням, рядок із двох клітинок), "дзвінки" або "хвилини".',
      },
    },
  ],
  returns: {
    type: "Array<Array<number>>|number",
    description: {
      en: "Calls of at least min_seconds and total minutes on the line (all calls).",
      ru: "Звонки не короче min_seconds и всего минут на линии (все звонки).",
      uk: "Дзвінки не коротші за min_seconds і всього хвилин на лінії (усі дзвінки).",
    },
  },
  examples: [
    { formula: '=TALK_TIME({45; "1:30"; "0:02:00"; 600})', result: "3 | 14.25" },
    { formula: '=TALK_TIME(Calls!D2:D, 60, "calls")', result: "calls of 60 s and more" },
  ],
};
