/**
 * Every text the sidebar shows itself, in the three languages (a catalog of src/core/i18n.ts).
 * `{name}` placeholders are filled with `fill`; the result is still plain text (rendered with
 * textContent). Field labels come from the model's field table (src/model/fields.ts).
 */
import { inLang, type Lang, type Localized, l } from "../src/core/i18n";
import { FIELD_LABELS, type FieldKey } from "../src/model/fields";
import type { TabKind } from "../src/model/types";
import type { OptionKey } from "../src/shared/options";

export const SIDEBAR_TEXTS = {
  title: l("Voronka", "Воронка", "Воронка"),
  loading: l("Reading your tabs…", "Читаю ваши листы…", "Читаю ваші аркуші…"),
  language: l("Language", "Язык", "Мова"),
  tabs: l("Your tabs", "Ваши листы", "Ваші аркуші"),
  tabsHint: l(
    "The kind of each tab was detected from its headers. Correct it if it is wrong.",
    "Тип каждого листа определён по заголовкам. Исправьте, если он неверный.",
    "Тип кожного аркуша визначено за заголовками. Виправте, якщо він хибний.",
  ),
  noTabs: l(
    "No tab with calls, deals, stages, time, a plan or a checklist was found.",
    "Не найдено листов со звонками, сделками, этапами, временем, планом или чек-листом.",
    "Не знайдено аркушів із дзвінками, угодами, етапами, часом, планом або чек-листом.",
  ),
  notUsed: l("— not used —", "— не используется —", "— не використовується —"),
  noColumn: l("— none —", "— нет —", "— немає —"),
  rows: l("{n} {n:row|rows}", "{n} {n:строка|строки|строк}", "{n} {n:рядок|рядки|рядків}"),
  columns: l("Columns", "Столбцы", "Стовпці"),
  hideColumns: l("Hide columns", "Скрыть столбцы", "Сховати стовпці"),
  missing: l("Missing:", "Не хватает:", "Бракує:"),
  stages: l("Funnel stages", "Этапы воронки", "Етапи воронки"),
  stagesHint: l(
    "From the top of the funnel to the sale. Use the arrows to reorder.",
    "От верха воронки до продажи. Меняйте порядок стрелками.",
    "Від верху воронки до продажу. Змінюйте порядок стрілками.",
  ),
  roles: l("Roles", "Роли", "Ролі"),
  rolesHint: l(
    "SDRs book meetings, hunters hold them and sell to new clients, farmers sell to existing clients. Set a role to get the Roles sheet.",
    "Лидорубы назначают встречи, хантеры проводят их и продают новым клиентам, фермеры продают постоянным. Укажите роли, чтобы получить лист «Роли».",
    "Лідоруби призначають зустрічі, хантери проводять їх і продають новим клієнтам, фермери продають постійним. Вкажіть ролі, щоб отримати аркуш «Ролі».",
  ),
  noRole: l("— no role —", "— без роли —", "— без ролі —"),
  setRoles: l("Set roles ({n} reps)", "Указать роли ({n})", "Вказати ролі ({n})"),
  hideRoles: l("Hide roles", "Скрыть роли", "Сховати ролі"),
  normsTitle: l(
    "An SDR's norms per working day (empty: the usual ones)",
    "Нормы лидоруба в рабочий день (пусто — обычные)",
    "Норми лідоруба за робочий день (порожньо — звичайні)",
  ),
  normCalls: l("Calls ≥ {sec} s", "Звонки ≥ {sec} с", "Дзвінки ≥ {sec} с"),
  normBooked: l("Meetings booked", "Назначено встреч", "Призначено зустрічей"),
  normHeld: l("Meetings held", "Проведено встреч", "Проведено зустрічей"),
  normFrom: l("from", "от", "від"),
  normTo: l("to", "до", "до"),
  roleSdr: l("SDR", "Лидоруб", "Лідоруб"),
  roleHunter: l("Hunter", "Хантер", "Хантер"),
  roleFarmer: l("Farmer", "Фермер", "Фермер"),
  noStages: l("No stages found yet.", "Этапы пока не найдены.", "Етапи поки не знайдено."),
  moveUp: l("Move “{name}” up", "Переместить «{name}» выше", "Перемістити «{name}» вище"),
  moveDown: l("Move “{name}” down", "Переместить «{name}» ниже", "Перемістити «{name}» нижче"),
  moved: l(
    "“{name}” is now stage {i} of {n}.",
    "«{name}» теперь этап {i} из {n}.",
    "«{name}» тепер етап {i} з {n}.",
  ),
  nothingUsed: l(
    "None of these tabs looks like calls, deals, stages, time, a plan or a checklist. Pick a kind for a tab above.",
    "Ни один лист не похож на звонки, сделки, этапы, учёт времени, план или чек-лист. Выберите тип листа выше.",
    "Жоден аркуш не схожий на дзвінки, угоди, етапи, облік часу, план чи чек-лист. Виберіть тип аркуша вище.",
  ),
  templateOffer: l(
    "Or start from a ready-made set of tabs to fill in:",
    "Или начните с готового набора листов для заполнения:",
    "Або почніть із готового набору аркушів для заповнення:",
  ),
  buildNeedsTab: l(
    "Pick a kind for at least one tab to build a report.",
    "Чтобы построить отчёт, выберите тип хотя бы для одного листа.",
    "Щоб побудувати звіт, виберіть тип хоча б для одного аркуша.",
  ),
  progress: l("Build progress", "Ход построения", "Хід побудови"),
  openSheet: l("Report sheets", "Листы отчёта", "Аркуші звіту"),
  dateFormat: l("Dates as {pattern}.", "Даты в виде {pattern}.", "Дати у вигляді {pattern}."),
  dateInvalid: l(
    "Not a date: type it as {pattern}.",
    "Не удалось прочитать дату: введите её в виде {pattern}.",
    "Не вдалося прочитати дату: введіть її у вигляді {pattern}.",
  ),
  chosenOf: l("{n} of {total}", "{n} из {total}", "{n} з {total}"),
  filter: l("Filter", "Фильтр", "Фільтр"),
  noMatch: l("Nothing matches.", "Ничего не найдено.", "Нічого не знайдено."),
  report: l("Report", "Отчёт", "Звіт"),
  period: l("Period", "Период", "Період"),
  week: l("Week", "Неделя", "Тиждень"),
  month: l("Month", "Месяц", "Місяць"),
  from: l("From", "С", "З"),
  to: l("To", "По", "По"),
  dataRange: l(
    "The data runs from {from} to {to}; leave the dates empty for all of it.",
    "Данные с {from} по {to}; оставьте даты пустыми, чтобы взять все.",
    "Дані з {from} по {to}; залиште дати порожніми, щоб узяти все.",
  ),
  options: l("Options", "Параметры", "Параметри"),
  optionsHint: l(
    "Leave a box empty for the usual value.",
    "Оставьте поле пустым, чтобы взять обычное значение.",
    "Залиште поле порожнім, щоб узяти звичайне значення.",
  ),
  optionRange: l("From {min} to {max}.", "От {min} до {max}.", "Від {min} до {max}."),
  optionInvalid: l(
    "{label}: type {what} from {min} to {max}.",
    "{label}: введите {what} от {min} до {max}.",
    "{label}: введіть {what} від {min} до {max}.",
  ),
  reps: l("Reps", "Менеджеры", "Менеджери"),
  sources: l("Sources", "Источники", "Джерела"),
  all: l("All", "Все", "Усі"),
  none: l("none found", "не найдены", "не знайдено"),
  build: l("Build report", "Построить отчёт", "Побудувати звіт"),
  building: l("Building…", "Строю…", "Будую…"),
  step: l("Step {i} of {n}", "Шаг {i} из {n}", "Крок {i} з {n}"),
  done: l("The report is ready.", "Отчёт готов.", "Звіт готовий."),
  issues: l(
    "Rows that could not be read: {n}. See the data check sheet.",
    "Не удалось прочитать строк: {n}. Подробности на листе проверки данных.",
    "Не вдалося прочитати рядків: {n}. Подробиці на аркуші перевірки даних.",
  ),
  noIssues: l("Every row was read.", "Все строки прочитаны.", "Усі рядки прочитано."),
  help: l("Formula help", "Справка по формулам", "Довідка з формул"),
  template: l("Create tracker template", "Создать шаблон трекера", "Створити шаблон трекера"),
  templateDone: l(
    "Template added: {names}.",
    "Шаблон добавлен: {names}.",
    "Шаблон додано: {names}.",
  ),
  back: l("Back", "Назад", "Назад"),
  search: l("Search functions", "Поиск функции", "Пошук функції"),
  syntax: l("Syntax", "Синтаксис", "Синтаксис"),
  examples: l("Examples", "Примеры", "Приклади"),
  optional: l("optional", "необязательный", "необов’язковий"),
  noFunctions: l("No functions match.", "Ничего не найдено.", "Нічого не знайдено."),
  reload: l("Re-read tabs", "Перечитать листы", "Перечитати аркуші"),
  errNoHost: l(
    "This page works only inside Google Sheets.",
    "Эта страница работает только внутри Google Таблиц.",
    "Ця сторінка працює лише всередині Google Таблиць.",
  ),
  errUnknown: l(
    "Something went wrong. Please try again.",
    "Что-то пошло не так. Попробуйте ещё раз.",
    "Щось пішло не так. Спробуйте ще раз.",
  ),
};

/** The report options' boxes (the unit is part of the label). */
export const OPTION_LABELS = {
  cohortWindowDays: l("Cohort window, days", "Окно когорты, дней", "Вікно когорти, днів"),
  velocityGoalPercent: l(
    "Velocity goal, % a month",
    "Цель по скорости, % в месяц",
    "Мета зі швидкості, % на місяць",
  ),
  dropThresholdPercent: l("Drop threshold, %", "Порог падения, %", "Поріг падіння, %"),
  longCallSeconds: l(
    "Long calls from, seconds",
    "Длинные звонки от, секунд",
    "Довгі дзвінки від, секунд",
  ),
  topN: l("Rows per breakdown", "Строк в разбивке", "Рядків у розбивці"),
} satisfies Record<OptionKey, Localized>;

/** What each option does, and what an empty box means. */
export const OPTION_HINTS = {
  cohortWindowDays: l(
    "Changes. Empty: the days 80% of won deals took to the sale.",
    "«Изменения». Пусто — за сколько дней продаются 80% выигранных сделок.",
    "«Зміни». Порожньо — за скільки днів продаються 80% виграних угод.",
  ),
  velocityGoalPercent: l(
    "Velocity: the cut in funnel time. Usually 20.",
    "«Скорость»: сокращение времени воронки. Обычно 20.",
    "«Швидкість»: скорочення часу воронки. Зазвичай 20.",
  ),
  dropThresholdPercent: l(
    "Changes: a fall in conversion worth naming. Usually 10.",
    "«Изменения»: падение конверсии, о котором сказать. Обычно 10.",
    "«Зміни»: падіння конверсії, про яке сказати. Зазвичай 10.",
  ),
  longCallSeconds: l("Usually 60.", "Обычно 60.", "Зазвичай 60."),
  topN: l(
    "Named reps or sources; the rest go to “Other”. Usually 50.",
    "Менеджеры или источники по имени; остальные — в «Остальные». Обычно 50.",
    "Менеджери або джерела за ім’ям; решта — в «Інші». Зазвичай 50.",
  ),
} satisfies Record<OptionKey, Localized>;

/** The raw tab kinds, as the tab's kind picker names them. */
export const KIND_LABELS = {
  calls: l("Calls", "Звонки", "Дзвінки"),
  deals: l("Deals", "Сделки", "Угоди"),
  stageLog: l("Stage log", "Журнал этапов", "Журнал етапів"),
  timeLog: l("Time log", "Учёт времени", "Облік часу"),
  plan: l("Plan", "План", "План"),
  checklist: l("Checklist", "Чек-лист", "Чек-лист"),
  team: l("Team", "Команда", "Команда"),
  callsSummary: l("Calls summary", "Сводка звонков", "Зведення дзвінків"),
  aggregates: l("Aggregates (SQL)", "Агрегаты (SQL)", "Агрегати (SQL)"),
} satisfies Record<TabKind, Localized>;

type Strings = Record<keyof typeof SIDEBAR_TEXTS, string> & {
  kinds: Record<TabKind, string>;
  fields: Record<FieldKey, string>;
  optionLabels: Record<OptionKey, string>;
  optionHints: Record<OptionKey, string>;
};

/** Each language by its own name (not "UK", which reads as the United Kingdom). */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: "English",
  ru: "Русский",
  uk: "Українська",
};

function strings(lang: Lang): Strings {
  return {
    ...inLang(SIDEBAR_TEXTS, lang),
    kinds: inLang(KIND_LABELS, lang),
    fields: inLang(FIELD_LABELS, lang),
    optionLabels: inLang(OPTION_LABELS, lang),
    optionHints: inLang(OPTION_HINTS, lang),
  };
}

export const STRINGS: Record<Lang, Strings> = {
  en: strings("en"),
  ru: strings("ru"),
  uk: strings("uk"),
};
export type { Strings };
