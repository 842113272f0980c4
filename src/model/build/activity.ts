/** Calls, time log and checklist tabs → the model's activities, time entries and grades. */
import {
  cellText,
  isBlank,
  isDate,
  nameKey,
  parseDate,
  parseDurationSeconds,
  parseNumber,
  withTimeOfDay,
} from "../../core/values";
import { directionOf, yesNo } from "../cellWords";
import type { Call, Grade, TimeEntry } from "../types";
import { personName } from "./deals";
import { col, dateOf, type Issues, type Layout, rowBlank } from "./layout";

export function readCalls(l: Layout, tz: string, out: Call[], issues: Issues): void {
  const values = l.tab.values;
  const cDate = col(l, "date");
  const cRep = col(l, "rep");
  const cDur = col(l, "duration");
  const cDir = col(l, "direction");
  const cRes = col(l, "result");
  const cDeal = col(l, "dealId");
  const cSrc = col(l, "source");
  const cTime = col(l, "time");
  const opts = { timeZone: tz };
  // Durations as numbers below one in a column that has no larger ones are Excel time serials
  // (fractions of a day), as call-centre workbooks keep them.
  const dayFractions = cDur >= 0 && isDayFractionColumn(values, l.m.headerRow, cDur);
  const directions = new Map<unknown, "in" | "out" | null>();
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const dv = row[cDate];
    let at = dateOf(dv, opts);
    if (at === null) {
      if (!rowBlank(row)) issues.add(l, r, cDate, isBlank(dv) ? "missingRequired" : "badDate", dv);
      continue;
    }
    // A date and a time in two columns.
    if (cTime >= 0) at = withTimeOfDay(at, row[cTime], tz);
    let rep = "";
    if (cRep >= 0) {
      const rv = row[cRep];
      rep = typeof rv === "string" && !rv.includes("<") ? rv.trim() : personName(rv);
      if (rep === "") {
        issues.add(l, r, cRep, "missingRequired", rv);
        continue;
      }
    }
    let durationSec: number | null = null;
    if (cDur >= 0) {
      const v = row[cDur];
      if (typeof v === "number" && v >= 0 && Number.isFinite(v))
        durationSec = dayFractions ? Math.round(v * 86_400) : v;
      else if (!isBlank(v)) {
        const s = parseDurationSeconds(v, tz);
        if (s === null) issues.add(l, r, cDur, "badDuration", v);
        else if (s < 0) issues.add(l, r, cDur, "negativeDuration", v);
        else durationSec = s;
      }
    }
    let direction: "in" | "out" | null = null;
    if (cDir >= 0) {
      const v = row[cDir];
      const known = directions.get(v);
      if (known !== undefined) direction = known;
      else {
        direction = directionOf(v);
        if (directions.size < 1000) directions.set(v, direction);
      }
    }
    out.push({
      at,
      rep,
      durationSec,
      direction,
      result: cRes >= 0 ? cellText(row[cRes]) : "",
      dealId: cDeal >= 0 ? cellText(row[cDeal]) : "",
      source: cSrc >= 0 ? cellText(row[cSrc]) : "",
    });
  }
}

const HOURS_MINUTES = /^(\d+):(\d{2})$/;

export function readTimeLog(l: Layout, tz: string, out: TimeEntry[], issues: Issues): void {
  const values = l.tab.values;
  const cRep = col(l, "rep");
  const cDate = col(l, "date");
  const cCat = col(l, "category");
  const cMin = col(l, "minutes");
  const cHours = col(l, "hours");
  const cDur = col(l, "duration");
  const cTime = cMin >= 0 ? cMin : cHours >= 0 ? cHours : cDur;
  const opts = { timeZone: tz };
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const rep = cellText(row[cRep]);
    if (rep === "") {
      issues.add(l, r, cRep, "missingRequired", row[cRep]);
      continue;
    }
    const dv = row[cDate];
    const date = issues.required(l, r, cDate, dv, parseDate(dv, opts), "badDate");
    if (date === null) continue;
    const category = cellText(row[cCat]);
    if (category === "") {
      issues.add(l, r, cCat, "missingRequired", row[cCat]);
      continue;
    }
    if (cTime < 0) continue;
    const v = row[cTime];
    let minutes: number | null = null;
    const hm = typeof v === "string" ? HOURS_MINUTES.exec(v.trim()) : null;
    if (hm) {
      const h = Number(hm[1] ?? Number.NaN);
      const min = Number(hm[2] ?? Number.NaN);
      minutes = min < 60 ? h * 60 + min : null;
    } else if (isDate(v)) {
      const s = parseDurationSeconds(v, tz);
      minutes = s === null ? null : s / 60;
    } else {
      const x = parseNumber(v);
      minutes = x === null ? null : cTime === cHours ? x * 60 : x;
    }
    minutes = issues.required(l, r, cTime, v, minutes, "badDuration");
    if (minutes === null) continue;
    if (minutes < 0) {
      issues.add(l, r, cTime, "negativeDuration", v);
      continue;
    }
    out.push({ rep, date, category, minutes });
  }
}

export function readChecklist(
  l: Layout,
  criteria: string[],
  criteriaIndex: Map<string, number>,
  out: Grade[],
  issues: Issues,
): void {
  const values = l.tab.values;
  const cId = col(l, "id");
  const cRep = col(l, "rep");
  const crit = (l.m.criteria ?? []).map((c) => {
    const k = nameKey(c.name);
    let i = criteriaIndex.get(k);
    if (i === undefined) {
      i = criteria.length;
      criteria.push(c.name.trim());
      criteriaIndex.set(k, i);
    }
    return { c: c.column, i, scale: 1 };
  });
  // Scale per column: 0/1 and yes/no as they are; larger scores over 5, 10 or 100.
  for (const x of crit) {
    let max = 0;
    for (let r = l.m.headerRow + 1; r < values.length; r++) {
      const row = values[r];
      if (!Array.isArray(row)) continue;
      const n = typeof row[x.c] === "boolean" ? null : parseNumber(row[x.c]);
      if (n !== null && n > max) max = n;
    }
    x.scale = max <= 1 ? 1 : max <= 5 ? 5 : max <= 10 ? 10 : 100;
  }
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const id = cellText(row[cId]);
    if (id === "") {
      issues.add(l, r, cId, "missingId", row[cId]);
      continue;
    }
    const scores: (number | null)[] = new Array(criteria.length).fill(null);
    for (const x of crit) {
      const v = row[x.c];
      if (isBlank(v)) continue;
      const yn = typeof v === "boolean" || typeof v === "string" ? yesNo(v) : null;
      let s: number | null = yn === null ? null : yn ? 1 : 0;
      if (s === null) {
        const n = parseNumber(v);
        if (n !== null && n >= 0 && n <= x.scale) s = n / x.scale;
      }
      if (s === null) issues.add(l, r, x.c, "badNumber", v, "yes/no or a score");
      else scores[x.i] = s;
    }
    out.push({ id, rep: cRep >= 0 ? cellText(row[cRep]) : "", scores });
  }
}

/** Every number in the column is below one (and some are above zero): fractions of a day. */
function isDayFractionColumn(values: unknown[][], headerRow: number, c: number): boolean {
  let positive = 0;
  const end = Math.min(values.length, headerRow + 2001);
  for (let r = headerRow + 1; r < end; r++) {
    const v = values[r]?.[c];
    if (typeof v !== "number") continue;
    if (v >= 1) return false;
    if (v > 0) positive++;
  }
  return positive > 0;
}
