/**
 * The spec of planPace.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import type { FunctionSpec } from "./spec";

/** PLAN_PACE's spec: the source of its JSDoc, README entry and sidebar help. */
export const PLAN_PACE_SPEC: FunctionSpec = {
  name: "PLAN_PACE",
  summary: {
    en: "Run-rate forecast of a period's result and its share of plan, from explicit dates (no hidden TODAY): spills one row, forecast and forecast ÷ plan.",
    ru: "Прогноз результата периода по текущему темпу и его доля от плана, по явным датам (без скрытого TODAY): одна строка — прогноз и прогноз ÷ план.",
    uk: "Прогноз результату періоду за поточним темпом і його частка від плану, за явними датами (без прихованого TODAY): один рядок — прогноз і прогноз ÷ план.",
  },
  params: [
    {
      name: "actual",
      type: "number",
      description: {
        en: "The result so far in the period (sales, revenue, calls).",
        ru: "Результат периода на данный момент (продажи, выручка, звонки).",
        uk: "Результат періоду на цей момент (продажі, виторг, дзвінки).",
      },
    },
    {
      name: "plan",
      type: "number",
      description: {
        en: "The period's plan (blank or 0: the share is empty).",
        ru: "План на период (пусто или 0 — доля пуста).",
        uk: "План на період (порожньо або 0 — частка порожня).",
      },
    },
    {
      name: "period_start",
      type: "Date",
      description: {
        en: "First day of the period (a date, date text or serial day).",
        ru: "Первый день периода (дата, текст даты или номер дня).",
        uk: "Перший день періоду (дата, текст дати або номер дня).",
      },
    },
    {
      name: "period_end",
      type: "Date",
      description: {
        en: "Last day of the period, inclusive.",
        ru: "Последний день периода включительно.",
        uk: "Останній день періоду включно.",
      },
    },
    {
      name: "as_of",
      type: "Date",
      description: {
        en: "The day the actual is counted through, inclusive (e.g. a cell holding =TODAY()).",
        ru: "День, по который включительно посчитан факт (например, ячейка с =TODAY()).",
        uk: "День, по який включно пораховано факт (наприклад, клітинка з =TODAY()).",
      },
    },
    {
      name: "unit",
      type: "string",
      optional: true,
      description: {
        en: 'Optional: "days" (default, calendar days) or "workdays" (Monday to Friday).',
        ru: 'Необязательно: "дни" (по умолчанию, календарные) или "рабочие дни" (пн–пт).',
        uk: 'Необов\'язково: "дні" (за замовчуванням, календарні) або "робочі дні" (пн–пт).',
      },
    },
  ],
  returns: {
    type: "Array<Array<number>>",
    description: {
      en: "One row: the forecast for the period and its share of plan.",
      ru: "Одна строка: прогноз на период и его доля от плана.",
      uk: "Один рядок: прогноз на період і його частка від плану.",
    },
  },
  examples: [
    {
      formula: '=PLAN_PACE(120, 300, "2026-03-01", "2026-03-31", "2026-03-10")',
      result: "372 | 1.24",
    },
  ],
};
