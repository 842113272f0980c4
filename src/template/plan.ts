/**
 * The tracker template as data (pure, no Apps Script): the raw tabs with headers in the user's
 * language, a few example rows, the dropdown lists and which columns use them.
 * src/template/sheets.ts writes it; the headers are words detectTabs knows.
 */
import { isoDate, MS_PER_DAY } from "../core/calendar";
import type { Lang } from "../core/lang";
import type { TabKind } from "../model/types";

export type ListKey = "stage" | "rep" | "source" | "category" | "yesNo" | "direction" | "metric";

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

interface Words {
  tabs: Record<TabKind, string>;
  lists: string;
  formulas: string;
  headers: {
    calls: string[];
    deals: string[];
    stageLog: string[];
    timeLog: string[];
    plan: string[];
    checklist: string[];
  };
  listHeaders: Record<ListKey, string>;
  stages: string[];
  lost: string;
  reps: string[];
  sources: string[];
  categories: string[];
  yesNo: [string, string];
  direction: [string, string];
  results: string[];
  metrics: string[];
  clients: string[];
}

const WORDS: Record<Lang, Words> = {
  en: {
    tabs: {
      calls: "Calls",
      deals: "Deals",
      stageLog: "Stage log",
      timeLog: "Time log",
      plan: "Plan",
      checklist: "Checklist",
    },
    lists: "Lists",
    formulas: "Formulas",
    headers: {
      calls: ["Date", "Rep", "Duration", "Direction", "Result", "Deal ID", "Source"],
      deals: [
        "Deal ID",
        "Created",
        "Rep",
        "Source",
        "Client",
        "Stage",
        "Amount",
        "Cost",
        "Targeted",
      ],
      stageLog: ["Deal ID", "Stage", "Date", "Rep", "Source"],
      timeLog: ["Rep", "Date", "Category", "Minutes"],
      plan: ["Period", "Metric", "Target", "Rep"],
      checklist: [
        "Deal ID",
        "Rep",
        "Greeting",
        "Needs found",
        "Presentation",
        "Objections handled",
        "Next step agreed",
      ],
    },
    listHeaders: {
      stage: "Stages",
      rep: "Reps",
      source: "Sources",
      category: "Categories",
      yesNo: "Yes / no",
      direction: "Directions",
      metric: "Metrics",
    },
    stages: ["Lead", "Qualified", "Meeting", "Proposal", "Won"],
    lost: "Lost",
    reps: ["Anna", "Boris", "Chen"],
    sources: ["Website", "Referral", "Cold call"],
    categories: ["Calls", "Meetings", "Proposals", "Admin", "Misc"],
    yesNo: ["Yes", "No"],
    direction: ["out", "in"],
    results: ["Meeting booked", "No answer", "Call back", "Not interested"],
    metrics: ["Calls", "Sales", "Revenue"],
    clients: ["Acme Ltd", "Northwind", "Globex", "Initech", "Umbrella", "Hooli"],
  },
  ru: {
    tabs: {
      calls: "Звонки",
      deals: "Сделки",
      stageLog: "Этапы",
      timeLog: "Учёт времени",
      plan: "План",
      checklist: "Чек-лист",
    },
    lists: "Справочники",
    formulas: "Формулы",
    headers: {
      calls: [
        "Дата",
        "Менеджер",
        "Длительность",
        "Направление",
        "Результат",
        "ID сделки",
        "Источник",
      ],
      deals: [
        "ID сделки",
        "Дата создания",
        "Менеджер",
        "Источник",
        "Клиент",
        "Этап",
        "Сумма",
        "Себестоимость",
        "Целевой",
      ],
      stageLog: ["ID сделки", "Этап", "Дата", "Менеджер", "Источник"],
      timeLog: ["Менеджер", "Дата", "Категория", "Минуты"],
      plan: ["Период", "Показатель", "План", "Менеджер"],
      checklist: [
        "ID сделки",
        "Менеджер",
        "Приветствие",
        "Выявил потребность",
        "Презентация",
        "Отработал возражения",
        "Договорился о следующем шаге",
      ],
    },
    listHeaders: {
      stage: "Этапы",
      rep: "Менеджеры",
      source: "Источники",
      category: "Категории",
      yesNo: "Да / нет",
      direction: "Направления",
      metric: "Показатели",
    },
    stages: ["Лид", "Квалификация", "Встреча", "КП", "Оплачено"],
    lost: "Отказ",
    reps: ["Анна", "Борис", "Ольга"],
    sources: ["Сайт", "Рекомендация", "Холодный звонок"],
    categories: ["Звонки", "Встречи", "КП", "Админ. работа", "Прочее"],
    yesNo: ["Да", "Нет"],
    direction: ["исходящий", "входящий"],
    results: ["Назначена встреча", "Не дозвонился", "Перезвонить", "Не интересно"],
    metrics: ["Звонки", "Продажи", "Выручка"],
    clients: ["ООО Ромашка", "Альфа", "Вектор", "Гранит", "Сфера", "Меридиан"],
  },
  uk: {
    tabs: {
      calls: "Дзвінки",
      deals: "Угоди",
      stageLog: "Етапи",
      timeLog: "Облік часу",
      plan: "План",
      checklist: "Чек-лист",
    },
    lists: "Довідники",
    formulas: "Формули",
    headers: {
      calls: ["Дата", "Менеджер", "Тривалість", "Напрямок", "Результат", "ID угоди", "Джерело"],
      deals: [
        "ID угоди",
        "Дата створення",
        "Менеджер",
        "Джерело",
        "Клієнт",
        "Етап",
        "Сума",
        "Собівартість",
        "Цільовий",
      ],
      stageLog: ["ID угоди", "Етап", "Дата", "Менеджер", "Джерело"],
      timeLog: ["Менеджер", "Дата", "Категорія", "Хвилини"],
      plan: ["Період", "Показник", "План", "Менеджер"],
      checklist: [
        "ID угоди",
        "Менеджер",
        "Привітання",
        "Виявив потребу",
        "Презентація",
        "Відпрацював заперечення",
        "Домовився про наступний крок",
      ],
    },
    listHeaders: {
      stage: "Етапи",
      rep: "Менеджери",
      source: "Джерела",
      category: "Категорії",
      yesNo: "Так / ні",
      direction: "Напрямки",
      metric: "Показники",
    },
    stages: ["Лід", "Кваліфікація", "Зустріч", "КП", "Оплачено"],
    lost: "Відмова",
    reps: ["Анна", "Богдан", "Олена"],
    sources: ["Сайт", "Рекомендація", "Холодний дзвінок"],
    categories: ["Дзвінки", "Зустрічі", "КП", "Адмін. робота", "Інше"],
    yesNo: ["Так", "Ні"],
    direction: ["вихідний", "вхідний"],
    results: ["Призначено зустріч", "Не додзвонився", "Передзвонити", "Не цікаво"],
    metrics: ["Дзвінки", "Продажі", "Виторг"],
    clients: ["ТОВ Ромашка", "Альфа", "Вектор", "Граніт", "Сфера", "Меридіан"],
  },
};

/** The words the template uses, e.g. for tests and the settings tab. */
export function templateWords(lang: Lang): Readonly<Words> {
  return WORDS[lang];
}

/** "2026-03-02 10:15": text Sheets reads as a date in any locale, and so does parseDate. */
function stamp(day: number, hour = 0, minute = 0): string {
  const d = isoDate(day * MS_PER_DAY);
  if (hour === 0 && minute === 0) return d;
  return `${d} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Deals of the example: [stages reached (index of last), lost?, amount, cost, day offset]. */
const DEALS: [number, boolean, number, number, number][] = [
  [4, false, 120000, 70000, 34],
  [3, false, 80000, 50000, 27],
  [2, true, 95000, 60000, 25],
  [4, false, 60000, 33000, 20],
  [1, false, 40000, 25000, 12],
  [0, true, 50000, 30000, 6],
];

/**
 * The template for `lang`, with example dates counted back from `todayDay` (whole days since
 * 1970-01-01 in the spreadsheet's time zone), so the first report shows recent periods.
 */
export function templatePlan(lang: Lang, todayDay: number): TemplatePlan {
  const w = WORDS[lang];
  const id = (i: number) => `D-${101 + i}`;
  const rep = (i: number) => w.reps[i % w.reps.length]!;
  const source = (i: number) => w.sources[i % w.sources.length]!;

  const deals: TemplateCell[][] = [];
  const stageLog: TemplateCell[][] = [];
  DEALS.forEach(([reached, lost, amount, cost, back], i) => {
    const start = todayDay - back;
    const current = lost ? w.lost : w.stages[reached]!;
    deals.push([
      id(i),
      stamp(start),
      rep(i),
      source(i),
      w.clients[i]!,
      current,
      amount,
      cost,
      i === 5 ? w.yesNo[1] : w.yesNo[0],
    ]);
    for (let s = 0; s <= reached; s++) {
      stageLog.push([id(i), w.stages[s]!, stamp(start + s * 2, 10 + s, 0), rep(i), source(i)]);
    }
  });

  const calls: TemplateCell[][] = [];
  const durations = ["0:03:15", "0:00:40", "0:07:02", "0:01:30", "0:12:45", "0:00:25", "0:05:10"];
  for (let i = 0; i < 8; i++) {
    const deal = i % DEALS.length;
    calls.push([
      stamp(todayDay - DEALS[deal]![4] + (i > 5 ? 1 : 0), 9 + i, 15),
      rep(deal),
      durations[i % durations.length]!,
      w.direction[i % 3 === 2 ? 1 : 0],
      w.results[i % w.results.length]!,
      id(deal),
      source(deal),
    ]);
  }

  const time: TemplateCell[][] = [];
  for (let i = 0; i < 6; i++) {
    time.push([rep(i), stamp(todayDay - 1 - Math.floor(i / 2)), w.categories[i % 5]!, 30 + 15 * i]);
  }

  const month = isoDate(todayDay * MS_PER_DAY).slice(0, 7);
  const plan: TemplateCell[][] = [
    [month, w.metrics[0]!, 400, ""],
    [month, w.metrics[1]!, 6, ""],
    [month, w.metrics[2]!, 500000, ""],
    [month, w.metrics[1]!, 2, rep(0)],
  ];

  const checklist: TemplateCell[][] = [0, 2, 3].map((d, i) => [
    id(d),
    rep(d),
    w.yesNo[0],
    w.yesNo[i === 1 ? 1 : 0],
    w.yesNo[0],
    w.yesNo[i === 1 ? 1 : 0],
    w.yesNo[i === 2 ? 1 : 0],
  ]);

  const h = w.headers;
  const yesNoCols = h.checklist.slice(2).map((_, i) => ({ col: i + 2, list: "yesNo" as const }));
  return {
    lang,
    stages: [...w.stages],
    formulasName: w.formulas,
    lists: {
      name: w.lists,
      columns: [
        { key: "stage", header: w.listHeaders.stage, values: [...w.stages, w.lost] },
        { key: "rep", header: w.listHeaders.rep, values: [...w.reps] },
        { key: "source", header: w.listHeaders.source, values: [...w.sources] },
        { key: "category", header: w.listHeaders.category, values: [...w.categories] },
        { key: "yesNo", header: w.listHeaders.yesNo, values: [...w.yesNo] },
        { key: "direction", header: w.listHeaders.direction, values: [...w.direction] },
        { key: "metric", header: w.listHeaders.metric, values: [...w.metrics] },
      ],
    },
    tabs: [
      {
        kind: "calls",
        name: w.tabs.calls,
        header: h.calls,
        rows: calls,
        dropdowns: [
          { col: 1, list: "rep" },
          { col: 3, list: "direction" },
          { col: 6, list: "source" },
        ],
      },
      {
        kind: "deals",
        name: w.tabs.deals,
        header: h.deals,
        rows: deals,
        dropdowns: [
          { col: 2, list: "rep" },
          { col: 3, list: "source" },
          { col: 5, list: "stage" },
          { col: 8, list: "yesNo" },
        ],
      },
      {
        kind: "stageLog",
        name: w.tabs.stageLog,
        header: h.stageLog,
        rows: stageLog,
        dropdowns: [
          { col: 1, list: "stage" },
          { col: 3, list: "rep" },
          { col: 4, list: "source" },
        ],
      },
      {
        kind: "timeLog",
        name: w.tabs.timeLog,
        header: h.timeLog,
        rows: time,
        dropdowns: [
          { col: 0, list: "rep" },
          { col: 2, list: "category" },
        ],
      },
      {
        kind: "plan",
        name: w.tabs.plan,
        header: h.plan,
        rows: plan,
        dropdowns: [
          { col: 1, list: "metric" },
          { col: 3, list: "rep" },
        ],
      },
      {
        kind: "checklist",
        name: w.tabs.checklist,
        header: h.checklist,
        rows: checklist,
        dropdowns: [{ col: 1, list: "rep" }, ...yesNoCols],
      },
    ],
  };
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
