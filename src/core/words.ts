/**
 * Texts several catalogs share (the report's labels, the custom functions' headers, the
 * template), written once: each catalog refers to the same entry, so the Apps Script bundle
 * holds it once.
 */
import { l } from "./i18n";

export const WORDS = {
  funnel: l("Funnel", "Воронка", "Воронка"),
  stage: l("Stage", "Этап", "Етап"),
  count: l("Count", "Количество", "Кількість"),
  stepConversion: l("Step conversion", "Конверсия шага", "Конверсія кроку"),
  overallConversion: l("Overall conversion", "Общая конверсия", "Загальна конверсія"),
  calls: l("Calls", "Звонки", "Дзвінки"),
  minutesOnLine: l("Minutes on the line", "Минуты на линии", "Хвилини на лінії"),
  newLeads: l("New leads", "Новые лиды", "Нові ліди"),
  sales: l("Sales", "Продажи", "Продажі"),
  revenue: l("Revenue", "Выручка", "Виторг"),
  whatToCheck: l("What to check", "Что проверить", "Що перевірити"),
  sdr: l("SDR", "Лидоруб", "Лідоруб"),
  hunter: l("Hunter", "Хантер", "Хантер"),
  farmer: l("Farmer", "Фермер", "Фермер"),
};
