/**
 * The tracker template as data (pure, no Apps Script): the raw tabs with headers in the user's
 * language, a few example rows, the dropdown lists and which columns use them.
 * adapters/sheets/template.ts writes it; the headers are words detectTabs knows.
 */
import { isoDate, MS_PER_DAY } from "../core/calendar";
import { inLang, type Lang, type Localized, l } from "../core/i18n";
import { at } from "../core/indexed";
import type { TabKind } from "../model/types";

export type ListKey =
  | "stage"
  | "rep"
  | "source"
  | "category"
  | "yesNo"
  | "direction"
  | "metric"
  | "role";

export type TemplateCell = string | number;

export interface TemplateTab {
  /** The raw kind detectTabs should see, or null for the lists tab. */
  kind: TabKind | null;
  name: string;
  header: string[];
  rows: TemplateCell[][];
  /** 0-based column → the list its dropdown offers. */
  dropdowns: { col: number; list: ListKey }[];
}

export interface TemplatePlan {
  lang: Lang;
  /** The lists tab (one column per list); dropdowns point at its columns. */
  lists: { name: string; columns: { key: ListKey; header: string; values: string[] }[] };
  tabs: TemplateTab[];
  /** Funnel stages top to bottom (the last one is the sale). */
  stages: string[];
  /** The name of the example-formulas sheet. */
  formulasName: string;
}

/**
 * The template's words: per entry the English, Russian and Ukrainian text, items separated by
 * "|". Kept as one table so each key is written once.
 * - tabs: the raw tabs' names in TABS order, then the lists tab's and the formulas sheet's;
 * - calls … checklist: that raw tab's header;
 * - lists: the lists tab's column headers in LISTS order;
 * - stage … metric (the ListKeys): the items of that list; `stage` is the funnel top to
 *   bottom, then the lost status;
 * - result, client: example cells.
 */
export const TEMPLATE_WORDS = {
  tabs: l(
    "Calls|Deals|Stage log|Time log|Plan|Checklist|Team|Lists|Formulas",
    "Звонки|Сделки|Этапы|Учёт времени|План|Чек-лист|Команда|Справочники|Формулы",
    "Дзвінки|Угоди|Етапи|Облік часу|План|Чек-лист|Команда|Довідники|Формули",
  ),
  calls: l(
    "Date|Rep|Duration|Direction|Result|Deal ID|Source",
    "Дата|Менеджер|Длительность|Направление|Результат|ID сделки|Источник",
    "Дата|Менеджер|Тривалість|Напрямок|Результат|ID угоди|Джерело",
  ),
  deals: l(
    "Deal ID|Lead date|Rep|Source|Client|Stage|Amount|Cost|Targeted|Booked by|Meeting booked|Meeting confirmed|Meeting held",
    "ID сделки|Дата лида|Менеджер|Источник|Клиент|Этап|Сумма|Себестоимость|Целевой|Назначил встречу|Встреча назначена|Встреча подтверждена|Встреча проведена",
    "ID угоди|Дата ліда|Менеджер|Джерело|Клієнт|Етап|Сума|Собівартість|Цільовий|Призначив|Зустріч призначена|Зустріч підтверджена|Зустріч проведена",
  ),
  stageLog: l(
    "Deal ID|Stage|Date|Rep|Source",
    "ID сделки|Этап|Дата|Менеджер|Источник",
    "ID угоди|Етап|Дата|Менеджер|Джерело",
  ),
  timeLog: l(
    "Rep|Date|Category|Minutes",
    "Менеджер|Дата|Категория|Минуты",
    "Менеджер|Дата|Категорія|Хвилини",
  ),
  plan: l(
    "Period|Metric|Target|Rep",
    "Период|Показатель|План|Менеджер",
    "Період|Показник|План|Менеджер",
  ),
  checklist: l(
    "Deal ID|Rep|Greeting|Needs found|Presentation|Objections handled|Next step agreed",
    "ID сделки|Менеджер|Приветствие|Выявил потребность|Презентация|Отработал возражения|Договорился о следующем шаге",
    "ID угоди|Менеджер|Привітання|Виявив потребу|Презентація|Відпрацював заперечення|Домовився про наступний крок",
  ),
  team: l("Rep|Role|Since", "Менеджер|Роль|С даты", "Менеджер|Роль|З дати"),
  lists: l(
    "Stages|Reps|Sources|Categories|Yes / no|Directions|Metrics|Roles",
    "Этапы|Менеджеры|Источники|Категории|Да / нет|Направления|Показатели|Роли",
    "Етапи|Менеджери|Джерела|Категорії|Так / ні|Напрямки|Показники|Ролі",
  ),
  role: l("SDR|Hunter|Farmer", "Лидоруб|Хантер|Фермер", "Лідоруб|Хантер|Фермер"),
  stage: l(
    "Lead|Qualified|Meeting booked|Meeting confirmed|Meeting held|Proposal|Won|Lost",
    "Лид|Квалификация|Встреча назначена|Встреча подтверждена|Встреча проведена|КП|Оплачено|Отказ",
    "Лід|Кваліфікація|Зустріч призначена|Зустріч підтверджена|Зустріч проведена|КП|Оплачено|Відмова",
  ),
  rep: l("Anna|Boris|Chen", "Анна|Борис|Ольга", "Анна|Богдан|Олена"),
  source: l(
    "Website|Referral|Cold call",
    "Сайт|Рекомендация|Холодный звонок",
    "Сайт|Рекомендація|Холодний дзвінок",
  ),
  category: l(
    "Calls|Meetings|Proposals|Admin|Misc",
    "Звонки|Встречи|КП|Админ. работа|Прочее",
    "Дзвінки|Зустрічі|КП|Адмін. робота|Інше",
  ),
  yesNo: l("Yes|No", "Да|Нет", "Так|Ні"),
  direction: l("out|in", "исходящий|входящий", "вихідний|вхідний"),
  metric: l("Calls|Sales|Revenue", "Звонки|Продажи|Выручка", "Дзвінки|Продажі|Виторг"),
  result: l(
    "Meeting booked|No answer|Call back|Not interested",
    "Назначена встреча|Не дозвонился|Перезвонить|Не интересно",
    "Призначено зустріч|Не додзвонився|Передзвонити|Не цікаво",
  ),
  client: l(
    "Acme Ltd|Northwind|Globex|Initech|Umbrella|Hooli",
    "ООО Ромашка|Альфа|Вектор|Гранит|Сфера|Меридиан",
    "ТОВ Ромашка|Альфа|Вектор|Граніт|Сфера|Меридіан",
  ),
} satisfies Record<string, Localized>;

export type Words = Record<keyof typeof TEMPLATE_WORDS, string[]>;

/** The raw tabs in order, each with its dropdowns: 0-based column → the list it offers. */
/** The kinds the template has a tab for (summaries and aggregates come from elsewhere). */
type TemplateKind = Exclude<TabKind, "callsSummary" | "aggregates">;

const TABS: [TemplateKind, Record<number, ListKey>][] = [
  ["calls", { 1: "rep", 3: "direction", 6: "source" }],
  ["deals", { 2: "rep", 3: "source", 5: "stage", 8: "yesNo", 9: "rep" }],
  ["stageLog", { 1: "stage", 3: "rep", 4: "source" }],
  ["timeLog", { 0: "rep", 2: "category" }],
  ["plan", { 1: "metric", 3: "rep" }],
  ["checklist", { 1: "rep", 2: "yesNo", 3: "yesNo", 4: "yesNo", 5: "yesNo", 6: "yesNo" }],
  ["team", { 0: "rep", 1: "role" }],
];

/** The lists tab's columns in order. */
const LISTS: ListKey[] = [
  "stage",
  "rep",
  "source",
  "category",
  "yesNo",
  "direction",
  "metric",
  "role",
];

/** The words the template uses in `lang`, e.g. for tests. */
export function templateWords(lang: Lang): Words {
  const out = {} as Words;
  for (const [key, text] of Object.entries(inLang(TEMPLATE_WORDS, lang))) {
    out[key as keyof Words] = text.split("|");
  }
  return out;
}

/** "2026-03-02 10:15": text Sheets reads as a date in any locale, and so does parseDate. */
function stamp(day: number, hour = 0, minute = 0): string {
  const d = isoDate(day * MS_PER_DAY);
  if (hour === 0 && minute === 0) return d;
  return `${d} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * Deals of the example: [stages reached (index of last), lost?, amount, cost, day offset].
 * Stages: lead, qualified, meeting booked, confirmed, held, proposal, won.
 */
const DEALS: [number, boolean, number, number, number][] = [
  [6, false, 120000, 70000, 34],
  [5, false, 80000, 50000, 27],
  [4, true, 95000, 60000, 25],
  [6, false, 60000, 33000, 20],
  [2, false, 40000, 25000, 12],
  [0, true, 50000, 30000, 6],
];
/** The meeting steps' stage indexes, and the roles' people (team rows in this order). */
const MEETING = [2, 3, 4];
const [SDR, HUNTER] = [0, 1];

/**
 * The template for `lang`, with example dates counted back from `todayDay` (whole days since
 * 1970-01-01 in the spreadsheet's time zone), so the first report shows recent periods.
 */
export function templatePlan(lang: Lang, todayDay: number): TemplatePlan {
  const w = templateWords(lang);
  const stages = w.stage.slice(0, -1);
  const lostStatus = at(w.stage, stages.length);
  const [yes, no] = w.yesNo as [string, string];
  const id = (i: number) => `D-${101 + i}`;
  const rep = (i: number) => at(w.rep, i % w.rep.length);
  const source = (i: number) => at(w.source, i % w.source.length);
  const rows: Record<TemplateKind, TemplateCell[][]> = {
    calls: [],
    deals: [],
    stageLog: [],
    timeLog: [],
    plan: [],
    checklist: [],
    team: [],
  };

  DEALS.forEach(([reached, lost, amount, cost, back], i) => {
    const start = todayDay - back;
    const current = lost ? lostStatus : at(stages, reached);
    // A booked meeting: the SDR booked it, the hunter owns the deal from then on.
    const booked = reached >= at(MEETING, 0);
    const owner = booked ? at(w.rep, HUNTER) : rep(i);
    const when = (s: number) => stamp(start + s * 2, 10 + s, 0);
    rows.deals.push([
      id(i),
      stamp(start),
      owner,
      source(i),
      at(w.client, i),
      current,
      amount,
      cost,
      i === 5 ? no : yes,
      booked ? at(w.rep, SDR) : "",
      ...MEETING.map((s) => (reached >= s ? when(s) : "")),
    ]);
    for (let s = 0; s <= reached; s++) {
      rows.stageLog.push([id(i), at(stages, s), when(s), owner, source(i)]);
    }
  });

  const durations = ["0:03:15", "0:00:40", "0:07:02", "0:01:30", "0:12:45", "0:00:25", "0:05:10"];
  for (let i = 0; i < 8; i++) {
    const deal = i % DEALS.length;
    rows.calls.push([
      stamp(todayDay - at(DEALS, deal)[4] + (i > 5 ? 1 : 0), 9 + i, 15),
      rep(deal),
      at(durations, i % durations.length),
      at(w.direction, i % 3 === 2 ? 1 : 0),
      at(w.result, i % w.result.length),
      id(deal),
      source(deal),
    ]);
  }

  for (let i = 0; i < 6; i++) {
    rows.timeLog.push([
      rep(i),
      stamp(todayDay - 1 - Math.floor(i / 2)),
      at(w.category, i % 5),
      30 + 15 * i,
    ]);
  }

  const month = isoDate(todayDay * MS_PER_DAY).slice(0, 7);
  const [calls, sales, revenue] = w.metric as [string, string, string];
  rows.plan.push(
    [month, calls, 400, ""],
    [month, sales, 6, ""],
    [month, revenue, 500000, ""],
    [month, sales, 2, rep(0)],
  );

  [0, 2, 3].forEach((d, i) => {
    rows.checklist.push([
      id(d),
      rep(d),
      yes,
      i === 1 ? no : yes,
      yes,
      i === 1 ? no : yes,
      i === 2 ? no : yes,
    ]);
  });

  // One person per role (SDR books, hunter holds and sells, farmer sells to existing clients).
  w.role.forEach((role, i) => {
    rows.team.push([rep(i), role, ""]);
  });

  return {
    lang,
    stages,
    formulasName: at(w.tabs, TABS.length + 1),
    lists: {
      name: at(w.tabs, TABS.length),
      columns: LISTS.map((key, i) => ({ key, header: at(w.lists, i), values: w[key] })),
    },
    tabs: TABS.map(([kind, dropdowns], i) => ({
      kind,
      name: at(w.tabs, i),
      header: w[kind],
      rows: rows[kind],
      dropdowns: Object.entries(dropdowns).map(([col, list]) => ({ col: Number(col), list })),
    })),
  };
}

/** The lists tab as a table: a column per list, blanks below a shorter list. */
export function listsTable(lists: TemplatePlan["lists"]): {
  header: string[];
  rows: TemplateCell[][];
} {
  const height = Math.max(0, ...lists.columns.map((c) => c.values.length));
  return {
    header: lists.columns.map((c) => c.header),
    rows: Array.from({ length: height }, (_, r) => lists.columns.map((c) => c.values[r] ?? "")),
  };
}

/** Every dropdown of the raw tabs: the tab's index, its column and the lists tab's column it offers (0-based). */
export function dropdownSources(
  plan: TemplatePlan,
): { tab: number; col: number; listCol: number }[] {
  return plan.tabs.flatMap((tab, i) =>
    tab.dropdowns.flatMap((d) => {
      const listCol = plan.lists.columns.findIndex((c) => c.key === d.list);
      return listCol < 0 ? [] : [{ tab: i, col: d.col, listCol }];
    }),
  );
}

/** `base`, or `base (2)`, `base (3)`… — the first name not in `taken` (case-insensitive). */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.trim().toLowerCase());
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
