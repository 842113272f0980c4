/**
 * Every label the report writes, in English, Russian and Ukrainian (one catalog).
 * `{name}` placeholders are filled by `fmt`.
 */
import type { Lang, Localized } from "../core/lang";
import type { DataIssueReason } from "../model/types";
import type { SheetKey } from "./types";

const L = {
  // Sheet names.
  "sheet.funnel": { en: "Funnel", ru: "Воронка", uk: "Воронка" },
  "sheet.kpi": { en: "KPI", ru: "KPI", uk: "KPI" },
  "sheet.velocity": { en: "Velocity", ru: "Скорость", uk: "Швидкість" },
  "sheet.changes": { en: "Changes", ru: "Изменения", uk: "Зміни" },
  "sheet.time": { en: "Time", ru: "Время", uk: "Час" },
  "sheet.quality": { en: "Quality", ru: "Качество", uk: "Якість" },
  "sheet.dataCheck": { en: "Data check", ru: "Проверка данных", uk: "Перевірка даних" },

  // Common headers.
  stage: { en: "Stage", ru: "Этап", uk: "Етап" },
  count: { en: "Count", ru: "Количество", uk: "Кількість" },
  stepConv: { en: "Step conversion", ru: "Конверсия шага", uk: "Конверсія кроку" },
  overallConv: { en: "Overall conversion", ru: "Общая конверсия", uk: "Загальна конверсія" },
  period: { en: "Period", ru: "Период", uk: "Період" },
  month: { en: "Month", ru: "Месяц", uk: "Місяць" },
  rep: { en: "Rep", ru: "Менеджер", uk: "Менеджер" },
  source: { en: "Source", ru: "Источник", uk: "Джерело" },
  team: { en: "Team", ru: "Команда", uk: "Команда" },
  noRep: { en: "(no rep)", ru: "(без менеджера)", uk: "(без менеджера)" },
  noSource: { en: "(no source)", ru: "(без источника)", uk: "(без джерела)" },
  total: { en: "Total", ru: "Итого", uk: "Разом" },

  // Funnel.
  "funnel.byStage": { en: "Funnel by stage", ru: "Воронка по этапам", uk: "Воронка за етапами" },
  "funnel.byStage.note": {
    en: "A deal that reached a later stage counts at every earlier one. Weakest step: {stage}.",
    ru: "Сделка, дошедшая до следующего этапа, учитывается на всех предыдущих. Слабый шаг: {stage}.",
    uk: "Угода, що дійшла до наступного етапу, враховується на всіх попередніх. Слабкий крок: {stage}.",
  },
  "funnel.chart": { en: "Funnel", ru: "Воронка", uk: "Воронка" },
  "funnel.byPeriod": {
    en: "Funnel by period (deals created in the period)",
    ru: "Воронка по периодам (сделки, созданные в периоде)",
    uk: "Воронка за періодами (угоди, створені в періоді)",
  },
  "funnel.byRep": {
    en: "Funnel by rep",
    ru: "Воронка по менеджерам",
    uk: "Воронка за менеджерами",
  },
  "funnel.bySource": {
    en: "Funnel by source",
    ru: "Воронка по источникам",
    uk: "Воронка за джерелами",
  },

  // KPI.
  "kpi.byRep": {
    en: "KPI by rep, {from} – {to}",
    ru: "KPI по менеджерам, {from} – {to}",
    uk: "KPI за менеджерами, {from} – {to}",
  },
  "kpi.byPeriod": {
    en: "KPI by period and rep",
    ru: "KPI по периодам и менеджерам",
    uk: "KPI за періодами та менеджерами",
  },
  "kpi.plan": { en: "Plan and forecast", ru: "План и прогноз", uk: "План і прогноз" },
  "kpi.plan.note": {
    en: "Current period: {period} ({elapsed} of {total} working days). Forecast = run rate × working days.",
    ru: "Текущий период: {period} (прошло {elapsed} из {total} рабочих дней). Прогноз = текущий темп × рабочие дни.",
    uk: "Поточний період: {period} (минуло {elapsed} з {total} робочих днів). Прогноз = поточний темп × робочі дні.",
  },
  calls: { en: "Calls", ru: "Звонки", uk: "Дзвінки" },
  longCalls: { en: "Calls ≥ {sec} s", ru: "Звонки ≥ {sec} с", uk: "Дзвінки ≥ {sec} с" },
  minutes: { en: "Minutes on the line", ru: "Минуты на линии", uk: "Хвилини на лінії" },
  leads: { en: "New leads", ru: "Новые лиды", uk: "Нові ліди" },
  targeted: { en: "Targeted", ru: "Целевые", uk: "Цільові" },
  nonTargeted: { en: "Non-targeted", ru: "Нецелевые", uk: "Нецільові" },
  sales: { en: "Sales", ru: "Продажи", uk: "Продажі" },
  revenue: { en: "Revenue", ru: "Выручка", uk: "Виручка" },
  avgCheck: { en: "Average check", ru: "Средний чек", uk: "Середній чек" },
  marginPct: { en: "Margin %", ru: "Маржа %", uk: "Маржа %" },
  repeatShare: {
    en: "Repeat-customer revenue share",
    ru: "Доля выручки от повторных клиентов",
    uk: "Частка виручки від повторних клієнтів",
  },
  cycle: {
    en: "Sales cycle, days",
    ru: "Цикл сделки, дней",
    uk: "Цикл угоди, днів",
  },
  metric: { en: "Metric", ru: "Показатель", uk: "Показник" },
  plan: { en: "Plan", ru: "План", uk: "План" },
  fact: { en: "Fact", ru: "Факт", uk: "Факт" },
  pctPlan: { en: "% of plan", ru: "% плана", uk: "% плану" },
  forecast: { en: "Forecast", ru: "Прогноз", uk: "Прогноз" },
  dailyFact: { en: "Per working day", ru: "В рабочий день", uk: "За робочий день" },
  dailyPlan: { en: "Daily plan", ru: "План на день", uk: "План на день" },
  "metric.calls": { en: "Calls", ru: "Звонки", uk: "Дзвінки" },
  "metric.longCalls": { en: "Long calls", ru: "Звонки от 60 с", uk: "Дзвінки від 60 с" },
  "metric.minutes": { en: "Minutes on the line", ru: "Минуты на линии", uk: "Хвилини на лінії" },
  "metric.leads": { en: "New leads", ru: "Новые лиды", uk: "Нові ліди" },
  "metric.sales": { en: "Sales", ru: "Продажи", uk: "Продажі" },
  "metric.revenue": { en: "Revenue", ru: "Выручка", uk: "Виручка" },
  "metric.meetings": { en: "Meetings", ru: "Встречи", uk: "Зустрічі" },

  // Velocity.
  "velocity.byTransition": {
    en: "Days between stages",
    ru: "Дней между этапами",
    uk: "Днів між етапами",
  },
  transition: { en: "Transition", ru: "Переход", uk: "Перехід" },
  average: { en: "Average", ru: "Среднее", uk: "Середнє" },
  median: { en: "Median", ru: "Медиана", uk: "Медіана" },
  p90: { en: "90th percentile", ru: "90-й перцентиль", uk: "90-й перцентиль" },
  createdToWon: { en: "Created → won", ru: "Создана → выиграна", uk: "Створена → виграна" },
  "velocity.trend": {
    en: "Monthly trend: average days, goal −{goal}% a month",
    ru: "Динамика по месяцам: среднее дней, цель −{goal}% в месяц",
    uk: "Динаміка за місяцями: середнє днів, мета −{goal}% на місяць",
  },
  "velocity.trend.note": {
    en: "Funnel time is the sum of the stage averages; the goal starts from the first month.",
    ru: "Время воронки — сумма средних по этапам; цель отсчитывается от первого месяца.",
    uk: "Час воронки — сума середніх за етапами; мета відраховується від першого місяця.",
  },
  funnelTime: { en: "Funnel time, days", ru: "Время воронки, дней", uk: "Час воронки, днів" },
  goal: { en: "Goal, days", ru: "Цель, дней", uk: "Мета, днів" },
  onTrack: { en: "On track", ru: "В графике", uk: "За графіком" },
  yes: { en: "yes", ru: "да", uk: "так" },
  no: { en: "no", ru: "нет", uk: "ні" },

  // Changes.
  "changes.byStage": {
    en: "{last} against {prev}",
    ru: "{last} по сравнению с {prev}",
    uk: "{last} порівняно з {prev}",
  },
  countPrev: { en: "Count, previous", ru: "Кол-во, раньше", uk: "Кількість, раніше" },
  countLast: { en: "Count, last", ru: "Кол-во, сейчас", uk: "Кількість, зараз" },
  convPrev: { en: "Conversion, previous", ru: "Конверсия, раньше", uk: "Конверсія, раніше" },
  convLast: { en: "Conversion, last", ru: "Конверсия, сейчас", uk: "Конверсія, зараз" },
  absChange: { en: "Change, points", ru: "Изменение, п.п.", uk: "Зміна, п.п." },
  relChange: { en: "Change, %", ru: "Изменение, %", uk: "Зміна, %" },
  previous: { en: "Previous", ru: "Раньше", uk: "Раніше" },
  last: { en: "Last", ru: "Сейчас", uk: "Зараз" },
  "changes.drop": {
    en: "Look at “{stage}”: its conversion fell by {pct}% (threshold {thr}%).",
    ru: "Смотрите на «{stage}»: конверсия упала на {pct}% (порог {thr}%).",
    uk: "Дивіться на «{stage}»: конверсія впала на {pct}% (поріг {thr}%).",
  },
  "changes.noDrop": {
    en: "No stage's conversion fell by more than {thr}%.",
    ru: "Ни на одном этапе конверсия не упала больше чем на {thr}%.",
    uk: "На жодному етапі конверсія не впала більше ніж на {thr}%.",
  },
  "changes.activity": {
    en: "Activity behind the drop",
    ru: "Активность за падением",
    uk: "Активність за падінням",
  },
  "changes.sources": {
    en: "Conversion into “{stage}” by source",
    ru: "Конверсия в «{stage}» по источникам",
    uk: "Конверсія в «{stage}» за джерелами",
  },
  "changes.checks": { en: "What to check", ru: "Что проверить", uk: "Що перевірити" },
  check: { en: "Check", ru: "Проверка", uk: "Перевірка" },
  targetedShare: { en: "Targeted share", ru: "Доля целевых", uk: "Частка цільових" },
  "check.calls": {
    en: "Number of calls per rep (calls of 60 s and more): is someone slacking?",
    ru: "Количество звонков у менеджера (от 60 секунд): возможно, он халтурит.",
    uk: "Кількість дзвінків у менеджера (від 60 секунд): можливо, він халтурить.",
  },
  "check.minutes": {
    en: "Minutes on the line per rep.",
    ru: "Количество минут на линии у менеджера.",
    uk: "Кількість хвилин на лінії у менеджера.",
  },
  "check.leads": {
    en: "Number of new leads per rep.",
    ru: "Количество новых лидов на менеджере.",
    uk: "Кількість нових лідів на менеджері.",
  },
  "check.quality": {
    en: "Lead quality: were the meetings booked with targeted leads?",
    ru: "Качество лидов: назначена ли встреча целевому лиду.",
    uk: "Якість лідів: чи призначена зустріч цільовому ліду.",
  },
  "check.confirm": {
    en: "Confirmations: the conversion from booked to confirmed (the step before “{stage}”), compared with the previous period.",
    ru: "Подтверждения: конверсия из назначенной встречи в подтверждённую (шаг перед «{stage}») по сравнению с прошлым периодом.",
    uk: "Підтвердження: конверсія з призначеної зустрічі в підтверджену (крок перед «{stage}») порівняно з минулим періодом.",
  },
  "check.source": {
    en: "Source: do these deals come from an old source or a new one?",
    ru: "Источник: сделки пришли из старого источника привлечения или из нового.",
    uk: "Джерело: угоди прийшли зі старого джерела залучення чи з нового.",
  },
  "check.listen": {
    en: "Listen to the calls: how was the meeting booked, were the right expectations set?",
    ru: "Прослушайте звонки: как назначалась встреча, возможно, ставятся неправильные ожидания.",
    uk: "Прослухайте дзвінки: як призначалася зустріч, можливо, ставляться неправильні очікування.",
  },

  // Time.
  "time.byRep": {
    en: "Hours per activity category",
    ru: "Часы по категориям деятельности",
    uk: "Години за категоріями діяльності",
  },
  totalHours: { en: "Total hours", ru: "Всего часов", uk: "Усього годин" },
  sellingShare: { en: "Selling share", ru: "Доля продаж", uk: "Частка продажів" },
  nonSellingShare: {
    en: "Non-selling share",
    ru: "Доля непродающего",
    uk: "Частка непродажного",
  },
  "time.misc": {
    en: "“{misc}” by period",
    ru: "«{misc}» по периодам",
    uk: "«{misc}» за періодами",
  },
  miscHours: { en: "Hours", ru: "Часы", uk: "Години" },
  miscShare: { en: "Share of time", ru: "Доля времени", uk: "Частка часу" },
  "time.miscGrows": {
    en: "“{misc}” is growing ({prev} → {last} of the time): find the activities hiding in it and give them their own category (change categories at most once a month).",
    ru: "«{misc}» растёт ({prev} → {last} времени): найдите процессы, которые в ней прячутся, и выделите их в отдельную категорию (менять категории — не чаще раза в месяц).",
    uk: "«{misc}» зростає ({prev} → {last} часу): знайдіть процеси, що в ній ховаються, і виділіть їх в окрему категорію (змінювати категорії — не частіше ніж раз на місяць).",
  },

  // Quality.
  "quality.byRep": {
    en: "Checklist score by rep and criterion",
    ru: "Оценка по чек-листу: менеджеры и критерии",
    uk: "Оцінка за чек-листом: менеджери та критерії",
  },
  graded: { en: "Graded", ru: "Оценено", uk: "Оцінено" },
  overallScore: { en: "Overall", ru: "Общая", uk: "Загальна" },
  "quality.wonLost": {
    en: "Checklist score in won and lost deals",
    ru: "Оценка по чек-листу в выигранных и проигранных сделках",
    uk: "Оцінка за чек-листом у виграних і програних угодах",
  },
  criterion: { en: "Criterion", ru: "Критерий", uk: "Критерій" },
  won: { en: "Won", ru: "Выиграны", uk: "Виграні" },
  lost: { en: "Lost", ru: "Проиграны", uk: "Програні" },
  difference: { en: "Difference", ru: "Разница", uk: "Різниця" },

  // Data check.
  "dataCheck.summary": {
    en: "Rows and cells left out",
    ru: "Пропущенные строки и ячейки",
    uk: "Пропущені рядки та клітинки",
  },
  "dataCheck.rows": { en: "Every problem", ru: "Все проблемы", uk: "Усі проблеми" },
  "dataCheck.capped": {
    en: "The first {shown} of {total} problems are listed; fix these and build again to see the rest.",
    ru: "Показаны первые {shown} из {total} проблем; исправьте их и постройте отчёт снова, чтобы увидеть остальные.",
    uk: "Показано перші {shown} з {total} проблем; виправте їх і побудуйте звіт знову, щоб побачити решту.",
  },
  tab: { en: "Tab", ru: "Лист", uk: "Аркуш" },
  row: { en: "Row", ru: "Строка", uk: "Рядок" },
  column: { en: "Column", ru: "Столбец", uk: "Стовпець" },
  header: { en: "Header", ru: "Заголовок", uk: "Заголовок" },
  value: { en: "Value", ru: "Значение", uk: "Значення" },
  problem: { en: "Problem", ru: "Проблема", uk: "Проблема" },
  detail: { en: "Detail", ru: "Подробности", uk: "Подробиці" },
  "reason.badDate": { en: "Not a date", ru: "Не дата", uk: "Не дата" },
  "reason.badNumber": { en: "Not a number", ru: "Не число", uk: "Не число" },
  "reason.badDuration": {
    en: "Not a duration",
    ru: "Не длительность",
    uk: "Не тривалість",
  },
  "reason.negativeDuration": {
    en: "Negative duration",
    ru: "Отрицательная длительность",
    uk: "Від'ємна тривалість",
  },
  "reason.unknownStage": { en: "Unknown stage", ru: "Неизвестный этап", uk: "Невідомий етап" },
  "reason.missingId": { en: "No id", ru: "Нет идентификатора", uk: "Немає ідентифікатора" },
  "reason.missingRequired": {
    en: "Required value missing",
    ru: "Нет обязательного значения",
    uk: "Немає обов'язкового значення",
  },
  "reason.duplicate": { en: "Duplicate", ru: "Дубликат", uk: "Дублікат" },
  "reason.closeBeforeCreate": {
    en: "Closed before created",
    ru: "Закрыта раньше создания",
    uk: "Закрита раніше створення",
  },
  "reason.stageOutOfOrder": {
    en: "Stage dates out of order",
    ru: "Даты этапов не по порядку",
    uk: "Дати етапів не по порядку",
  },
  "reason.unknownStatus": {
    en: "Unknown status",
    ru: "Неизвестный статус",
    uk: "Невідомий статус",
  },
  "reason.noHeader": {
    en: "No header row",
    ru: "Нет строки заголовков",
    uk: "Немає рядка заголовків",
  },
  "reason.other": { en: "Other", ru: "Другое", uk: "Інше" },

  // Build.
  "build.read": {
    en: "Reading the tabs and computing the report",
    ru: "Чтение листов и расчёт отчёта",
    uk: "Читання аркушів і розрахунок звіту",
  },
  "build.write": { en: "Writing “{name}”", ru: "Запись «{name}»", uk: "Запис «{name}»" },
  "build.swap": {
    en: "Replacing the previous report",
    ru: "Замена предыдущего отчёта",
    uk: "Заміна попереднього звіту",
  },
  "build.locked": {
    en: "Another report build is running in this spreadsheet. Please try again in a minute.",
    ru: "В этой таблице уже строится отчёт. Попробуйте ещё раз через минуту.",
    uk: "У цій таблиці вже будується звіт. Спробуйте ще раз за хвилину.",
  },
  "build.stale": {
    en: "A newer report build has started; this one was stopped.",
    ru: "Запущено более новое построение отчёта; это остановлено.",
    uk: "Запущено новішу побудову звіту; цю зупинено.",
  },
  "build.expired": {
    en: "The prepared report has expired; please press Build again.",
    ru: "Подготовленный отчёт устарел; нажмите «Построить» ещё раз.",
    uk: "Підготовлений звіт застарів; натисніть «Побудувати» ще раз.",
  },
  "build.timeout": {
    en: "The report is too large to write in the time Google allows; nothing was changed. Narrow the period or the filters and try again.",
    ru: "Отчёт слишком большой, чтобы записать его за время, которое даёт Google; ничего не изменено. Сузьте период или фильтры и попробуйте снова.",
    uk: "Звіт завеликий, щоб записати його за час, який дає Google; нічого не змінено. Звузьте період або фільтри та спробуйте знову.",
  },
  "build.empty": {
    en: "No data to build a report from: no tab was recognised as calls, deals, stage log, time log, plan or checklist.",
    ru: "Нет данных для отчёта: ни один лист не распознан как звонки, сделки, журнал этапов, учёт времени, план или чек-лист.",
    uk: "Немає даних для звіту: жоден аркуш не розпізнано як дзвінки, угоди, журнал етапів, облік часу, план чи чек-лист.",
  },
} satisfies Record<string, Localized>;

export type LabelKey = keyof typeof L;

/** The whole catalog (for tests). */
export const LABELS: Readonly<Record<LabelKey, Localized>> = L;

/** The label in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: LabelKey, vars?: Record<string, string | number>): string {
  const text = L[key][lang];
  return vars ? fmt(text, vars) : text;
}

export function fmt(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function sheetName(lang: Lang, key: SheetKey): string {
  return t(lang, `sheet.${key}` as LabelKey);
}

export function reasonLabel(lang: Lang, reason: DataIssueReason): string {
  const key = `reason.${reason}` as LabelKey;
  return key in L ? t(lang, key) : t(lang, "reason.other");
}
