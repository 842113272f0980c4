/** The sidebar's settings as kept in the settings tab (read by the add-on and the command): only well-formed values. */
import { isLang } from "../core/i18n";
import { isPeriod } from "../core/period";
import { cleanOptions } from "./options";
import type { SidebarSettings } from "./wire";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Keeps only well-formed settings (the settings tab is editable by hand). */
export function cleanSettings(v: unknown): SidebarSettings {
  const o = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const out: SidebarSettings = {};
  if (isLang(o.lang)) out.lang = o.lang;
  if (isPeriod(o.period)) out.period = o.period;
  const reps = strings(o.reps);
  if (reps.length) out.reps = reps;
  const sources = strings(o.sources);
  if (sources.length) out.sources = sources;
  if (typeof o.from === "string" && ISO.test(o.from)) out.from = o.from;
  if (typeof o.to === "string" && ISO.test(o.to)) out.to = o.to;
  const norms = cleanRoleNorms(o.roleNorms);
  if (norms) out.roleNorms = norms;
  if (o.options && typeof o.options === "object") out.options = cleanOptions(o.options);
  if (typeof o.pipeline === "string" && o.pipeline.trim() !== "") out.pipeline = o.pipeline.trim();
  return out;
}

const NORM_KEYS = ["longCallsMin", "longCallsMax", "bookedMin", "bookedMax", "heldMin"] as const;

/** The Roles sheet's norms from settings: non-negative numbers only; null when none. */
export function cleanRoleNorms(v: unknown): SidebarSettings["roleNorms"] | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const out: NonNullable<SidebarSettings["roleNorms"]> = {};
  for (const k of NORM_KEYS) {
    const n = typeof o[k] === "string" ? Number(o[k]) : o[k];
    if (typeof n === "number" && Number.isFinite(n) && n >= 0) out[k] = n;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Settings to store: the sidebar's, keeping the norms and options kept in the settings tab that
 * it does not send (norms edited by hand; options before the sidebar has read them).
 */
export function keepStored(next: SidebarSettings, saved: SidebarSettings): SidebarSettings {
  const out = { ...next };
  if (!out.roleNorms && saved.roleNorms) out.roleNorms = saved.roleNorms;
  if (!out.options && saved.options) out.options = saved.options;
  if (!out.pipeline && saved.pipeline) out.pipeline = saved.pipeline;
  return out;
}
