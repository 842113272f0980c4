/**
 * The field vocabulary: every column key a raw tab can have (`FieldKey`) with its label in
 * English, Russian and Ukrainian. The fields each tab kind reads, with their synonyms and which
 * are required, are in `KIND_FIELDS` (./headers.ts); the sidebar's labels and the data check's
 * missing-field lists both come from there and from this table. Kept apart from the synonyms so
 * the sidebar can import the labels without them.
 */
import { l } from "../core/i18n";

export const FIELD_LABELS = {
  id: l("ID", "ID", "ID"),
  date: l("Date", "Дата", "Дата"),
  time: l("Time", "Время", "Час"),
  rep: l("Rep", "Менеджер", "Менеджер"),
  duration: l("Duration", "Длительность", "Тривалість"),
  minutes: l("Minutes", "Минуты", "Хвилини"),
  hours: l("Hours", "Часы", "Години"),
  direction: l("Direction", "Направление", "Напрям"),
  result: l("Result", "Результат", "Результат"),
  dealId: l("Deal ID", "ID сделки", "ID угоди"),
  source: l("Source", "Источник", "Джерело"),
  client: l("Client", "Клиент", "Клієнт"),
  created: l("Created", "Создана", "Створена"),
  stage: l("Stage", "Этап", "Етап"),
  stageOrder: l("Stage order", "Порядок этапа", "Порядок етапу"),
  status: l("Status", "Статус", "Статус"),
  won: l("Won", "Выиграна", "Виграна"),
  closedFlag: l("Closed (yes/no)", "Закрыта (да/нет)", "Закрита (так/ні)"),
  closed: l("Closed", "Закрыта", "Закрита"),
  amount: l("Amount", "Сумма", "Сума"),
  currency: l("Currency", "Валюта", "Валюта"),
  cost: l("Cost", "Себестоимость", "Собівартість"),
  margin: l("Margin", "Маржа", "Маржа"),
  targeted: l("Targeted", "Целевой", "Цільовий"),
  pipeline: l("Pipeline", "Воронка", "Воронка"),
  bookedBy: l("Booked by", "Назначил встречу", "Призначив зустріч"),
  role: l("Role", "Роль", "Роль"),
  since: l("Since", "С даты", "З дати"),
  calls: l("Calls", "Звонки", "Дзвінки"),
  longCalls: l("Calls ≥ 60 s", "Звонки ≥ 60 с", "Дзвінки ≥ 60 с"),
  talkSeconds: l("Talk seconds", "Секунды разговора", "Секунди розмови"),
  talkMinutes: l("Talk minutes", "Минуты разговора", "Хвилини розмови"),
  talkTime: l("Talk time", "Время разговора", "Час розмови"),
  category: l("Category", "Категория", "Категорія"),
  period: l("Period", "Период", "Період"),
  metric: l("Metric", "Показатель", "Показник"),
  target: l("Target", "Цель", "Ціль"),
  total: l("Total score", "Итоговый балл", "Підсумковий бал"),
  comment: l("Comment", "Комментарий", "Коментар"),
};

/** A column key of a raw tab, e.g. "minutes" (the time log's minutes column). */
export type FieldKey = keyof typeof FIELD_LABELS;

const KEYS: ReadonlySet<string> = new Set(Object.keys(FIELD_LABELS));

export function isFieldKey(v: unknown): v is FieldKey {
  return typeof v === "string" && KEYS.has(v);
}
