/**
 * The spec of conversion.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import type { FunctionSpec } from "./spec";

/** CONVERSION's spec: the source of its JSDoc, README entry and sidebar help. */
export const CONVERSION_SPEC: FunctionSpec = {
  name: "CONVERSION",
  summary: {
    en: "Conversion from one funnel stage to the next: counts (to ÷ from, cell by cell) or marks (among rows whose from is filled, the share whose to is filled).",
    ru: "Конверсия из одного этапа воронки в следующий: по количествам (to ÷ from по ячейкам) или по отметкам (среди строк с заполненным from — доля строк с заполненным to).",
    uk: "Конверсія з одного етапу воронки в наступний: за кількостями (to ÷ from по клітинках) або за позначками (серед рядків із заповненим from — частка рядків із заповненим to).",
  },
  params: [
    {
      name: "from",
      type: "number|Array<Array<*>>",
      description: {
        en: "Count at the earlier stage (a number or a range of counts), or a column of marks (dates, checkboxes, text) per lead or deal.",
        ru: "Количество на предыдущем этапе (число или диапазон), либо столбец отметок (даты, флажки, текст) по лидам или сделкам.",
        uk: "Кількість на попередньому етапі (число або діапазон), або стовпець позначок (дати, прапорці, текст) по лідах чи угодах.",
      },
    },
    {
      name: "to",
      type: "number|Array<Array<*>>",
      description: {
        en: "Count at the later stage, or the column of marks for the later stage; same shape as from.",
        ru: "Количество на следующем этапе или столбец отметок следующего этапа; того же размера, что from.",
        uk: "Кількість на наступному етапі або стовпець позначок наступного етапу; того ж розміру, що from.",
      },
    },
  ],
  returns: {
    type: "number|Array<Array<*>>",
    description: {
      en: "The rate as a fraction (format as percent); empty when from is 0 or blank.",
      ru: "Доля (отформатируйте как процент); пусто, если from равно 0 или пусто.",
      uk: "Частка (відформатуйте як відсоток); порожньо, якщо from дорівнює 0 або порожнє.",
    },
  },
  examples: [
    { formula: "=CONVERSION(1000, 150)", result: "0.15" },
    {
      formula: "=CONVERSION(B2:B5, B3:B6)",
      result: "step conversions of a column of stage counts",
    },
    {
      formula: "=CONVERSION(Deals!E2:E, Deals!G2:G)",
      result: "share of deals with a meeting date that also have a payment date",
    },
  ],
};
