/**
 * The spec of talkTime.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import type { FunctionSpec } from "./spec";

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
