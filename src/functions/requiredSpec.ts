/**
 * The spec of required.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import { type FunctionSpec, STAGE_TABLE } from "./spec";

/** REQUIRED_CALLS's spec: the source of its JSDoc, README entry and sidebar help. */
export const REQUIRED_CALLS_SPEC: FunctionSpec = {
  name: "REQUIRED_CALLS",
  summary: {
    en: "Reverse-funnel planning: how many first-step activities (calls) reach a sales target, rounded up; with working_days, how many a day.",
    ru: "Обратная воронка: сколько действий первого шага (звонков) нужно для цели по продажам, с округлением вверх; с working_days — сколько в день.",
    uk: "Зворотна воронка: скільки дій першого кроку (дзвінків) потрібно для цілі з продажів, з округленням угору; з working_days — скільки на день.",
  },
  params: [
    {
      name: "target",
      type: "number",
      description: {
        en: "The number of sales (or other last-stage results) wanted, more than 0.",
        ru: "Желаемое число продаж (или других результатов последнего этапа), больше 0.",
        uk: "Бажана кількість продажів (або інших результатів останнього етапу), більше за 0.",
      },
    },
    {
      name: "rates",
      type: "number|Array<Array<*>>",
      description: {
        en: 'One rate or a range of step rates from the first activity to the sale, each between 0 and 1 (0.15, 15% or "15%").',
        ru: 'Одна доля или диапазон конверсий шагов от первого действия до продажи, каждая от 0 до 1 (0,15, 15% или "15%").',
        uk: 'Одна частка або діапазон конверсій кроків від першої дії до продажу, кожна від 0 до 1 (0,15, 15% або "15%").',
      },
    },
    {
      name: "working_days",
      type: "number",
      optional: true,
      description: {
        en: "Optional: working days in the period; the result is then per working day, rounded up.",
        ru: "Необязательно: рабочие дни периода; тогда результат — в день, с округлением вверх.",
        uk: "Необов'язково: робочі дні періоду; тоді результат — на день, з округленням угору.",
      },
    },
  ],
  returns: {
    type: "number",
    description: {
      en: "Whole number of activities (per working day with working_days).",
      ru: "Целое число действий (в день, если задан working_days).",
      uk: "Ціле число дій (на день, якщо задано working_days).",
    },
  },
  examples: [
    { formula: "=REQUIRED_CALLS(50, 5%)", result: "1000" },
    { formula: "=REQUIRED_CALLS(50, {15%; 1/3})", result: "1000" },
    { formula: "=REQUIRED_CALLS(50, 5%, 21)", result: "48" },
  ],
};

/** REVERSE_FUNNEL's spec: the source of its JSDoc, README entry and sidebar help. */
export const REVERSE_FUNNEL_SPEC: FunctionSpec = {
  name: "REVERSE_FUNNEL",
  summary: {
    en: "REQUIRED_CALLS broken down per stage: spills Stage, Rate to next, Needed (and Per day with working_days), from the first activity to the target.",
    ru: "REQUIRED_CALLS по этапам: таблица Этап, Конверсия в следующий, Нужно (и В день с working_days) от первого действия до цели.",
    uk: "REQUIRED_CALLS за етапами: таблиця Етап, Конверсія в наступний, Потрібно (і На день з working_days) від першої дії до мети.",
  },
  params: [
    {
      name: "target",
      type: "number",
      description: {
        en: "The number of sales wanted, more than 0.",
        ru: "Желаемое число продаж, больше 0.",
        uk: "Бажана кількість продажів, більше за 0.",
      },
    },
    {
      name: "rates",
      type: "number|Array<Array<*>>",
      description: {
        en: "Step rates from the first activity to the sale, each between 0 and 1.",
        ru: "Конверсии шагов от первого действия до продажи, каждая от 0 до 1.",
        uk: "Конверсії кроків від першої дії до продажу, кожна від 0 до 1.",
      },
    },
    {
      name: "stages",
      type: "Array<Array<*>>",
      optional: true,
      description: {
        en: "Optional: stage names, one more than the rates (e.g. Calls, Meetings, Sales); blank: Stage 1, Stage 2, …",
        ru: "Необязательно: названия этапов, на одно больше, чем долей (например, Звонки, Встречи, Продажи); пусто — Этап 1, Этап 2, …",
        uk: "Необов'язково: назви етапів, на одну більше, ніж часток (наприклад, Дзвінки, Зустрічі, Продажі); порожньо — Етап 1, Етап 2, …",
      },
    },
    {
      name: "working_days",
      type: "number",
      optional: true,
      description: {
        en: "Optional: working days in the period; adds a Per day column, rounded up.",
        ru: "Необязательно: рабочие дни периода; добавляет столбец В день с округлением вверх.",
        uk: "Необов'язково: робочі дні періоду; додає стовпець На день з округленням угору.",
      },
    },
  ],
  returns: STAGE_TABLE,
  examples: [
    {
      formula: '=REVERSE_FUNNEL(50, {15%; 1/3}, {"Calls"; "Meetings"; "Sales"}, 21)',
      result: "Calls 1000 (48 a day), Meetings 150 (8), Sales 50 (3)",
    },
  ],
};
