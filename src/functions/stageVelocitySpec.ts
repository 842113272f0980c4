/**
 * The spec of stageVelocity.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import type { FunctionSpec } from "./spec";

/** STAGE_VELOCITY's spec: the source of its JSDoc, README entry and sidebar help. */
export const STAGE_VELOCITY_SPEC: FunctionSpec = {
  name: "STAGE_VELOCITY",
  summary: {
    en: "How long deals take from one stage to another. Two-column form: STAGE_VELOCITY(from_dates, to_dates, [statistic], [unit]). Log form: STAGE_VELOCITY(ids, stages, dates, from_stage, to_stage, [statistic], [unit]) on a stage-change log.",
    ru: "Сколько времени сделки идут от этапа к этапу. Форма двух столбцов: STAGE_VELOCITY(даты_от, даты_до, [статистика], [единица]). Форма журнала: STAGE_VELOCITY(ids, этапы, даты, этап_от, этап_до, [статистика], [единица]).",
    uk: "Скільки часу угоди йдуть від етапу до етапу. Форма двох стовпців: STAGE_VELOCITY(дати_від, дати_до, [статистика], [одиниця]). Форма журналу: STAGE_VELOCITY(ids, етапи, дати, етап_від, етап_до, [статистика], [одиниця]).",
  },
  params: [
    {
      name: "from_dates_or_ids",
      type: "Array<Array<*>>",
      description: {
        en: "Two-column form: dates the deals entered the first stage. Log form: the deal id of each log row.",
        ru: "Форма двух столбцов: даты входа в первый этап. Форма журнала: id сделки в каждой строке журнала.",
        uk: "Форма двох стовпців: дати входу в перший етап. Форма журналу: id угоди в кожному рядку журналу.",
      },
    },
    {
      name: "to_dates_or_stages",
      type: "Array<Array<*>>",
      description: {
        en: "Two-column form: dates the deals reached the second stage (rows with to before from are skipped). Log form: the stage of each log row.",
        ru: "Форма двух столбцов: даты достижения второго этапа (строки, где to раньше from, пропускаются). Форма журнала: этап в каждой строке.",
        uk: "Форма двох стовпців: дати досягнення другого етапу (рядки, де to раніше за from, пропускаються). Форма журналу: етап у кожному рядку.",
      },
    },
    {
      name: "statistic_or_dates",
      type: "string|Array<Array<*>>",
      optional: true,
      description: {
        en: 'Two-column form: optional statistic, "average" (default), "median", "p90", "min", "max" or "count" (Russian and Ukrainian words work too). Log form: the date of each log row.',
        ru: 'Форма двух столбцов: необязательная статистика — "среднее" (по умолчанию), "медиана", "p90", "минимум", "максимум", "количество". Форма журнала: дата каждой строки.',
        uk: 'Форма двох стовпців: необов\'язкова статистика — "середнє" (за замовчуванням), "медіана", "p90", "мінімум", "максимум", "кількість". Форма журналу: дата кожного рядка.',
      },
    },
    {
      name: "unit_or_from_stage",
      type: "string",
      optional: true,
      description: {
        en: 'Two-column form: optional unit, "days" (default; fractional when times are present), "hours" or "workdays" (Monday to Friday days from the first date up to the second, e.g. Monday to Friday is 4). Log form: the name of the first stage.',
        ru: 'Форма двух столбцов: необязательная единица — "дни" (по умолчанию; дробные, если есть время), "часы" или "рабочие дни" (пн–пт от первой даты до второй, с понедельника до пятницы — 4). Форма журнала: название первого этапа.',
        uk: 'Форма двох стовпців: необов\'язкова одиниця — "дні" (за замовчуванням; дробові, якщо є час), "години" або "робочі дні" (пн–пт від першої дати до другої, з понеділка до п\'ятниці — 4). Форма журналу: назва першого етапу.',
      },
    },
    {
      name: "to_stage",
      type: "string",
      optional: true,
      description: {
        en: "Log form only: the name of the second stage (per id, from its first entry into the first stage to its first entry into this one at or after it).",
        ru: "Только для формы журнала: название второго этапа (для каждого id — от первого входа в первый этап до первого входа в этот этап не раньше него).",
        uk: "Лише для форми журналу: назва другого етапу (для кожного id — від першого входу в перший етап до першого входу в цей етап не раніше за нього).",
      },
    },
    {
      name: "statistic",
      type: "string",
      optional: true,
      description: {
        en: 'Log form only: optional statistic, as above ("average" by default).',
        ru: 'Только для формы журнала: необязательная статистика, как выше ("среднее" по умолчанию).',
        uk: 'Лише для форми журналу: необов\'язкова статистика, як вище ("середнє" за замовчуванням).',
      },
    },
    {
      name: "unit",
      type: "string",
      optional: true,
      description: {
        en: 'Log form only: optional unit, as above ("days" by default).',
        ru: 'Только для формы журнала: необязательная единица, как выше ("дни" по умолчанию).',
        uk: 'Лише для форми журналу: необов\'язкова одиниця, як вище ("дні" за замовчуванням).',
      },
    },
  ],
  returns: {
    type: "number",
    description: {
      en: "The statistic of the durations; empty when no row qualifies.",
      ru: "Статистика длительностей; пусто, если подходящих строк нет.",
      uk: "Статистика тривалостей; порожньо, якщо відповідних рядків немає.",
    },
  },
  examples: [
    {
      formula: '=STAGE_VELOCITY({"2026-03-02";"2026-03-05"}, {"2026-03-06";"2026-03-15"})',
      result: "7",
    },
    {
      formula: '=STAGE_VELOCITY(Deals!F2:F, Deals!G2:G, "median", "workdays")',
      result: "median working days from engage to close",
    },
    {
      formula: '=STAGE_VELOCITY(Log!A2:A, Log!B2:B, Log!C2:C, "Meeting", "Paid", "p90")',
      result: "p90 days from meeting to payment",
    },
  ],
};
