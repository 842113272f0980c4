/**
 * What the data below a header says about a column (a sample of it): dates, yes/no marks,
 * numbers, statuses, repeats; and stage names read from stage-date headers.
 */
import { isBlank, isDate, parseNumber } from "../core/values";
import { yesNo } from "./cellWords";
import { headerKey, STAGE_NOMINATIVE, statusOf } from "./headers";

export interface Profile {
  filled: number;
  dates: number;
  bools: number;
  numbers: number;
  statuses: number;
  distinct: Set<string>;
  dupes: number;
  /** The first won status as written. */
  wonName: string;
}

const SAMPLE_ROWS = 300;
export const DATE_LIKE = /^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})/;

export function profileColumn(values: unknown[][], headerRow: number, col: number): Profile {
  const p: Profile = {
    filled: 0,
    dates: 0,
    bools: 0,
    numbers: 0,
    statuses: 0,
    distinct: new Set(),
    dupes: 0,
    wonName: "",
  };
  const end = Math.min(values.length, headerRow + 1 + SAMPLE_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = values[r]?.[col];
    if (isBlank(v)) continue;
    p.filled++;
    if (isDate(v) || (typeof v === "string" && DATE_LIKE.test(v))) p.dates++;
    else if (typeof v === "boolean" || (typeof v === "string" && yesNo(v) !== null)) p.bools++;
    else if (parseNumber(v) !== null) p.numbers++;
    const st = statusOf(v);
    if (st !== null) p.statuses++;
    if (st === "won" && p.wonName === "") p.wonName = String(v).trim();
    const k = String(v);
    if (p.distinct.has(k)) p.dupes++;
    else p.distinct.add(k);
  }
  return p;
}

const ID_SAMPLE_ROWS = 5000;
const repeatCache = new WeakMap<unknown[][], Map<number, boolean>>();

/** More than 5% of the column's first rows repeat a value seen above them. */
export function idRepeats(values: unknown[][], headerRow: number, col: number): boolean {
  let cache = repeatCache.get(values);
  if (!cache) {
    cache = new Map();
    repeatCache.set(values, cache);
  }
  const key = headerRow * 100_000 + col;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  let filled = 0;
  let dupes = 0;
  const end = Math.min(values.length, headerRow + 1 + ID_SAMPLE_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = values[r]?.[col];
    if (isBlank(v)) continue;
    filled++;
    const k = String(v);
    if (seen.has(k)) dupes++;
    else seen.add(k);
  }
  const out = filled > 0 && dupes > 0.05 * filled;
  cache.set(key, out);
  return out;
}

const DATE_TOKENS = new Set([
  "date",
  "dt",
  "at",
  "on",
  "when",
  "day",
  "дата",
  "дату",
  "время",
  "час",
]);
const ID_TOKENS = new Set(["id", "no", "number", "name", "ид", "номер", "название", "назва", "№"]);

function tokens(header: string, drop: Set<string>): string {
  return header
    .replace(/[_.]+/g, " ")
    .split(/\s+/)
    .filter((t) => t !== "" && !drop.has(t.toLowerCase()))
    .join(" ");
}

/** The stage a stage-date column stands for, named from its header ("Meeting date" → "Meeting"). */
export function stageNameFromHeader(header: string): string {
  let s = tokens(header, DATE_TOKENS);
  if (s === "") s = header.trim();
  const lower = s.toLowerCase().replace(/ё/g, "е");
  if (STAGE_NOMINATIVE[lower]) return STAGE_NOMINATIVE[lower];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The entry stage of a deals table without a created column ("opportunity_id" → "Opportunity"). */
export function entryStageName(idHeader: string | null, ru: boolean): string {
  const base = tokens(idHeader ?? "", ID_TOKENS);
  if (base === "" || /^(?:deal|сделка|сделки|угода|угоди)$/i.test(base))
    return ru ? "Сделка" : "Deal";
  if (/^(?:lead|лид|лида|лід|ліда)$/i.test(base)) return ru ? "Лид" : "Lead";
  const lower = base.toLowerCase();
  if (STAGE_NOMINATIVE[lower]) return STAGE_NOMINATIVE[lower];
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** An id column by its header ("OpportunityId", "LEADID", "№"), not a name or title. */
export function isIdHeader(header: string): boolean {
  const k = headerKey(header);
  return /id$|^id|^№|номер|number$/.test(k) && !/name|title|назв/.test(k);
}

/** Text of a few distinct values, none a number, date, yes/no or code with digits: names. */
export function looksLikeNames(p: Profile): boolean {
  if (p.filled === 0 || p.dates + p.bools + p.numbers > 0) return false;
  if (p.distinct.size < 2 || p.distinct.size > Math.max(50, 0.2 * p.filled)) return false;
  for (const v of p.distinct) if (/\d{2}/.test(v)) return false;
  return true;
}
