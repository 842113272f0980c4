/**
 * The report options a user sets: the sidebar's Options group, the command's flags and the
 * settings tab all read them with these rules (pure, so the sidebar's bundle carries them too).
 * Values are in the user's units (days, percent, seconds, rows); `toReportOptions` turns them into
 * the report's (fractions for the shares).
 */
import { type Lang, l } from "../core/i18n";
import type { ReportOptions } from "../report/options";

export const OPTION_KEYS = [
  "cohortWindowDays",
  "velocityGoalPercent",
  "dropThresholdPercent",
  "longCallSeconds",
  "topN",
] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

/** What the user set; a key left out takes the default (the window: the data's 80th percentile). */
export type OptionValues = Partial<Record<OptionKey, number>>;

export interface OptionRule {
  min: number;
  max: number;
  /** Whole numbers only (days, seconds, rows). */
  whole: boolean;
  /** The default, in the user's units; null: worked out from the data. */
  fallback: number | null;
  /** What a value is, for messages: "a whole number of days". */
  what: Record<Lang, string>;
}

export const OPTION_RULES: Record<OptionKey, OptionRule> = {
  cohortWindowDays: {
    min: 0,
    max: 3650,
    whole: true,
    fallback: null,
    what: l("a whole number of days", "целое число дней", "ціле число днів"),
  },
  velocityGoalPercent: {
    min: 0,
    max: 100,
    whole: false,
    fallback: 20,
    what: l("a percentage", "число процентов", "число відсотків"),
  },
  dropThresholdPercent: {
    min: 0,
    max: 100,
    whole: false,
    fallback: 10,
    what: l("a percentage", "число процентов", "число відсотків"),
  },
  longCallSeconds: {
    min: 1,
    max: 3600,
    whole: true,
    fallback: 60,
    what: l("a whole number of seconds", "целое число секунд", "ціле число секунд"),
  },
  topN: {
    min: 1,
    max: 1000,
    whole: true,
    fallback: 50,
    what: l("a whole number of rows", "целое число строк", "ціле число рядків"),
  },
};

export type OptionReading =
  /** `value` null: left blank (the default). */
  { ok: true; value: number | null } | { ok: false; key: OptionKey; rule: OptionRule };

/**
 * One option as typed or stored: a number, or text such as "20", "12,5", "20 %", "1e2" or "". Blank
 * means the default; anything else is a finite number within the rule's range (whole where the
 * rule says so), or an error naming the option.
 */
export function readOption(key: OptionKey, raw: unknown): OptionReading {
  const rule = OPTION_RULES[key];
  const bad: OptionReading = { ok: false, key, rule };
  let n: number;
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string") {
    const text = raw.trim().replace(/\s*%$/, "").replace(",", ".");
    if (text === "") return { ok: true, value: null };
    // Number("") is 0 and Number("0x10") is 16: only decimals (as a number box gives them) are read.
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return bad;
    n = Number(text);
  } else return bad;
  if (!Number.isFinite(n) || n < rule.min || n > rule.max) return bad;
  if (rule.whole && !Number.isInteger(n)) return bad;
  // -0 reads as 0.
  return { ok: true, value: n === 0 ? 0 : n };
}

/** The well-formed options of a stored object (the settings tab is editable by hand). */
export function cleanOptions(v: unknown): OptionValues {
  const out: OptionValues = {};
  if (!v || typeof v !== "object") return out;
  const o = v as Record<string, unknown>;
  for (const k of OPTION_KEYS) {
    const r = readOption(k, o[k]);
    if (r.ok && r.value !== null) out[k] = r.value;
  }
  return out;
}

/** The options in the report's terms (shares as fractions); keys not set are left out. */
export function toReportOptions(o: OptionValues): Partial<ReportOptions> {
  const out: Partial<ReportOptions> = {};
  if (o.cohortWindowDays !== undefined) out.cohortWindowDays = o.cohortWindowDays;
  if (o.velocityGoalPercent !== undefined) out.velocityGoal = o.velocityGoalPercent / 100;
  if (o.dropThresholdPercent !== undefined) out.dropThreshold = o.dropThresholdPercent / 100;
  if (o.longCallSeconds !== undefined) out.longCallSeconds = o.longCallSeconds;
  if (o.topN !== undefined) out.topN = o.topN;
  return out;
}

/** "yyyy-mm-dd" naming a real calendar day (2026-02-30 is not one). */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
