/**
 * Texts several catalogs share (the report's labels, the custom functions' headers, the
 * template), written once: each catalog refers to the same entry, so the Apps Script bundle
 * holds it once. Each call is marked pure so a bundle that reads none of them (the sidebar, which
 * bundles the custom functions' modules for their help) drops the table.
 */
import { l } from "./i18n";

export const WORDS = {
  funnel: /* @__PURE__ */ l("Funnel", "Воронка", "Воронка"),
  stage: /* @__PURE__ */ l("Stage", "Этап", "Етап"),
  count: /* @__PURE__ */ l("Count", "Количество", "Кількість"),
  stepConversion: /* @__PURE__ */ l("Step conversion", "Конверсия шага", "Конверсія кроку"),
  overallConversion: /* @__PURE__ */ l(
    "Overall conversion",
    "Общая конверсия",
    "Загальна конверсія",
  ),
  calls: /* @__PURE__ */ l("Calls", "Звонки", "Дзвінки"),
  minutesOnLine: /* @__PURE__ */ l("Minutes on the line", "Минуты на линии", "Хвилини на лінії"),
  newLeads: /* @__PURE__ */ l("New leads", "Новые лиды", "Нові ліди"),
  sales: /* @__PURE__ */ l("Sales", "Продажи", "Продажі"),
  revenue: /* @__PURE__ */ l("Revenue", "Выручка", "Виторг"),
  whatToCheck: /* @__PURE__ */ l("What to check", "Что проверить", "Що перевірити"),
  sdr: /* @__PURE__ */ l("SDR", "Лидоруб", "Лідоруб"),
  hunter: /* @__PURE__ */ l("Hunter", "Хантер", "Хантер"),
  farmer: /* @__PURE__ */ l("Farmer", "Фермер", "Фермер"),
};
