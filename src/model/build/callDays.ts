/**
 * Calls summary tabs (SPEC §3: a rep's day from a telephony dashboard) → the model's call days.
 * Counts are whole non-negative numbers; talk time comes as seconds, minutes or a duration
 * (`h:mm:ss`, a Sheets duration, words); a plain number under "Talk time" is seconds.
 */
import { MS_PER_DAY } from "../../core/calendar";
import { cellText, isBlank, parseDurationSeconds, parseNumber } from "../../core/values";
import type { CallDay } from "../types";
import { personName } from "./deals";
import { col, dateOf, type Issues, type Layout, rowBlank } from "./layout";

function count(v: unknown): number | null {
  const n = parseNumber(v);
  return n !== null && n >= 0 && Number.isInteger(n) ? n : null;
}

export function readCallDays(l: Layout, tz: string, out: CallDay[], issues: Issues): void {
  const values = l.tab.values;
  const cDate = col(l, "date");
  const cRep = col(l, "rep");
  const cCalls = col(l, "calls");
  const cLong = col(l, "longCalls");
  const cSec = col(l, "talkSeconds");
  const cMin = col(l, "talkMinutes");
  const cTime = col(l, "talkTime");
  const cSrc = col(l, "source");
  const opts = { timeZone: tz };
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const dv = row[cDate];
    const at = dateOf(dv, opts);
    if (at === null) {
      issues.add(l, r, cDate, isBlank(dv) ? "missingRequired" : "badDate", dv);
      continue;
    }
    const rep = personName(row[cRep]);
    if (rep === "") {
      issues.add(l, r, cRep, "missingRequired", row[cRep]);
      continue;
    }
    const calls = issues.required(l, r, cCalls, row[cCalls], count(row[cCalls]), "badNumber");
    if (calls === null) continue;
    let longCalls = 0;
    if (cLong >= 0 && !isBlank(row[cLong])) {
      const n = count(row[cLong]);
      if (n === null || n > calls) issues.add(l, r, cLong, "badNumber", row[cLong]);
      else longCalls = n;
    }
    out.push({
      date: Math.floor(at / MS_PER_DAY) * MS_PER_DAY,
      rep,
      source: cSrc >= 0 ? cellText(row[cSrc]) : "",
      calls,
      longCalls,
      talkSeconds: talkSeconds(l, r, row, { cSec, cMin, cTime }, tz, issues),
    });
  }
}

/** Seconds on the line from whichever talk column the tab has; null when none or unreadable. */
function talkSeconds(
  l: Layout,
  r: number,
  row: unknown[],
  c: { cSec: number; cMin: number; cTime: number },
  tz: string,
  issues: Issues,
): number | null {
  const at = c.cSec >= 0 ? c.cSec : c.cMin >= 0 ? c.cMin : c.cTime;
  if (at < 0) return null;
  const v = row[at];
  if (isBlank(v)) return null;
  // Minutes to whole seconds (12.3 min is 738 s, not 738.0000000000001).
  const n = at === c.cTime ? parseDurationSeconds(v, tz) : parseNumber(v);
  const s = n !== null && at === c.cMin ? Math.round(n * 60) : n;
  if (s === null || !Number.isFinite(s)) {
    issues.add(l, r, at, "badDuration", v);
    return null;
  }
  if (s < 0) {
    issues.add(l, r, at, "negativeDuration", v);
    return null;
  }
  return s;
}
