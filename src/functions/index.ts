/**
 * The custom functions as pure TypeScript: `callFunction(name, args, ctx)` runs one with the
 * spreadsheet's context and guarantees the common rules (a result is never NaN, Infinity or
 * undefined; anything thrown is an Error whose message starts with the function's name).
 */
import { conversion } from "./conversion";
import { DEFAULT_CONTEXT, type FnContext, fnError } from "./errors";
import { funnel } from "./funnel";
import { planPace } from "./planPace";
import { requiredCalls, reverseFunnel } from "./required";
import type { Cell, Result } from "./result";
import { salesVelocity } from "./salesVelocity";
import { stageVelocity } from "./stageVelocity";
import { talkTime } from "./talkTime";

export type { FnContext } from "./errors";
export type { Cell, Result } from "./result";

type Impl = (args: unknown[], ctx: FnContext) => Result;

export const IMPLEMENTATIONS: Record<string, Impl> = {
  CONVERSION: (a, ctx) => conversion(a[0], a[1], ctx),
  STAGE_VELOCITY: (a, ctx) => stageVelocity(a, ctx),
  REQUIRED_CALLS: (a, ctx) => requiredCalls(a[0], a[1], a[2], ctx),
  FUNNEL: (a, ctx) => funnel(a[0], a[1], a[2], ctx),
  SALES_VELOCITY: salesVelocity,
  PLAN_PACE: planPace,
  TALK_TIME: talkTime,
  REVERSE_FUNNEL: (a, ctx) => reverseFunnel(a[0], a[1], a[2], a[3], ctx),
};

function cleanCell(v: unknown): Cell {
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  return "";
}

function isCleanRow(row: unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (cleanCell(row[i]) !== row[i]) return false;
  return true;
}

/** A result as Sheets may show it: no NaN/Infinity/undefined/null anywhere, rows of equal width. */
export function cleanResult(r: unknown): Result {
  if (!Array.isArray(r)) return cleanCell(r);
  if (r.length === 0) return "";
  let width = 0;
  for (const row of r) width = Math.max(width, Array.isArray(row) ? row.length : 1);
  if (width === 0) return "";
  return r.map((row) => {
    // Most spills are clean already: keep such rows rather than copy them (a 100k-row spill
    // would otherwise allocate 100k arrays twice).
    if (Array.isArray(row) && row.length === width && isCleanRow(row)) return row as Cell[];
    const cells = Array.isArray(row) ? row : [row];
    const out = new Array<Cell>(width);
    for (let i = 0; i < width; i++) out[i] = i < cells.length ? cleanCell(cells[i]) : "";
    return out;
  });
}

/** Runs custom function `name` on Sheets-shaped arguments. */
export function callFunction(
  name: string,
  args: unknown[],
  ctx: FnContext = DEFAULT_CONTEXT,
): Result {
  const impl = IMPLEMENTATIONS[name];
  if (!impl) throw new Error(`${name}: unknown function`);
  try {
    return cleanResult(impl(args, ctx));
  } catch (e) {
    if (
      e !== null &&
      typeof e === "object" &&
      typeof (e as Error).message === "string" &&
      (e as Error).message.startsWith(`${name}:`) &&
      Object.prototype.toString.call(e) === "[object Error]"
    ) {
      throw e;
    }
    throw fnError(name, ctx.lang, "internal");
  }
}
