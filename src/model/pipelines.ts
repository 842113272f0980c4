/**
 * What CRMs put in their exports (SPEC §3): their default pipelines (for ordering a current-stage
 * column that carries no order of its own), their won/lost/open vocabularies, and the columns
 * that look like stage dates but are system, forecast, marketing or counter columns.
 */
import { headerKey, statusOf } from "./headers";

/** Default pipelines, top to bottom (won and lost values are outcomes and come last). */
export const KNOWN_PIPELINES: { crm: string; stages: string[] }[] = [
  {
    crm: "Salesforce",
    stages: [
      "Prospecting",
      "Qualification",
      "Needs Analysis",
      "Value Proposition",
      "Id. Decision Makers",
      "Perception Analysis",
      "Proposal/Price Quote",
      "Negotiation/Review",
      "Closed Won",
    ],
  },
  {
    crm: "Zoho",
    stages: [
      "Prospect",
      "Qualification",
      "Needs Analysis",
      "Value Proposition",
      "Identify Decision Makers",
      "Id. Decision Makers",
      "Perception Analysis",
      "Initial Offer",
      "Proposal/Price Quote",
      "Negotiation/Review",
      "Closed Won",
    ],
  },
  {
    crm: "Zoho (leads)",
    stages: [
      "Not Contacted",
      "Attempted to Contact",
      "Contact in Future",
      "Contacted",
      "Pre-Qualified",
      "Converted",
    ],
  },
  {
    crm: "HubSpot",
    stages: [
      "Appointment scheduled",
      "Qualified to buy",
      "Presentation scheduled",
      "Decision maker bought-in",
      "Contract sent",
      "Closed won",
    ],
  },
  {
    crm: "Pipedrive",
    stages: [
      "Lead In",
      "Qualified",
      "Contact Made",
      "Needs Defined",
      "Demo Scheduled",
      "Proposal Made",
      "Negotiations Started",
      "Won",
    ],
  },
  {
    crm: "amoCRM",
    stages: [
      "Неразобранное",
      "Новая заявка",
      "Первичный контакт",
      "Переговоры",
      "Принимают решение",
      "Согласование договора",
      "Успешно реализовано",
    ],
  },
  {
    crm: "Kommo",
    stages: [
      "Incoming leads",
      "Initial contact",
      "Discussions",
      "Decision making",
      "Contract discussion",
      "Closed - won",
    ],
  },
  {
    crm: "Bitrix24",
    stages: [
      "Новая",
      "Подготовка документов",
      "Счёт на предоплату",
      "В работе",
      "Финальный счёт",
      "Сделка успешна",
    ],
  },
];

/** Bitrix24 stage codes (STAGE_ID, without the "C6:" pipeline prefix) → their default names. */
const BITRIX_CODES: Record<string, string> = {
  NEW: "Новая",
  PREPARATION: "Подготовка документов",
  PREPAYMENT_INVOICE: "Счёт на предоплату",
  EXECUTING: "В работе",
  FINAL_INVOICE: "Финальный счёт",
  WON: "Сделка успешна",
  LOSE: "Сделка провалена",
  APOLOGY: "Анализ причины провала",
};

const LATIN_LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  h: "н",
  b: "в",
};

/**
 * Comparable key of a stage value: headerKey, Bitrix codes as their names, and Latin letters
 * that look Cyrillic read as Cyrillic in a Cyrillic word ("Cчёт" with a Latin C = "Счёт").
 */
export function stageKey(v: unknown): string {
  let s = typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v);
  s = bitrixStageName(s) ?? s;
  let k = headerKey(s);
  if (/[\u0400-\u04ff]/.test(k) && /[a-z]/.test(k))
    k = k.replace(/[a-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch);
  return k;
}

/** The name a Bitrix24 stage code stands for ("C6:PREPARATION" → "Подготовка документов"). */
export function bitrixStageName(v: string): string | null {
  const code = /^(?:C\d+:)?([A-Z_]+)$/.exec(v.trim())?.[1];
  return code === undefined ? null : (BITRIX_CODES[code] ?? null);
}

const PIPELINE_INDEX: { crm: string; index: Map<string, number>; size: number }[] =
  KNOWN_PIPELINES.map((p) => ({
    crm: p.crm,
    index: new Map(p.stages.map((s, i) => [stageKey(s), i])),
    size: p.stages.length,
  }));

/**
 * The known pipeline most of these stage values belong to (at least two of them), with each
 * value's position as a fraction 0..1 of that pipeline; null when none fits.
 */
export function knownPipelineOf(
  values: string[],
): { crm: string; position: (v: string) => number | null } | null {
  let best: (typeof PIPELINE_INDEX)[number] | null = null;
  let bestHits = 1;
  for (const p of PIPELINE_INDEX) {
    let hits = 0;
    for (const v of values) if (p.index.has(stageKey(v))) hits++;
    if (hits > bestHits) {
      best = p;
      bestHits = hits;
    }
  }
  if (!best) return null;
  const b = best;
  return {
    crm: b.crm,
    position: (v) => {
      const i = b.index.get(stageKey(v));
      return i === undefined ? null : i / Math.max(1, b.size - 1);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Outcomes

const OPEN_KEYS = new Set(
  `open opened active inprogress pending незакрыта открыта открыт активна активный незакрито
  відкрита`
    .trim()
    .split(/\s+/),
);

/** "won" / "lost" (statusOf) or "open" for outcome words, else null. */
export function outcomeOf(v: unknown): "won" | "lost" | "open" | null {
  const st = statusOf(v);
  if (st !== null) return st;
  return OPEN_KEYS.has(headerKey(v)) ? "open" : null;
}

/** Text that says "not closed yet" in a close-date column: a blank, not a date to reject. */
export function isNotYetWord(v: unknown): boolean {
  const k = headerKey(v);
  return (
    k !== "" && /^(?:не|not|no|ні)(?:закрыт|закрит|closed|close|yet)|^open$|^нет$|^ні$/.test(k)
  );
}

// ---------------------------------------------------------------------------------------------
// Columns that are never stages

/**
 * Headers of system, forecast, marketing and counter columns (compared as headerKey, by
 * substring): they look like stage dates or checkboxes in the data but are not events of a deal.
 */
const NEVER_STAGE = [
  // system
  "modif",
  "modstamp",
  "updated",
  "edited",
  "isdeleted",
  "deleted",
  "private",
  "fiscal",
  "validthrough",
  "forinsert",
  "createdby",
  "excluded",
  "lastactivity",
  "lastcontact",
  "laststage",
  "nextactivity",
  "nextstep",
  "latest",
  "ownerassign",
  "assigned",
  "timestamp",
  "редакт",
  "изменен",
  "обновлен",
  "змін",
  "оновлен",
  // forecast and plan
  "expected",
  "forecast",
  "planned",
  "projected",
  "estimated",
  "предполагаем",
  "планир",
  "прогноз",
  "ожидаем",
  "очікуван",
  "передбачуван",
  "запланован",
  // start/begin of a deal is not a stage entry
  "begin",
  "начал",
  "початок",
  // outcome flags and times (status columns decide those)
  "isclosed",
  "iswon",
  "dealclosed",
  "wontime",
  "losttime",
  "lost",
  "сделказакрыта",
  "угодазакрита",
  // marketing flags and consents
  "donot",
  "optout",
  "unsubscrib",
  "agree",
  "receive",
  "updatesabout",
  "getupdates",
  "updateme",
  "freecopy",
  "newsletter",
  "magazine",
  "newspaper",
  "search",
  "advertis",
  "forum",
  "recommendation",
  "involved",
  // counters and derived
  "number",
  "count",
  "times",
  "agein",
  "probability",
  "hasopportunity",
  "has",
];

/** A header that is never a stage column (see NEVER_STAGE), and why, or null. */
export function neverStageReason(header: string): string | null {
  const k = headerKey(header);
  for (const w of NEVER_STAGE) {
    if (w === "has" ? k.startsWith("has") : k.includes(w)) return w;
  }
  return null;
}
