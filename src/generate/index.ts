/**
 * Example data: seeded, realistic raw tabs of all six kinds (SPEC §3, issue 3), in Russian or
 * English headers, as Sheets' getValues() gives them (numbers, strings, booleans, `Date`s, "").
 *
 * A team of reps over months: 80–100 calls a day per rep at scale 1, about 15% of calls end in a
 * meeting, one meeting in three is paid, sources of different quality, spread-out stage times, and
 * one planted drop: in `dropMonth` the step into `dropStage` converts at half its usual rate.
 * Dates are UTC wall-clock (build the model with timeZone "UTC"). No Math.random: mulberry32.
 */
import type { WorkbookMapping } from "../model/mapping";
import type { RawTab, TabKind } from "../model/types";

export type GenLang = "ru" | "en";

/** The kinds this generator makes (the team tab comes from src/generate/roles.ts). */
type GenKind = Exclude<TabKind, "team">;

export interface GenerateOptions {
  seed: number;
  lang: GenLang;
  /** Sales reps (default 4). */
  reps?: number;
  /** Whole months of activity (default 4). */
  months?: number;
  /** Calls per rep and day as a share of 80–100 (default 1; 0.1 gives 8–10). */
  scale?: number;
  /** First month, "2026-01" or "2026-01-01" (default 2026-01). */
  start?: string;
  /**
   * 0-based month index (or "yyyy-mm") of the planted drop; -1: none. Default: the month before
   * the last, the latest whose deals are old enough for the Changes sheet's cohorts to judge.
   */
  dropMonth?: number | string;
  /** Stage index (1..3) whose step conversion drops; default 2 (meeting → proposal). */
  dropStage?: number;
}

export interface GeneratedWorkbook {
  tabs: RawTab[];
  /** The mapping the tabs were made with (what detection should find). */
  mapping: WorkbookMapping;
  expected: {
    stages: string[];
    reps: string[];
    sources: string[];
    /** "yyyy-mm" of the drop, and the stage entered at half the usual rate (null: no drop). */
    dropMonth: string | null;
    dropStage: string | null;
    kinds: Record<GenKind, string>;
    rows: Record<GenKind, number>;
    deals: number;
    won: number;
    lost: number;
    calls: number;
  };
}

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

interface Words {
  tabs: Record<GenKind, string>;
  stages: string[];
  won: string;
  lost: string;
  reps: string[];
  sources: string[];
  clients: string[];
  results: [string, string, string];
  direction: [string, string];
  categories: string[];
  metrics: string[];
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

const WORDS: Record<GenLang, Words> = {
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
    categories: ["Calls", "Meetings", "Proposals", "CRM", "Training", "Misc"],
    metrics: ["Calls", "Meetings", "Sales", "Revenue"],
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
    categories: ["Звонки", "Встречи", "КП", "CRM", "Обучение", "Прочее"],
    metrics: ["Звонки", "Встречи", "Продажи", "Выручка"],
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

/** Source quality: share of targeted leads and the lead → meeting multiplier. */
const SOURCE_QUALITY = [
  { weight: 0.15, targeted: 0.9, meeting: 1.5 },
  { weight: 0.35, targeted: 0.75, meeting: 1.1 },
  { weight: 0.3, targeted: 0.6, meeting: 0.9 },
  { weight: 0.2, targeted: 0.45, meeting: 0.55 },
];
/** Step rates: lead → meeting (before source and targeting), meeting → proposal, proposal → paid. */
const STEP = [0, 0.62, 0.6, 0.6];
/** Mean days spent before entering each stage. */
const STAGE_DAYS = [0, 3, 4, 8];
/** Share of calls that are the first call to a new lead. */
const NEW_LEAD_SHARE = 0.5;

interface GenDeal {
  id: string;
  rep: number;
  source: number;
  client: string;
  created: number;
  dates: number[];
  status: "won" | "lost" | "open";
  closed: number | null;
  amount: number;
  cost: number;
  targeted: boolean;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

function monthStart(start: string | undefined): { y: number; m: number } {
  const m = /^(\d{4})-(\d{2})/.exec(start ?? "");
  return m ? { y: +m[1], m: +m[2] - 1 } : { y: 2026, m: 0 };
}

function mapping(w: Words): WorkbookMapping {
  const tabs: WorkbookMapping["tabs"] = [];
  for (const kind of Object.keys(w.headers) as GenKind[]) {
    const columns: Record<string, number> = {};
    const headers: Record<string, { column: number; text: string }> = {};
    const stageColumns: { stage: string; column: number }[] = [];
    const criteria: { name: string; column: number }[] = [];
    w.headers[kind].forEach(([key, header], i) => {
      if (key.startsWith("@")) stageColumns.push({ stage: w.stages[+key.slice(1)], column: i });
      else if (key.startsWith("#")) criteria.push({ name: header, column: i });
      else {
        columns[key] = i;
        headers[key] = { column: i, text: header };
      }
    });
    const t: WorkbookMapping["tabs"][number] = {
      name: w.tabs[kind],
      kind,
      headerRow: 0,
      columns,
      headers,
    };
    if (stageColumns.length) {
      t.stageColumns = stageColumns;
      t.entryStage = w.stages[0];
    }
    if (criteria.length) t.criteria = criteria;
    tabs.push(t);
  }
  return { version: 1, stages: [...w.stages], tabs };
}

/** A seeded workbook of all six kinds. */
export function generateWorkbook(opts: GenerateOptions): GeneratedWorkbook {
  const w = WORDS[opts.lang === "en" ? "en" : "ru"];
  const r = rng(opts.seed);
  const nReps = Math.max(1, Math.min(w.reps.length, Math.floor(opts.reps ?? 4)));
  const months = Math.max(1, Math.floor(opts.months ?? 4));
  const scale = Math.max(0.001, opts.scale ?? 1);
  const { y, m: m0 } = monthStart(opts.start);
  const reps = w.reps.slice(0, nReps);
  const monthStarts: number[] = [];
  for (let i = 0; i <= months; i++) monthStarts.push(Date.UTC(y, m0 + i, 1));
  const end = monthStarts[months];
  let dropIdx = typeof opts.dropMonth === "number" ? opts.dropMonth : Math.max(0, months - 2);
  if (typeof opts.dropMonth === "string") {
    const dm = monthStart(opts.dropMonth);
    dropIdx = (dm.y - y) * 12 + (dm.m - m0);
  }
  const dropStage = Math.max(1, Math.min(3, Math.floor(opts.dropStage ?? 2)));
  const hasDrop = dropIdx >= 0 && dropIdx < months;
  const dropFrom = hasDrop ? monthStarts[dropIdx] : 0;
  const dropTo = hasDrop ? monthStarts[dropIdx + 1] : 0;
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const pickSource = (): number => {
    let x = r();
    for (let i = 0; i < SOURCE_QUALITY.length; i++) {
      x -= SOURCE_QUALITY[i].weight;
      if (x < 0) return i;
    }
    return SOURCE_QUALITY.length - 1;
  };
  const expDays = (mean: number): number => -Math.log(1 - r()) * mean;
  const revenueScale = opts.lang === "en" ? 1 : 40;

  const deals: GenDeal[] = [];
  const openByRep: number[][] = reps.map(() => []);
  const callRows: unknown[][] = [];
  const timeRows: unknown[][] = [];
  for (let day = Date.UTC(y, m0, 1); day < end; day += DAY) {
    const wd = new Date(day).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const monthIdx = monthStarts.findIndex((s, i) => day >= s && day < monthStarts[i + 1]);
    for (let rep = 0; rep < nReps; rep++) {
      const n = Math.max(1, Math.round((80 + r() * 20) * scale));
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(day + Math.floor((9 * 60 + r() * 9 * 60) * 60_000));
      times.sort((a, b) => a - b);
      let talkSec = 0;
      for (const at of times) {
        const answered = r() < 0.65;
        const dur = answered ? Math.round(15 + expDays(1) * 150) : 0;
        talkSec += dur;
        const open = openByRep[rep];
        let deal: GenDeal | null = null;
        let result = answered ? w.results[1] : w.results[0];
        if (answered && (r() < NEW_LEAD_SHARE || open.length === 0)) {
          const source = pickSource();
          const q = SOURCE_QUALITY[source];
          const targeted = r() < q.targeted;
          const id = `${opts.lang === "en" ? "D" : "С"}-${pad(deals.length + 1, 6)}`;
          const amount = Math.round((300 + r() * r() * 4700) * revenueScale) * 10;
          deal = {
            id,
            rep,
            source,
            client: `${pick(w.clients)} ${deals.length % 97}`,
            created: at,
            dates: [at],
            status: "open",
            closed: null,
            amount,
            cost: Math.round(amount * (0.5 + r() * 0.25)),
            targeted,
          };
          // Walk the funnel.
          let t = at;
          for (let k = 1; k < 4; k++) {
            let p = STEP[k];
            if (k === 1) p *= q.meeting * (targeted ? 1 : 0.15);
            t += Math.max(0.05, expDays(STAGE_DAYS[k])) * DAY;
            if (hasDrop && k === dropStage && at >= dropFrom && at < dropTo) p *= 0.5;
            if (t >= end || r() >= Math.min(0.95, p)) break;
            deal.dates.push(Math.round(t / 60_000) * 60_000);
          }
          const reached = deal.dates.length - 1;
          if (reached === 3) {
            deal.status = "won";
            deal.closed = deal.dates[3];
          } else {
            const lostAt = deal.dates[reached] + Math.max(1, expDays(6)) * DAY;
            if (lostAt < end && r() < 0.8) {
              deal.status = "lost";
              deal.closed = Math.round(lostAt / 60_000) * 60_000;
            }
          }
          if (reached >= 1) result = w.results[2];
          deals.push(deal);
          if (deal.status === "open") open.push(deals.length - 1);
        } else if (open.length) {
          deal = deals[open[Math.floor(r() * open.length)]];
        }
        const inbound = r() < 0.12;
        callRows.push([
          new Date(at),
          reps[rep],
          opts.lang === "en" ? dur : `${Math.floor(dur / 60)}:${pad(dur % 60, 2)}`,
          w.direction[inbound ? 1 : 0],
          result,
          deal ? deal.id : "",
          deal ? w.sources[deal.source] : "",
        ]);
      }
      // Time log: the day's minutes per category; "misc" grows month by month.
      const callMin = Math.round(talkSec / 60 + n * 1.5);
      const misc = Math.round(20 + monthIdx * 12 + r() * 20);
      const split = [
        callMin,
        Math.round(60 + r() * 90),
        Math.round(20 + r() * 60),
        Math.round(30 + r() * 30),
        r() < 0.2 ? 60 : 0,
        misc,
      ];
      split.forEach((min, i) => {
        if (min > 0) timeRows.push([new Date(day), reps[rep], w.categories[i], min]);
      });
    }
    // Stale open deals get dropped from the follow-up pool.
    if (new Date(day).getUTCDate() === 1)
      for (const open of openByRep) if (open.length > 200) open.splice(0, open.length - 200);
  }

  // Deals tab.
  const dealRows: unknown[][] = [w.headers.deals.map((h) => h[1])];
  const logRows: unknown[][] = [];
  const checkRows: unknown[][] = [w.headers.checklist.map((h) => h[1])];
  let won = 0;
  let lost = 0;
  for (const d of deals) {
    const reached = d.dates.length - 1;
    const stageCell = d.status === "won" ? w.won : d.status === "lost" ? w.lost : w.stages[reached];
    const row: unknown[] = [
      d.id,
      new Date(d.created),
      reps[d.rep],
      w.sources[d.source],
      d.client,
      stageCell,
      reached >= 2 ? d.amount : "",
      reached >= 2 ? d.cost : "",
      d.targeted ? w.yes : w.no,
    ];
    for (let k = 1; k < 4; k++) row.push(k <= reached ? new Date(d.dates[k]) : "");
    dealRows.push(row);
    if (d.status === "won") won++;
    if (d.status === "lost") lost++;
    for (let k = 0; k <= reached; k++) {
      logRows.push([
        d.id,
        w.stages[k],
        new Date(d.dates[k]),
        reps[d.rep],
        w.sources[d.source],
        k === 3 ? d.amount : "",
      ]);
    }
    if (d.status === "lost" && d.closed !== null)
      logRows.push([d.id, w.lost, new Date(d.closed), reps[d.rep], w.sources[d.source], ""]);
    // A graded call for deals that got to a meeting; better scores for the ones that paid.
    if (reached >= 1 && r() < 0.3) {
      const pWell = d.status === "won" ? 0.85 : 0.55;
      const marks = w.criteria.map(() => r() < pWell);
      checkRows.push([
        d.id,
        reps[d.rep],
        new Date(Math.floor(d.dates[1] / DAY) * DAY),
        ...marks.map((x) => (x ? w.yes : w.no)),
        marks.filter(Boolean).length,
      ]);
    }
  }
  logRows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  logRows.unshift(w.headers.stageLog.map((h) => h[1]));
  callRows.unshift(w.headers.calls.map((h) => h[1]));
  timeRows.unshift(w.headers.timeLog.map((h) => h[1]));

  // Plan: per month and rep.
  const planRows: unknown[][] = [w.headers.plan.map((h) => h[1])];
  for (let i = 0; i < months; i++) {
    const ms = new Date(monthStarts[i]);
    const period = `${ms.getUTCFullYear()}-${pad(ms.getUTCMonth() + 1, 2)}`;
    let workdays = 0;
    for (let d = monthStarts[i]; d < monthStarts[i + 1]; d += DAY) {
      const wd = new Date(d).getUTCDay();
      if (wd !== 0 && wd !== 6) workdays++;
    }
    const calls = Math.round(90 * scale) * workdays;
    // Targets at the team's expected pace, so fact lands near 100% of plan: about 4.5% of calls
    // end in a sale, and a deal's amount averages (300 + 4700 / 4) × 10 × revenueScale.
    // The first month starts with an empty pipeline: fewer sales close in it.
    const ramp = i === 0 ? 0.6 : 1;
    const targets = [calls, Math.round(calls * 0.15), Math.round(calls * 0.045 * ramp)];
    targets.push(targets[2] * 1500 * 10 * revenueScale);
    for (const rep of reps)
      targets.forEach((t, k) => {
        planRows.push([period, w.metrics[k], t, rep]);
      });
  }

  const tabs: RawTab[] = [
    { name: w.tabs.calls, values: callRows },
    { name: w.tabs.deals, values: dealRows },
    { name: w.tabs.stageLog, values: logRows },
    { name: w.tabs.timeLog, values: timeRows },
    { name: w.tabs.plan, values: planRows },
    { name: w.tabs.checklist, values: checkRows },
  ];
  const dm = hasDrop ? new Date(dropFrom) : null;
  return {
    tabs,
    mapping: mapping(w),
    expected: {
      stages: [...w.stages],
      reps,
      sources: [...w.sources],
      dropMonth: dm ? `${dm.getUTCFullYear()}-${pad(dm.getUTCMonth() + 1, 2)}` : null,
      dropStage: hasDrop ? w.stages[dropStage] : null,
      kinds: { ...w.tabs },
      rows: {
        calls: callRows.length - 1,
        deals: dealRows.length - 1,
        stageLog: logRows.length - 1,
        timeLog: timeRows.length - 1,
        plan: planRows.length - 1,
        checklist: checkRows.length - 1,
      },
      deals: deals.length,
      won,
      lost,
      calls: callRows.length - 1,
    },
  };
}

/**
 * A stage-change log of exactly `rows` data rows (plus the header), fast enough for 1M rows:
 * for benchmarks. Stages Lead → Meeting → Proposal → Payment (or the Russian names).
 */
export function generateStageLog(rows: number, seed = 1, lang: GenLang = "en"): RawTab {
  const w = WORDS[lang === "en" ? "en" : "ru"];
  const r = rng(seed);
  const out: unknown[][] = new Array(rows + 1);
  out[0] = w.headers.stageLog.map((h) => h[1]);
  const start = Date.UTC(2025, 0, 1);
  let n = 1;
  let deal = 0;
  while (n <= rows) {
    deal++;
    const id = `D-${pad(deal, 7)}`;
    const rep = w.reps[Math.floor(r() * w.reps.length)];
    const source = w.sources[Math.floor(r() * w.sources.length)];
    let t = start + Math.floor(r() * 365) * DAY + Math.floor((540 + r() * 540) * 60_000);
    for (let k = 0; k < 4 && n <= rows; k++) {
      if (k > 0) {
        if (r() >= STEP[k]) break;
        t += Math.floor(Math.max(0.05, -Math.log(1 - r()) * STAGE_DAYS[k]) * DAY);
      }
      out[n++] = [
        id,
        w.stages[k],
        new Date(t),
        rep,
        source,
        k === 3 ? 1000 + Math.floor(r() * 9000) : "",
      ];
    }
  }
  return { name: w.tabs.stageLog, values: out };
}
