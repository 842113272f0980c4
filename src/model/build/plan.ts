/** Plan tabs: periods in the forms people write them, canonical metric names. */
import { MS_PER_DAY } from "../../core/calendar";
import { planMetricOf } from "../../core/metrics/planMetric";
import { cellText, isDate, parseDate, parseNumber, wallFromFields } from "../../core/values";
import type { PlanEntry } from "../types";
import { col, type Issues, type Layout, rowBlank } from "./layout";

const MONTHS: Record<string, number> = {};
(
  [
    ["jan", "январ", "янв", "січ"],
    ["feb", "феврал", "фев", "лют"],
    ["mar", "март", "мар", "берез"],
    ["apr", "апрел", "апр", "квіт"],
    ["may", "май", "мая", "трав"],
    ["jun", "июн", "черв"],
    ["jul", "июл", "лип"],
    ["aug", "август", "авг", "серп"],
    ["sep", "сентябр", "сен", "верес"],
    ["oct", "октябр", "окт", "жовт"],
    ["nov", "ноябр", "ноя", "листоп"],
    ["dec", "декабр", "дек", "груд"],
  ] as string[][]
).forEach((words, i) => {
  for (const w of words) MONTHS[w] = i + 1;
});

function monthOfWord(w: string): number | null {
  const k = w.toLowerCase().replace(/ё/g, "е");
  let best: number | null = null;
  let len = 0;
  for (const [p, m] of Object.entries(MONTHS)) {
    if (k.startsWith(p) && p.length > len) {
      best = m;
      len = p.length;
    }
  }
  return best;
}

function monthRange(y: number, m: number): [number, number] | null {
  const s = wallFromFields(y, m, 1);
  if (s === null) return null;
  return [s, m === 12 ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, m, 1)];
}

function range(r: [number, number] | null): { start: number; end: number } | null {
  return r && { start: r[0], end: r[1] };
}

/** A plan period: a month, ISO week, quarter, year, a date range, or a date (its month). */
export function parsePeriod(v: unknown, tz: string): { start: number; end: number } | null {
  if (isDate(v)) {
    const d = parseDate(v, { timeZone: tz });
    if (d === null) return null;
    const x = new Date(d);
    const r = monthRange(x.getUTCFullYear(), x.getUTCMonth() + 1);
    return r && { start: r[0], end: r[1] };
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2200)
    return { start: Date.UTC(v, 0, 1), end: Date.UTC(v + 1, 0, 1) };
  if (typeof v !== "string") return null;
  const s = v.trim();
  // A regex group that did not take part is NaN here, which every range check below turns down.
  const g = (m: RegExpExecArray, i: number): number => Number(m[i] ?? Number.NaN);
  let m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? null;
  if (m) return range(monthRange(g(m, 1), g(m, 2)));
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return range(monthRange(g(m, 2), g(m, 1)));
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(s);
  if (m) {
    const y = g(m, 1);
    const w = g(m, 2);
    if (w < 1 || w > 53) return null;
    const jan4 = Date.UTC(y, 0, 4) / MS_PER_DAY;
    const monday = jan4 - ((new Date(jan4 * MS_PER_DAY).getUTCDay() + 6) % 7);
    const start = (monday + (w - 1) * 7) * MS_PER_DAY;
    return { start, end: start + 7 * MS_PER_DAY };
  }
  m = /^(\d{4})[- ]?Q([1-4])$/i.exec(s) ?? /^Q([1-4])[- ]?(\d{4})$/i.exec(s);
  if (m) {
    const yearFirst = /^\d{4}$/.test(m[1] ?? "");
    const y = yearFirst ? g(m, 1) : g(m, 2);
    const q = yearFirst ? g(m, 2) : g(m, 1);
    return { start: Date.UTC(y, (q - 1) * 3, 1), end: Date.UTC(y, q * 3, 1) };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { start: Date.UTC(g(m, 1), 0, 1), end: Date.UTC(g(m, 1) + 1, 0, 1) };
  const ends = s.split(/\s*(?:–|—|\.\.|\s-\s|(?<=\d)-(?=\d{1,2}[./]))\s*/);
  if (ends.length === 2) {
    const a = parseDate(ends[0], { timeZone: tz });
    const b = parseDate(ends[1], { timeZone: tz });
    if (a !== null && b !== null && b >= a) return { start: a, end: b + MS_PER_DAY };
  }
  const single = parseDate(s, { timeZone: tz });
  if (single !== null) {
    const x = new Date(single);
    return range(monthRange(x.getUTCFullYear(), x.getUTCMonth() + 1));
  }
  m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(s);
  if (m) {
    const mo = monthOfWord(m[1] ?? "");
    if (mo !== null) return range(monthRange(g(m, 2), mo));
  }
  return null;
}

export function readPlan(l: Layout, tz: string, out: PlanEntry[], issues: Issues): void {
  const values = l.tab.values;
  const cPeriod = col(l, "period");
  const cMetric = col(l, "metric");
  const cTarget = col(l, "target");
  const cRep = col(l, "rep");
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const pv = row[cPeriod];
    const period = issues.required(l, r, cPeriod, pv, parsePeriod(pv, tz), "badDate");
    if (!period) continue;
    const mv = row[cMetric];
    if (issues.missing(l, r, cMetric, mv)) continue;
    const tv = row[cTarget];
    const target = issues.required(l, r, cTarget, tv, parseNumber(tv), "badNumber");
    if (target === null) continue;
    out.push({
      start: period.start,
      end: period.end,
      label: isDate(pv) ? new Date(period.start).toISOString().slice(0, 7) : cellText(pv),
      metric: planMetricOf(mv),
      metricText: cellText(mv),
      target,
      rep: cRep >= 0 ? cellText(row[cRep]) : "",
    });
  }
}
