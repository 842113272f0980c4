/**
 * The spec of salesVelocity.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import type { FunctionSpec } from "./spec";

/** SALES_VELOCITY's spec: the source of its JSDoc, README entry and sidebar help. */
export const SALES_VELOCITY_SPEC: FunctionSpec = {
  name: "SALES_VELOCITY",
  summary: {
    en: "Sales velocity: revenue per day = opportunities × win rate × average deal ÷ sales cycle in days.",
    ru: "Скорость продаж: выручка в день = возможности × доля выигранных × средний чек ÷ цикл сделки в днях.",
    uk: "Швидкість продажів: виторг на день = можливості × частка виграних × середній чек ÷ цикл угоди в днях.",
  },
  params: [
    {
      name: "opportunities",
      type: "number",
      description: {
        en: "Open opportunities in the pipeline, 0 or more.",
        ru: "Открытые возможности (сделки) в воронке, не меньше 0.",
        uk: "Відкриті можливості (угоди) у воронці, не менше 0.",
      },
    },
    {
      name: "win_rate",
      type: "number",
      description: {
        en: "Share of opportunities won, between 0 and 1 (25% or 0.25).",
        ru: "Доля выигранных сделок, от 0 до 1 (25% или 0,25).",
        uk: "Частка виграних угод, від 0 до 1 (25% або 0,25).",
      },
    },
    {
      name: "avg_deal",
      type: "number",
      description: {
        en: "Average deal size (revenue per won deal).",
        ru: "Средний чек (выручка с выигранной сделки).",
        uk: "Середній чек (виторг з виграної угоди).",
      },
    },
    {
      name: "cycle_days",
      type: "number",
      description: {
        en: "Average sales cycle in days; 0 gives an empty result.",
        ru: "Средний цикл сделки в днях; при 0 результат пуст.",
        uk: "Середній цикл угоди в днях; за 0 результат порожній.",
      },
    },
  ],
  returns: {
    type: "number",
    description: {
      en: "Revenue per day.",
      ru: "Выручка в день.",
      uk: "Виторг на день.",
    },
  },
  examples: [{ formula: "=SALES_VELOCITY(40, 25%, 2000, 30)", result: "666.67" }],
};
