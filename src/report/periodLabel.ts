/**
 * Period labels in the report's language: "янв 2026", "Jan 2026", "нед. 12, 2026" — words a
 * reader knows, never ISO codes like "2026-01" or "2017-W52".
 */

import { isoWeekKey, MS_PER_DAY } from "../core/calendar";
import type { Lang } from "../core/i18n";
import type { Period } from "../core/period";

const MONTHS: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  ru: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
  uk: ["січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"],
};
const WEEK: Record<Lang, string> = { en: "Wk", ru: "нед.", uk: "тиж." };

/** The month holding `day` (a day number): "Mar 2026". */
export function monthLabel(lang: Lang, day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The ISO week holding `day`: "нед. 12, 2026" (the ISO week's year). */
export function weekLabel(lang: Lang, day: number): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeekKey(day * MS_PER_DAY));
  if (!m) return isoWeekKey(day * MS_PER_DAY);
  return `${WEEK[lang]} ${Number(m[2])}, ${m[1]}`;
}

export function periodLabel(lang: Lang, kind: Period, day: number): string {
  return kind === "month" ? monthLabel(lang, day) : weekLabel(lang, day);
}

/** A day in words: "1 Mar 2026", "1 мар 2026". */
export function dayLabel(lang: Lang, day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A plan's period in words when it is a calendar month or an ISO week ("мар 2026"), else the
 * label as the user wrote it. `start` and `end` (exclusive) are day numbers.
 */
export function rangeLabel(lang: Lang, start: number, end: number, written: string): string {
  const s = new Date(start * MS_PER_DAY);
  const monthEnd = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1) / MS_PER_DAY;
  if (s.getUTCDate() === 1 && end === monthEnd) return monthLabel(lang, start);
  if (end - start === 7 && s.getUTCDay() === 1) return weekLabel(lang, start);
  return written;
}

/** A number inside a sentence, as the language writes it: "11.6" (en), "11,6" (ru, uk). */
export function numberText(lang: Lang, x: number): string {
  const s = String(Math.round(x * 10) / 10);
  return lang === "en" ? s : s.replace(".", ",");
}
