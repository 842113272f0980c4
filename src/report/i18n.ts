/**
 * Every label the report writes, in English, Russian and Ukrainian (one catalog).
 * `{name}` placeholders are filled by `t` (src/core/i18n.ts).
 */
import { type Lang, type Localized, l, translate, type Vars } from "../core/i18n";
import { WORDS } from "../core/words";
import type { DataIssueReason } from "../model/types";
import { ANALYSIS_LABELS } from "./i18n-analysis";
import type { SheetKey } from "./types";

const L = {
  // Sheet names.
  "sheet.funnel": WORDS.funnel,
  "sheet.kpi": l("KPI", "KPI", "KPI"),
  "sheet.velocity": l("Velocity", "Скорость", "Швидкість"),
  "sheet.changes": l("Changes", "Изменения", "Зміни"),
  "sheet.time": l("Time", "Время", "Час"),
  "sheet.quality": l("Quality", "Качество", "Якість"),
  "sheet.roles": l("Roles", "Роли", "Ролі"),
  "sheet.dataCheck": l("Data check", "Проверка данных", "Перевірка даних"),

  // Common headers.
  stage: WORDS.stage,
  count: WORDS.count,
  stepConv: WORDS.stepConversion,
  overallConv: WORDS.overallConversion,
  period: l("Period", "Период", "Період"),
  month: l("Month", "Месяц", "Місяць"),
  rep: l("Rep", "Менеджер", "Менеджер"),
  source: l("Source", "Источник", "Джерело"),
  team: l("Team", "Команда", "Команда"),
  noRep: l("(no rep)", "(без менеджера)", "(без менеджера)"),
  noSource: l("(no source)", "(без источника)", "(без джерела)"),
  total: l("Total", "Итого", "Разом"),

  otherGroups: l("Other ({n})", "Остальные ({n})", "Інші ({n})"),
  noDate: l("(no date)", "(без даты)", "(без дати)"),

  // Funnel.
  "funnel.byStage": l("Funnel by stage", "Воронка по этапам", "Воронка за етапами"),
  "funnel.byStage.note": l(
    "A deal that reached a later stage counts at every earlier one too. Weakest step: {stage}.",
    "Сделка, дошедшая до более позднего этапа, учитывается и на всех предыдущих. Самый слабый шаг: {stage}.",
    "Угода, що дійшла до пізнішого етапу, враховується й на всіх попередніх. Найслабший крок: {stage}.",
  ),
  "funnel.chart": WORDS.funnel,
  "funnel.byPeriod": l(
    "Funnel by period: deals created in the period and the stages they have reached",
    "Воронка по периодам: сделки, созданные в периоде, и этапы, до которых они дошли",
    "Воронка за періодами: угоди, створені в періоді, і етапи, до яких вони дійшли",
  ),
  "funnel.byPeriod.note": l(
    "Deals of recent periods have had less time to move down the funnel; the Changes sheet compares periods fairly.",
    "У сделок последних периодов было меньше времени, чтобы пройти воронку; честное сравнение периодов — на листе «Изменения».",
    "Угоди останніх періодів мали менше часу, щоб пройти воронку; чесне порівняння періодів — на аркуші «Зміни».",
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
  "kpi.plan": l("Plan and fact", "План и факт", "План і факт"),
  "kpi.plan.note": l(
    "Current period: {period}, working days passed: {elapsed} of {total}. Forecast = fact ÷ working days passed × working days in the period.",
    "Текущий период: {period}, рабочих дней прошло: {elapsed} из {total}. Прогноз = факт ÷ прошедшие рабочие дни × рабочие дни периода.",
    "Поточний період: {period}, робочих днів минуло: {elapsed} з {total}. Прогноз = факт ÷ робочі дні, що минули, × робочі дні періоду.",
  ),
  calls: WORDS.calls,
  longCalls: l("Calls ≥ {sec} s", "Звонки от {sec} с", "Дзвінки від {sec} с"),
  minutes: WORDS.minutesOnLine,
  leads: WORDS.newLeads,
  targeted: l("Targeted", "Целевые", "Цільові"),
  nonTargeted: l("Non-targeted", "Нецелевые", "Нецільові"),
  sales: WORDS.sales,
  revenue: WORDS.revenue,
  avgCheck: l("Average check", "Средний чек", "Середній чек"),
  marginPct: l("Margin, %", "Маржа, %", "Маржа, %"),
  repeatShare: l(
    "Revenue share from repeat customers",
    "Доля выручки от повторных клиентов",
    "Частка виторгу від повторних клієнтів",
  ),
  cycle: l("Sales cycle, days", "Цикл сделки, дней", "Цикл угоди, днів"),
  metric: l("Metric", "Показатель", "Показник"),
  plan: l("Plan", "План", "План"),
  fact: l("Fact", "Факт", "Факт"),
  factOf: l("{metric}: fact", "{metric}: факт", "{metric}: факт"),
  forecastOf: l("{metric}: forecast", "{metric}: прогноз", "{metric}: прогноз"),
  "kpi.forecast": l("Forecast for {period}", "Прогноз на {period}", "Прогноз на {period}"),
  pctPlan: l("% of plan", "% плана", "% плану"),
  forecast: l("Forecast", "Прогноз", "Прогноз"),
  dailyFact: l("Fact per working day", "Факт в рабочий день", "Факт за робочий день"),
  dailyPlan: l("Plan per working day", "План на рабочий день", "План на робочий день"),
  "metric.calls": WORDS.calls,
  "metric.longCalls": l("Calls ≥ 60 s", "Звонки от 60 с", "Дзвінки від 60 с"),
  "metric.minutes": WORDS.minutesOnLine,
  "metric.leads": WORDS.newLeads,
  "metric.sales": WORDS.sales,
  "metric.revenue": WORDS.revenue,
  "metric.meetings": l("Meetings", "Встречи", "Зустрічі"),

  ...ANALYSIS_LABELS,

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
export function t(lang: Lang, key: LabelKey, vars?: Vars): string {
  return translate(L, lang, key, vars);
}

export function sheetName(lang: Lang, key: SheetKey): string {
  return t(lang, `sheet.${key}` as LabelKey);
}

export function reasonLabel(lang: Lang, reason: DataIssueReason): string {
  const key = `reason.${reason}` as LabelKey;
  return key in L ? t(lang, key) : t(lang, "reason.other");
}
