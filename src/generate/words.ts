/** The generator's vocabulary in each language: tab names, headers, stages, people, sources. */
import type { PlanMetric } from "../core/metrics/planMetric";
import type { TabKind } from "../model/types";

export type GenLang = "ru" | "en";

/** The kinds this generator makes (the team tab is added by src/generate/team.ts). */
export type GenKind = Exclude<TabKind, "team">;

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

export const WORDS: Record<GenLang, Words> = {
  en: {
    tabs: {
      calls: "Calls",
      deals: "Deals",
      stageLog: "Stage log",
      timeLog: "Time log",
      plan: "Plan",
      checklist: "Call checklist",
    },
    stages: ["Lead", "Meeting", "Proposal", "Payment"],
    won: "Won",
    lost: "Lost",
    reps: [
      "Anna Petrova",
      "Boris Ivanov",
      "Chen Li",
      "Daria Koval",
      "Emil Novak",
      "Fatima Aziz",
      "George Hill",
      "Hanna Berg",
    ],
    sources: ["Referral", "Website", "Ads", "Cold base"],
    clients: ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay"],
    results: ["no answer", "talked", "meeting set"],
    direction: ["out", "in"],
    categories: {
      calls: "Calls",
      meetings: "Meetings",
      proposals: "Proposals",
      crm: "CRM",
      training: "Training",
      misc: "Misc",
    },
    metrics: { calls: "Calls", meetings: "Meetings", sales: "Sales", revenue: "Revenue" },
    criteria: [
      "Greeting",
      "Needs identified",
      "Presentation",
      "Objections handled",
      "Next step agreed",
    ],
    yes: true,
    no: false,
    headers: {
      calls: [
        ["date", "Date"],
        ["rep", "Rep"],
        ["duration", "Duration"],
        ["direction", "Direction"],
        ["result", "Result"],
        ["dealId", "Deal ID"],
        ["source", "Source"],
      ],
      deals: [
        ["id", "Deal ID"],
        ["created", "Lead date"],
        ["rep", "Rep"],
        ["source", "Source"],
        ["client", "Client"],
        ["stage", "Stage"],
        ["amount", "Amount"],
        ["cost", "Cost"],
        ["targeted", "Targeted"],
        ["@1", "Meeting date"],
        ["@2", "Proposal date"],
        ["@3", "Payment date"],
      ],
      stageLog: [
        ["id", "Deal ID"],
        ["stage", "Stage"],
        ["date", "Date"],
        ["rep", "Rep"],
        ["source", "Source"],
        ["amount", "Amount"],
      ],
      timeLog: [
        ["date", "Date"],
        ["rep", "Rep"],
        ["category", "Category"],
        ["minutes", "Minutes"],
      ],
      plan: [
        ["period", "Period"],
        ["metric", "Metric"],
        ["target", "Target"],
        ["rep", "Rep"],
      ],
      checklist: [
        ["id", "Deal ID"],
        ["rep", "Rep"],
        ["date", "Date"],
        ["#0", "Greeting"],
        ["#1", "Needs identified"],
        ["#2", "Presentation"],
        ["#3", "Objections handled"],
        ["#4", "Next step agreed"],
        ["total", "Total"],
      ],
    },
  },
  ru: {
    tabs: {
      calls: "Звонки",
      deals: "Сделки",
      stageLog: "История этапов",
      timeLog: "Хронометраж",
      plan: "План",
      checklist: "Чек-лист звонков",
    },
    stages: ["Лид", "Встреча", "КП", "Оплата"],
    won: "Успешно реализовано",
    lost: "Отказ",
    reps: [
      "Анна Петрова",
      "Борис Иванов",
      "Виктория Ким",
      "Григорий Орлов",
      "Дарья Коваль",
      "Евгений Соколов",
      "Жанна Лебедева",
      "Захар Морозов",
    ],
    sources: ["Рекомендации", "Сайт", "Реклама", "Холодная база"],
    clients: [
      "Ромашка",
      "Вектор",
      "Горизонт",
      "Северсталь-Сервис",
      "Альфа",
      "Стройка",
      "Меридиан",
      "Лотос",
    ],
    results: ["Недозвон", "Разговор", "Назначена встреча"],
    direction: ["Исходящий", "Входящий"],
    categories: {
      calls: "Звонки",
      meetings: "Встречи",
      proposals: "КП",
      crm: "CRM",
      training: "Обучение",
      misc: "Прочее",
    },
    metrics: { calls: "Звонки", meetings: "Встречи", sales: "Продажи", revenue: "Выручка" },
    criteria: [
      "Приветствие",
      "Выявление потребности",
      "Презентация",
      "Работа с возражениями",
      "Договоренность о следующем шаге",
    ],
    yes: "да",
    no: "нет",
    headers: {
      calls: [
        ["date", "Дата"],
        ["rep", "Менеджер"],
        ["duration", "Длительность"],
        ["direction", "Направление"],
        ["result", "Результат"],
        ["dealId", "ID сделки"],
        ["source", "Источник"],
      ],
      deals: [
        ["id", "ID сделки"],
        ["created", "Дата лида"],
        ["rep", "Менеджер"],
        ["source", "Источник"],
        ["client", "Клиент"],
        ["stage", "Этап"],
        ["amount", "Сумма"],
        ["cost", "Себестоимость"],
        ["targeted", "Целевой"],
        ["@1", "Дата встречи"],
        ["@2", "Дата КП"],
        ["@3", "Дата оплаты"],
      ],
      stageLog: [
        ["id", "ID сделки"],
        ["stage", "Этап"],
        ["date", "Дата"],
        ["rep", "Менеджер"],
        ["source", "Источник"],
        ["amount", "Сумма"],
      ],
      timeLog: [
        ["date", "Дата"],
        ["rep", "Менеджер"],
        ["category", "Категория"],
        ["minutes", "Минуты"],
      ],
      plan: [
        ["period", "Период"],
        ["metric", "Показатель"],
        ["target", "План"],
        ["rep", "Менеджер"],
      ],
      checklist: [
        ["id", "ID сделки"],
        ["rep", "Менеджер"],
        ["date", "Дата"],
        ["#0", "Приветствие"],
        ["#1", "Выявление потребности"],
        ["#2", "Презентация"],
        ["#3", "Работа с возражениями"],
        ["#4", "Договоренность о следующем шаге"],
        ["total", "Итого"],
      ],
    },
  },
};

export function wordsFor(lang: GenLang): Words {
  return WORDS[lang === "en" ? "en" : "ru"];
}
