/** The generator's vocabulary in each language: tab names, headers, stages, people, sources. */
import type { PlanMetric } from "../core/metrics/planMetric";
import type { TabKind } from "../model/types";

export type GenLang = "ru" | "en";

/** The kinds this generator makes (the team tab is added by src/generate/team.ts). */
export type GenKind = Exclude<TabKind, "team" | "callsSummary" | "aggregates">;

/** The Time log's categories, in the order a day's rows are written. */
export const TIME_CATEGORIES = [
  "calls",
  "meetings",
  "proposals",
  "crm",
  "training",
  "misc",
] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

/** The plan's metrics, in the order a month's rows are written. */
export const GEN_PLAN_METRICS = ["calls", "meetings", "sales", "revenue"] as const;
export type GenPlanMetric = (typeof GEN_PLAN_METRICS)[number] & PlanMetric;

export interface Words {
  tabs: Record<GenKind, string>;
  stages: string[];
  won: string;
  lost: string;
  reps: string[];
  sources: string[];
  clients: string[];
  results: [string, string, string];
  direction: [string, string];
  categories: Record<TimeCategory, string>;
  metrics: Record<GenPlanMetric, string>;
  criteria: string[];
  yes: unknown;
  no: unknown;
  headers: {
    calls: [string, string][];
    deals: [string, string][];
    stageLog: [string, string][];
    timeLog: [string, string][];
    plan: [string, string][];
    checklist: [string, string][];
  };
}

/** One text (or value) in each of the generator's languages. */
type InGenLangs<T = string> = Record<GenLang, T>;
const t = <T = string>(en: T, ru: T): InGenLangs<T> => ({ en, ru });

const TABS: Record<GenKind, InGenLangs> = {
  calls: t("Calls", "Звонки"),
  deals: t("Deals", "Сделки"),
  stageLog: t("Stage log", "История этапов"),
  timeLog: t("Time log", "Хронометраж"),
  plan: t("Plan", "План"),
  checklist: t("Call checklist", "Чек-лист звонков"),
};

const dealId = t("Deal ID", "ID сделки");
/** Column headers by the field they hold (the keys are the mapping's field keys). */
const HEADER = {
  id: dealId,
  dealId,
  date: t("Date", "Дата"),
  rep: t("Rep", "Менеджер"),
  duration: t("Duration", "Длительность"),
  direction: t("Direction", "Направление"),
  result: t("Result", "Результат"),
  source: t("Source", "Источник"),
  created: t("Lead date", "Дата лида"),
  client: t("Client", "Клиент"),
  stage: t("Stage", "Этап"),
  amount: t("Amount", "Сумма"),
  cost: t("Cost", "Себестоимость"),
  targeted: t("Targeted", "Целевой"),
  category: t("Category", "Категория"),
  minutes: t("Minutes", "Минуты"),
  period: t("Period", "Период"),
  metric: t("Metric", "Показатель"),
  target: t("Target", "План"),
  total: t("Total", "Итого"),
};
type HeaderKey = keyof typeof HEADER;

/** Each tab's columns; the Deals tab adds a date per stage after the first, the checklist a column per criterion. */
const COLUMNS: Record<GenKind, HeaderKey[]> = {
  calls: ["date", "rep", "duration", "direction", "result", "dealId", "source"],
  deals: ["id", "created", "rep", "source", "client", "stage", "amount", "cost", "targeted"],
  stageLog: ["id", "stage", "date", "rep", "source", "amount"],
  timeLog: ["date", "rep", "category", "minutes"],
  plan: ["period", "metric", "target", "rep"],
  checklist: ["id", "rep", "date"],
};

const STAGES = t(["Lead", "Meeting", "Proposal", "Payment"], ["Лид", "Встреча", "КП", "Оплата"]);
/** The Deals tab's date column of each stage after the first. */
const STAGE_DATES = t(
  ["Meeting date", "Proposal date", "Payment date"],
  ["Дата встречи", "Дата КП", "Дата оплаты"],
);
const CRITERIA = t(
  ["Greeting", "Needs identified", "Presentation", "Objections handled", "Next step agreed"],
  [
    "Приветствие",
    "Выявление потребности",
    "Презентация",
    "Работа с возражениями",
    "Договоренность о следующем шаге",
  ],
);

const REPS = t(
  [
    "Anna Petrova",
    "Boris Ivanov",
    "Chen Li",
    "Daria Koval",
    "Emil Novak",
    "Fatima Aziz",
    "George Hill",
    "Hanna Berg",
  ],
  [
    "Анна Петрова",
    "Борис Иванов",
    "Виктория Ким",
    "Григорий Орлов",
    "Дарья Коваль",
    "Евгений Соколов",
    "Жанна Лебедева",
    "Захар Морозов",
  ],
);
const SOURCES = t(
  ["Referral", "Website", "Ads", "Cold base"],
  ["Рекомендации", "Сайт", "Реклама", "Холодная база"],
);
const CLIENTS = t(
  ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay"],
  ["Ромашка", "Вектор", "Горизонт", "Северсталь-Сервис", "Альфа", "Стройка", "Меридиан", "Лотос"],
);

const CATEGORIES: Record<TimeCategory, InGenLangs> = {
  calls: t("Calls", "Звонки"),
  meetings: t("Meetings", "Встречи"),
  proposals: t("Proposals", "КП"),
  crm: t("CRM", "CRM"),
  training: t("Training", "Обучение"),
  misc: t("Misc", "Прочее"),
};
const METRICS: Record<GenPlanMetric, InGenLangs> = {
  calls: t("Calls", "Звонки"),
  meetings: t("Meetings", "Встречи"),
  sales: t("Sales", "Продажи"),
  revenue: t("Revenue", "Выручка"),
};

const OTHER = {
  won: t("Won", "Успешно реализовано"),
  lost: t("Lost", "Отказ"),
  noAnswer: t("no answer", "Недозвон"),
  talked: t("talked", "Разговор"),
  meetingSet: t("meeting set", "Назначена встреча"),
  outbound: t("out", "Исходящий"),
  inbound: t("in", "Входящий"),
};
/** The Targeted and checklist marks: English sheets hold booleans, Russian ones words. */
const YES = t<unknown>(true, "да");
const NO = t<unknown>(false, "нет");

function mapValues<K extends string, A, B>(table: Record<K, A>, f: (a: A) => B): Record<K, B> {
  const out = {} as Record<K, B>;
  for (const k of Object.keys(table) as K[]) out[k] = f(table[k]);
  return out;
}

export function wordsFor(lang: GenLang): Words {
  const ln = lang === "en" ? "en" : "ru";
  const list = (xs: InGenLangs<string[]>) => [...xs[ln]];
  const each = <K extends string>(table: Record<K, InGenLangs>) => mapValues(table, (x) => x[ln]);
  const o = each(OTHER);
  const criteria = list(CRITERIA);
  const header = (key: HeaderKey): [string, string] => [key, HEADER[key][ln]];
  const headers = mapValues(COLUMNS, (keys) => keys.map(header));
  headers.deals.push(...list(STAGE_DATES).map((h, i): [string, string] => [`@${i + 1}`, h]));
  headers.checklist.push(
    ...criteria.map((c, i): [string, string] => [`#${i}`, c]),
    header("total"),
  );
  return {
    tabs: each(TABS),
    stages: list(STAGES),
    won: o.won,
    lost: o.lost,
    reps: list(REPS),
    sources: list(SOURCES),
    clients: list(CLIENTS),
    results: [o.noAnswer, o.talked, o.meetingSet],
    direction: [o.outbound, o.inbound],
    categories: each(CATEGORIES),
    metrics: each(METRICS),
    criteria,
    yes: YES[ln],
    no: NO[ln],
    headers,
  };
}
