/**
 * Every label the report writes, in English, Russian and Ukrainian (one catalog).
 * `{name}` placeholders are filled by `fmt`.
 */
import type { Lang, Localized } from "../core/lang";
import type { DataIssueReason } from "../model/types";
import type { SheetKey } from "./types";

/** One label in English, Russian and Ukrainian (positional: the catalog is long). */
function l(en: string, ru: string, uk: string): Localized {
  return { en, ru, uk };
}

const L = {
  // Sheet names.
  "sheet.funnel": l("Funnel", "Воронка", "Воронка"),
  "sheet.kpi": l("KPI", "KPI", "KPI"),
  "sheet.velocity": l("Velocity", "Скорость", "Швидкість"),
  "sheet.changes": l("Changes", "Изменения", "Зміни"),
  "sheet.time": l("Time", "Время", "Час"),
  "sheet.quality": l("Quality", "Качество", "Якість"),
  "sheet.dataCheck": l("Data check", "Проверка данных", "Перевірка даних"),

  // Common headers.
  stage: l("Stage", "Этап", "Етап"),
  count: l("Count", "Количество", "Кількість"),
  stepConv: l("Step conversion", "Конверсия шага", "Конверсія кроку"),
  overallConv: l("Overall conversion", "Общая конверсия", "Загальна конверсія"),
  period: l("Period", "Период", "Період"),
  month: l("Month", "Месяц", "Місяць"),
  rep: l("Rep", "Менеджер", "Менеджер"),
  source: l("Source", "Источник", "Джерело"),
  team: l("Team", "Команда", "Команда"),
  noRep: l("(no rep)", "(без менеджера)", "(без менеджера)"),
  noSource: l("(no source)", "(без источника)", "(без джерела)"),
  total: l("Total", "Итого", "Разом"),

  // Funnel.
  "funnel.byStage": l("Funnel by stage", "Воронка по этапам", "Воронка за етапами"),
  "funnel.byStage.note": l(
    "A deal that reached a later stage counts at every earlier one. Weakest step: {stage}.",
    "Сделка, дошедшая до следующего этапа, учитывается на всех предыдущих. Слабый шаг: {stage}.",
    "Угода, що дійшла до наступного етапу, враховується на всіх попередніх. Слабкий крок: {stage}.",
  ),
  "funnel.chart": l("Funnel", "Воронка", "Воронка"),
  "funnel.byPeriod": l(
    "Funnel by period (deals created in the period)",
    "Воронка по периодам (сделки, созданные в периоде)",
    "Воронка за періодами (угоди, створені в періоді)",
  ),
  "funnel.byRep": l("Funnel by rep", "Воронка по менеджерам", "Воронка за менеджерами"),
  "funnel.bySource": l("Funnel by source", "Воронка по источникам", "Воронка за джерелами"),

  // KPI.
  "kpi.byRep": l(
    "KPI by rep, {from} – {to}",
    "KPI по менеджерам, {from} – {to}",
    "KPI за менеджерами, {from} – {to}",
  ),
  "kpi.byPeriod": l(
    "KPI by period and rep",
    "KPI по периодам и менеджерам",
    "KPI за періодами та менеджерами",
  ),
  "kpi.plan": l("Plan and forecast", "План и прогноз", "План і прогноз"),
  "kpi.plan.note": l(
    "Current period: {period} ({elapsed} of {total} working days). Forecast = run rate × working days.",
    "Текущий период: {period} (прошло {elapsed} из {total} рабочих дней). Прогноз = текущий темп × рабочие дни.",
    "Поточний період: {period} (минуло {elapsed} з {total} робочих днів). Прогноз = поточний темп × робочі дні.",
  ),
  calls: l("Calls", "Звонки", "Дзвінки"),
  longCalls: l("Calls ≥ {sec} s", "Звонки ≥ {sec} с", "Дзвінки ≥ {sec} с"),
  minutes: l("Minutes on the line", "Минуты на линии", "Хвилини на лінії"),
  leads: l("New leads", "Новые лиды", "Нові ліди"),
  targeted: l("Targeted", "Целевые", "Цільові"),
  nonTargeted: l("Non-targeted", "Нецелевые", "Нецільові"),
  sales: l("Sales", "Продажи", "Продажі"),
  revenue: l("Revenue", "Выручка", "Виручка"),
  avgCheck: l("Average check", "Средний чек", "Середній чек"),
  marginPct: l("Margin %", "Маржа %", "Маржа %"),
  repeatShare: l(
    "Repeat-customer revenue share",
    "Доля выручки от повторных клиентов",
    "Частка виручки від повторних клієнтів",
  ),
  cycle: l("Sales cycle, days", "Цикл сделки, дней", "Цикл угоди, днів"),
  metric: l("Metric", "Показатель", "Показник"),
  plan: l("Plan", "План", "План"),
  fact: l("Fact", "Факт", "Факт"),
  pctPlan: l("% of plan", "% плана", "% плану"),
  forecast: l("Forecast", "Прогноз", "Прогноз"),
  dailyFact: l("Per working day", "В рабочий день", "За робочий день"),
  dailyPlan: l("Daily plan", "План на день", "План на день"),
  "metric.calls": l("Calls", "Звонки", "Дзвінки"),
  "metric.longCalls": l("Long calls", "Звонки от 60 с", "Дзвінки від 60 с"),
  "metric.minutes": l("Minutes on the line", "Минуты на линии", "Хвилини на лінії"),
  "metric.leads": l("New leads", "Новые лиды", "Нові ліди"),
  "metric.sales": l("Sales", "Продажи", "Продажі"),
  "metric.revenue": l("Revenue", "Выручка", "Виручка"),
  "metric.meetings": l("Meetings", "Встречи", "Зустрічі"),

  // Velocity.
  "velocity.byTransition": l("Days between stages", "Дней между этапами", "Днів між етапами"),
  transition: l("Transition", "Переход", "Перехід"),
  average: l("Average", "Среднее", "Середнє"),
  median: l("Median", "Медиана", "Медіана"),
  p90: l("90th percentile", "90-й перцентиль", "90-й перцентиль"),
  createdToWon: l("Created → won", "Создана → выиграна", "Створена → виграна"),
  "velocity.trend": l(
    "Monthly trend: average days, goal −{goal}% a month",
    "Динамика по месяцам: среднее дней, цель −{goal}% в месяц",
    "Динаміка за місяцями: середнє днів, мета −{goal}% на місяць",
  ),
  "velocity.trend.note": l(
    "Funnel time is the sum of the stage averages; the goal starts from the first month.",
    "Время воронки — сумма средних по этапам; цель отсчитывается от первого месяца.",
    "Час воронки — сума середніх за етапами; мета відраховується від першого місяця.",
  ),
  funnelTime: l("Funnel time, days", "Время воронки, дней", "Час воронки, днів"),
  goal: l("Goal, days", "Цель, дней", "Мета, днів"),
  onTrack: l("On track", "В графике", "За графіком"),
  yes: l("yes", "да", "так"),
  no: l("no", "нет", "ні"),

  // Changes.
  "changes.byStage": l(
    "{last} against {prev}",
    "{last} по сравнению с {prev}",
    "{last} порівняно з {prev}",
  ),
  countPrev: l("Count, previous", "Кол-во, раньше", "Кількість, раніше"),
  countLast: l("Count, last", "Кол-во, сейчас", "Кількість, зараз"),
  convPrev: l("Conversion, previous", "Конверсия, раньше", "Конверсія, раніше"),
  convLast: l("Conversion, last", "Конверсия, сейчас", "Конверсія, зараз"),
  absChange: l("Change, points", "Изменение, п.п.", "Зміна, п.п."),
  relChange: l("Change, %", "Изменение, %", "Зміна, %"),
  previous: l("Previous", "Раньше", "Раніше"),
  last: l("Last", "Сейчас", "Зараз"),
  "changes.drop": l(
    "Look at “{stage}”: its conversion fell by {pct}% (threshold {thr}%).",
    "Смотрите на «{stage}»: конверсия упала на {pct}% (порог {thr}%).",
    "Дивіться на «{stage}»: конверсія впала на {pct}% (поріг {thr}%).",
  ),
  "changes.noDrop": l(
    "No stage's conversion fell by more than {thr}%.",
    "Ни на одном этапе конверсия не упала больше чем на {thr}%.",
    "На жодному етапі конверсія не впала більше ніж на {thr}%.",
  ),
  "changes.activity": l(
    "Activity behind the drop",
    "Активность за падением",
    "Активність за падінням",
  ),
  "changes.sources": l(
    "Conversion into “{stage}” by source",
    "Конверсия в «{stage}» по источникам",
    "Конверсія в «{stage}» за джерелами",
  ),
  "changes.checks": l("What to check", "Что проверить", "Що перевірити"),
  check: l("Check", "Проверка", "Перевірка"),
  targetedShare: l("Targeted share", "Доля целевых", "Частка цільових"),
  "check.calls": l(
    "Number of calls per rep (calls of 60 s and more): is someone slacking?",
    "Количество звонков у менеджера (от 60 секунд): возможно, он халтурит.",
    "Кількість дзвінків у менеджера (від 60 секунд): можливо, він халтурить.",
  ),
  "check.minutes": l(
    "Minutes on the line per rep.",
    "Количество минут на линии у менеджера.",
    "Кількість хвилин на лінії у менеджера.",
  ),
  "check.leads": l(
    "Number of new leads per rep.",
    "Количество новых лидов на менеджере.",
    "Кількість нових лідів на менеджері.",
  ),
  "check.quality": l(
    "Lead quality: were the meetings booked with targeted leads?",
    "Качество лидов: назначена ли встреча целевому лиду.",
    "Якість лідів: чи призначена зустріч цільовому ліду.",
  ),
  "check.confirm": l(
    "Confirmations: the conversion from booked to confirmed (the step before “{stage}”), compared with the previous period.",
    "Подтверждения: конверсия из назначенной встречи в подтверждённую (шаг перед «{stage}») по сравнению с прошлым периодом.",
    "Підтвердження: конверсія з призначеної зустрічі в підтверджену (крок перед «{stage}») порівняно з минулим періодом.",
  ),
  "check.source": l(
    "Source: do these deals come from an old source or a new one?",
    "Источник: сделки пришли из старого источника привлечения или из нового.",
    "Джерело: угоди прийшли зі старого джерела залучення чи з нового.",
  ),
  "check.listen": l(
    "Listen to the calls: how was the meeting booked, were the right expectations set?",
    "Прослушайте звонки: как назначалась встреча, возможно, ставятся неправильные ожидания.",
    "Прослухайте дзвінки: як призначалася зустріч, можливо, ставляться неправильні очікування.",
  ),

  // Time.
  "time.byRep": l(
    "Hours per activity category",
    "Часы по категориям деятельности",
    "Години за категоріями діяльності",
  ),
  totalHours: l("Total hours", "Всего часов", "Усього годин"),
  sellingShare: l("Selling share", "Доля продаж", "Частка продажів"),
  nonSellingShare: l("Non-selling share", "Доля непродающего", "Частка непродажного"),
  "time.misc": l("“{misc}” by period", "«{misc}» по периодам", "«{misc}» за періодами"),
  miscHours: l("Hours", "Часы", "Години"),
  miscShare: l("Share of time", "Доля времени", "Частка часу"),
  "time.miscGrows": l(
    "“{misc}” is growing ({prev} → {last} of the time): find the activities hiding in it and give them their own category (change categories at most once a month).",
    "«{misc}» растёт ({prev} → {last} времени): найдите процессы, которые в ней прячутся, и выделите их в отдельную категорию (менять категории — не чаще раза в месяц).",
    "«{misc}» зростає ({prev} → {last} часу): знайдіть процеси, що в ній ховаються, і виділіть їх в окрему категорію (змінювати категорії — не частіше ніж раз на місяць).",
  ),

  // Quality.
  "quality.byRep": l(
    "Checklist score by rep and criterion",
    "Оценка по чек-листу: менеджеры и критерии",
    "Оцінка за чек-листом: менеджери та критерії",
  ),
  graded: l("Graded", "Оценено", "Оцінено"),
  overallScore: l("Overall", "Общая", "Загальна"),
  "quality.wonLost": l(
    "Checklist score in won and lost deals",
    "Оценка по чек-листу в выигранных и проигранных сделках",
    "Оцінка за чек-листом у виграних і програних угодах",
  ),
  criterion: l("Criterion", "Критерий", "Критерій"),
  won: l("Won", "Выиграны", "Виграні"),
  lost: l("Lost", "Проиграны", "Програні"),
  difference: l("Difference", "Разница", "Різниця"),

  // Data check.
  "dataCheck.summary": l(
    "Rows and cells left out",
    "Пропущенные строки и ячейки",
    "Пропущені рядки та клітинки",
  ),
  "dataCheck.rows": l("Every problem", "Все проблемы", "Усі проблеми"),
  "dataCheck.capped": l(
    "The first {shown} of {total} problems are listed; fix these and build again to see the rest.",
    "Показаны первые {shown} из {total} проблем; исправьте их и постройте отчёт снова, чтобы увидеть остальные.",
    "Показано перші {shown} з {total} проблем; виправте їх і побудуйте звіт знову, щоб побачити решту.",
  ),
  tab: l("Tab", "Лист", "Аркуш"),
  row: l("Row", "Строка", "Рядок"),
  column: l("Column", "Столбец", "Стовпець"),
  header: l("Header", "Заголовок", "Заголовок"),
  value: l("Value", "Значение", "Значення"),
  problem: l("Problem", "Проблема", "Проблема"),
  detail: l("Detail", "Подробности", "Подробиці"),
  "reason.badDate": l("Not a date", "Не дата", "Не дата"),
  "reason.badNumber": l("Not a number", "Не число", "Не число"),
  "reason.badDuration": l("Not a duration", "Не длительность", "Не тривалість"),
  "reason.negativeDuration": l(
    "Negative duration",
    "Отрицательная длительность",
    "Від'ємна тривалість",
  ),
  "reason.unknownStage": l("Unknown stage", "Неизвестный этап", "Невідомий етап"),
  "reason.missingId": l("No id", "Нет идентификатора", "Немає ідентифікатора"),
  "reason.missingRequired": l(
    "Required value missing",
    "Нет обязательного значения",
    "Немає обов'язкового значення",
  ),
  "reason.duplicate": l("Duplicate", "Дубликат", "Дублікат"),
  "reason.closeBeforeCreate": l(
    "Closed before created",
    "Закрыта раньше создания",
    "Закрита раніше створення",
  ),
  "reason.stageOutOfOrder": l(
    "Stage dates out of order",
    "Даты этапов не по порядку",
    "Дати етапів не по порядку",
  ),
  "reason.unknownStatus": l("Unknown status", "Неизвестный статус", "Невідомий статус"),
  "reason.noHeader": l("No header row", "Нет строки заголовков", "Немає рядка заголовків"),
  "reason.cellTooLong": l(
    "Text cut to Excel's 32,767 characters",
    "Текст обрезан до 32 767 символов (предел Excel)",
    "Текст обрізано до 32 767 символів (межа Excel)",
  ),
  "reason.other": l("Other", "Другое", "Інше"),

  // Build.
  "build.read": l(
    "Reading the tabs and computing the report",
    "Чтение листов и расчёт отчёта",
    "Читання аркушів і розрахунок звіту",
  ),
  "build.write": l("Writing “{name}”", "Запись «{name}»", "Запис «{name}»"),
  "build.swap": l(
    "Replacing the previous report",
    "Замена предыдущего отчёта",
    "Заміна попереднього звіту",
  ),
  "build.locked": l(
    "Another report build is running in this spreadsheet. Please try again in a minute.",
    "В этой таблице уже строится отчёт. Попробуйте ещё раз через минуту.",
    "У цій таблиці вже будується звіт. Спробуйте ще раз за хвилину.",
  ),
  "build.stale": l(
    "A newer report build has started; this one was stopped.",
    "Запущено более новое построение отчёта; это остановлено.",
    "Запущено новішу побудову звіту; цю зупинено.",
  ),
  "build.expired": l(
    "The prepared report has expired; please press Build again.",
    "Подготовленный отчёт устарел; нажмите «Построить» ещё раз.",
    "Підготовлений звіт застарів; натисніть «Побудувати» ще раз.",
  ),
  "build.timeout": l(
    "The report is too large to write in the time Google allows; nothing was changed. Narrow the period or the filters and try again.",
    "Отчёт слишком большой, чтобы записать его за время, которое даёт Google; ничего не изменено. Сузьте период или фильтры и попробуйте снова.",
    "Звіт завеликий, щоб записати його за час, який дає Google; нічого не змінено. Звузьте період або фільтри та спробуйте знову.",
  ),
  "build.empty": l(
    "No data to build a report from: no tab was recognised as calls, deals, stage log, time log, plan or checklist.",
    "Нет данных для отчёта: ни один лист не распознан как звонки, сделки, журнал этапов, учёт времени, план или чек-лист.",
    "Немає даних для звіту: жоден аркуш не розпізнано як дзвінки, угоди, журнал етапів, облік часу, план чи чек-лист.",
  ),
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
