/**
 * Dates as the sidebar shows and reads them, in the order of its language: dd.mm.yyyy in
 * Russian and Ukrainian, yyyy-mm-dd in English (one order no reader mistakes for mm/dd).
 * The browser's own date picker would follow the browser's locale instead, so these are
 * plain text boxes. Pure: no DOM, unit-tested.
 */
import type { Lang } from "../src/core/i18n";

/** The pattern to show next to the box, in the language's letters. */
export const DATE_PATTERN: Record<Lang, string> = {
  en: "yyyy-mm-dd",
  ru: "дд.мм.гггг",
  uk: "дд.мм.рррр",
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** An ISO `yyyy-mm-dd` date shown in the language's order ("" stays ""). */
export function formatDate(iso: string, lang: Lang): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  if (lang === "en") return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return `${pad(Number(m[3]))}.${pad(Number(m[2]))}.${m[1]}`;
}

/**
 * Reads a typed date: "" → "" (no bound); the language's order, or ISO in any language (a date
 * pasted from elsewhere); in Russian and Ukrainian dots, slashes or dashes between day, month and
 * year. Anything else → null.
 */
export function parseDate(text: string, lang: Lang): string | null {
  const s = text.trim();
  if (s === "") return "";
  const iso = ISO.exec(s);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (lang === "en") return null;
  const dm = DAY_FIRST.exec(s);
  if (dm) return validIso(Number(dm[3]), Number(dm[2]), Number(dm[1]));
  return null;
}
