/**
 * Which columns of a deals table say where a deal got to (SPEC §3): the current-stage column,
 * status columns (won/lost/closed flags), and stage-entry date or checkbox columns — never a
 * system, forecast, marketing or counter column, and never a date column that open deals fill
 * with dates after the data's last activity. Every tempting column left out is reported with
 * the reason, for `--explain`.
 */
import { at } from "../core/indexed";
import { currencyOfAmount, isBlank, isDate, parseDate, parseNumber } from "../core/values";
import { yesNo } from "./cellWords";
import { isWonStageName, ladderRank, STAGE_NOMINATIVE, statusOf } from "./headers";
import { bitrixStageName, isNotYetWord, neverStageReason, outcomeOf, stageKey } from "./pipelines";

export interface FoundColumn {
  index: number;
  header: string;
}

/** Why a column that could have been a stage (or a field) was passed over. */
export type PassReason =
  | "system"
  | "forecast"
  | "futureDates"
  | "filledWhenOpen"
  | "flagNotStage"
  | "notStageName"
  | "notValues";

export interface PassedOver {
  index: number;
  header: string;
  /** The field it could have been ("stage" for a stage column). */
  field: string;
  reason: PassReason;
}

export interface DealColumns {
  stageColumns: (FoundColumn & { stage: string })[];
  passedOver: PassedOver[];
  entryStage?: string;
  wonStage?: string;
  /** The current-stage column carries a pipeline (two or more stages that are not outcomes). */
  pipeline: boolean;
}

const SCAN_ROWS = 2000;

interface Ctx {
  values: unknown[][];
  headerRow: number;
  end: number;
}

function each(ctx: Ctx, c: number, fn: (v: unknown, r: number) => void): void {
  for (let r = ctx.headerRow + 1; r < ctx.end; r++) {
    const v = ctx.values[r]?.[c];
    if (!isBlank(v)) fn(v, r);
  }
}

/** Share of the filled cells of column c that satisfy `ok` (0 when none is filled). */
function share(ctx: Ctx, c: number, ok: (v: unknown) => boolean): number {
  let filled = 0;
  let yes = 0;
  each(ctx, c, (v) => {
    filled++;
    if (ok(v)) yes++;
  });
  return filled === 0 ? 0 : yes / filled;
}

const isFlag = (v: unknown) =>
  typeof v === "boolean" || (typeof v !== "object" && yesNo(v as string) !== null);
const isDateCell = (v: unknown) =>
  isDate(v) || (typeof v === "string" && parseDate(v, { timeZone: "UTC" }) !== null);

/**
 * The row outcome the status columns give: won, lost (closed and not won), open, or null when
 * the tab has no status information at all.
 */
export function rowOutcome(
  row: unknown[],
  cols: { stage?: number; status?: number; won?: number; closedFlag?: number },
): "won" | "lost" | "open" | null {
  let known = false;
  if (cols.status !== undefined) {
    known = true;
    const o = outcomeOf(row[cols.status]);
    if (o === "won" || o === "lost") return o;
    const yn = yesNo(row[cols.status] as string);
    if (yn === true) return "won";
  }
  if (cols.won !== undefined) {
    known = true;
    if (yesNo(row[cols.won] as string) === true) return "won";
  }
  if (cols.stage !== undefined) {
    known = true;
    const o = statusOf(row[cols.stage]);
    if (o !== null) return o;
  }
  if (cols.closedFlag !== undefined) {
    known = true;
    if (yesNo(row[cols.closedFlag] as string) === true) return "lost";
  }
  return known ? "open" : null;
}

function stageLike(name: string, stageValues: Set<string>): boolean {
  if (ladderRank(name) >= 0 || isWonStageName(name)) return true;
  const lower = name.toLowerCase();
  if (Object.values(STAGE_NOMINATIVE).some((s) => s.toLowerCase() === lower)) return true;
  return stageValues.has(stageKey(name));
}

/**
 * Checks the value-typed fields the headers suggested (status, flags, currency, dates) against
 * the data, moves or drops the ones that do not hold what they say, and picks the stage columns.
 * Mutates `columns` and `used`. Null when nothing in the table says where a deal got to.
 */
export function dealColumns(
  headers: string[],
  columns: Record<string, FoundColumn>,
  used: Set<number>,
  values: unknown[][],
  headerRow: number,
  stageNameFromHeader: (h: string) => string,
): DealColumns | null {
  const ctx: Ctx = { values, headerRow, end: Math.min(values.length, headerRow + 1 + SCAN_ROWS) };
  const passedOver: PassedOver[] = [];
  // Dropping or moving a field that was not found does nothing.
  const drop = (field: string, reason: PassReason) => {
    const c = columns[field];
    if (!c) return;
    const why = reason === "notValues" && neverStageReason(c.header) ? "system" : reason;
    passedOver.push({ index: c.index, header: c.header, field, reason: why });
    used.delete(c.index);
    delete columns[field];
  };
  const move = (from: string, to: string) => {
    const c = columns[from];
    if (!c) return;
    if (columns[to]) return drop(from, "notValues");
    columns[to] = c;
    delete columns[from];
  };
  // Date fields named like a system or forecast column are not the deal's dates.
  for (const f of ["created", "closed"]) {
    const c = columns[f];
    if (!c) continue;
    const why = neverStageReason(c.header);
    if (why && !(f === "closed" && /wontime|losttime|lost/.test(why))) drop(f, "system");
  }
  if (columns.closed && share(ctx, columns.closed.index, isFlag) >= 0.8)
    move("closed", "closedFlag");
  if (columns.status) {
    const c = columns.status.index;
    const outcomes = share(ctx, c, (v) => outcomeOf(v) !== null || isFlag(v));
    if (outcomes < 0.8) {
      if (!columns.stage) move("status", "stage");
      else drop("status", "notValues");
    }
  }
  for (const f of ["won", "closedFlag"]) {
    const c = columns[f];
    if (c && share(ctx, c.index, isFlag) < 0.8) {
      if (
        f === "closedFlag" &&
        !columns.closed &&
        !neverStageReason(c.header) &&
        share(ctx, c.index, isDateCell) >= 0.8
      )
        move(f, "closed");
      else drop(f, "notValues");
    }
  }
  if (columns.currency && share(ctx, columns.currency.index, isCurrencyCell) < 0.8)
    drop("currency", "notValues");
  if (
    columns.stageOrder &&
    share(ctx, columns.stageOrder.index, (v) => parseNumber(v) !== null) < 0.8
  )
    drop("stageOrder", "notValues");

  const idx = (f: string) => columns[f]?.index;
  const outcomeCols = {
    stage: idx("stage"),
    status: idx("status"),
    won: idx("won"),
    closedFlag: idx("closedFlag"),
  };
  // The pipeline a current-stage column carries, and the stage values (to tell stage-like names).
  const stageValues = new Set<string>();
  let wonName = "";
  if (columns.stage) {
    each(ctx, columns.stage.index, (v) => {
      const st = statusOf(v);
      if (st === "won" && !wonName) wonName = bitrixStageName(String(v)) ?? String(v).trim();
      if (st === null) stageValues.add(stageKey(v));
    });
  }
  const pipeline = stageValues.size >= 2;
  // Open rows and the data's last activity (the latest created date), for the forecast tests.
  const open: number[] = [];
  for (let r = headerRow + 1; r < ctx.end; r++) {
    const row = values[r];
    if (Array.isArray(row) && rowOutcome(row, outcomeCols) === "open") open.push(r);
  }
  let lastActivity = Number.NEGATIVE_INFINITY;
  if (columns.created) {
    each(ctx, columns.created.index, (v) => {
      const d = parseDate(v, { timeZone: "UTC" });
      if (d !== null && d > lastActivity) lastActivity = d;
    });
  }
  const datesOfOpen = (c: number) => {
    let filled = 0;
    let future = 0;
    for (const r of open) {
      const v = at(values, r)[c];
      if (isBlank(v) || isNotYetWord(v)) continue;
      const d = parseDate(v, { timeZone: "UTC" });
      if (d === null) continue;
      filled++;
      if (d > lastActivity + 86_400_000) future++;
    }
    return { filled, future };
  };
  const isFuture = (c: number) => {
    const x = datesOfOpen(c);
    return lastActivity > Number.NEGATIVE_INFINITY && x.filled > 0 && x.future >= 0.2 * x.filled;
  };

  const stageColumns: (FoundColumn & { stage: string })[] = [];
  for (const [c, header] of headers.entries()) {
    if (used.has(c) || header === "") continue;
    let filled = 0;
    let dates = 0;
    let flags = 0;
    each(ctx, c, (v) => {
      filled++;
      if (isDateCell(v)) dates++;
      else if (isFlag(v)) flags++;
    });
    const isDateColumn = filled > 0 && dates >= 0.8 * filled;
    const isFlagColumn = filled > 0 && !isDateColumn && dates + flags >= 0.8 * filled;
    const emptyDate = filled === 0 && /date|дата/i.test(header);
    if (!isDateColumn && !isFlagColumn && !emptyDate) continue;
    const pass = (reason: PassReason) =>
      passedOver.push({ index: c, header, field: "stage", reason });
    if (neverStageReason(header)) {
      pass("system");
      continue;
    }
    const name = stageNameFromHeader(header);
    const named = stageLike(name, stageValues);
    if (isFlagColumn && (pipeline || !named)) {
      pass(pipeline ? "flagNotStage" : "notStageName");
      continue;
    }
    if (pipeline && !named) {
      pass("notStageName");
      continue;
    }
    if (isDateColumn && isFuture(c)) {
      pass("futureDates");
      continue;
    }
    stageColumns.push({ index: c, header, stage: "" });
  }
  // The close date is a stage (Maven's close_date) only when open deals leave it blank; filled
  // for open deals it is the expected close date, kept for the deals that did close.
  if (columns.closed) {
    const c = columns.closed.index;
    const x = datesOfOpen(c);
    if (isFuture(c)) passedOver.push({ ...columns.closed, field: "stage", reason: "futureDates" });
    else if (open.length > 0 && x.filled >= 0.1 * open.length)
      passedOver.push({ ...columns.closed, field: "stage", reason: "filledWhenOpen" });
    else if (!pipeline || stageColumns.length > 0 || !columns.stage)
      stageColumns.push({ ...columns.closed, stage: "" });
    stageColumns.sort((a, b) => a.index - b.index);
  }
  for (const s of stageColumns) s.stage = stageNameFromHeader(s.header);

  const hasSignal =
    columns.stage || columns.status || columns.won || columns.closedFlag || columns.created;
  if (!hasSignal && stageColumns.length === 0 && !columns.closed) return null;

  if (!wonName && columns.status) {
    each(ctx, columns.status.index, (v) => {
      if (!wonName && statusOf(v) === "won") wonName = String(v).trim();
    });
  }
  if (!wonName && columns.won) wonName = stageNameFromHeader(columns.won.header);
  const once = passedOver.filter((p, i) => passedOver.findIndex((q) => q.index === p.index) === i);
  return { stageColumns, passedOver: once, pipeline, ...(wonName ? { wonStage: wonName } : {}) };
}

function isCurrencyCell(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const s = v.trim();
  return (
    /^[A-Za-z]{3}$/.test(s) || /^(?:[$€£₽₴¥₸]|руб\.?|грн\.?)$/.test(s) || currencyOfAmount(s) !== ""
  );
}
