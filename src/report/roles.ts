/**
 * Roles sheet (SPEC §7, seed 002): SDR, hunter and farmer tables, per period as the other
 * sheets are, and the diagnosis. Every conversion divides counts of the same bookings (or the
 * same held meetings), never one period's counts by another's, so none exceeds 100%.
 */
import { DEFAULT_ROLE_NORMS, type RoleNorms } from "../core/metrics/roles";
import { ratio } from "../core/stats";
import { type Context, round } from "./context";
import { t } from "./i18n";
import { dayLabel } from "./periodLabel";
import type { RolesData, SdrCounts } from "./rolesData";
import { planDiagnosis } from "./rolesDiagnosisBlocks";
import { rolesData } from "./rolesFromViews";
import { rt } from "./rolesI18n";
import type { Block, CellValue, ColumnFormat, Highlight, SheetPlan } from "./types";

/** The norms in effect: the options' numbers over the seed's defaults. */
export function roleNorms(given: Partial<RoleNorms> | undefined): RoleNorms {
  const out = { ...DEFAULT_ROLE_NORMS };
  for (const k of Object.keys(out) as (keyof RoleNorms)[]) {
    const v = given?.[k];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[k] = v;
  }
  return out;
}

interface Col<T> {
  header: string;
  format: ColumnFormat;
  value: (x: T, p: number) => number | null;
  /** A person's own activity (calls, leads): blank for the team without an SDR. */
  activity?: boolean;
}

function value(c: Col<SdrCounts>, x: SdrCounts, p: number, sdr: string): number | null {
  return sdr === "" && c.activity ? null : c.value(x, p);
}

/** The SDR table's columns; `bookingsOnly`: what the bookings led to (the per-source table). */
function sdrColumns(ctx: Context, data: RolesData, bookingsOnly = false): Col<SdrCounts>[] {
  const lang = ctx.opt.lang;
  const cols: Col<SdrCounts>[] = [];
  const activity = !bookingsOnly;
  let own = false;
  const add = (header: string, format: ColumnFormat, value: Col<SdrCounts>["value"]) =>
    cols.push({ header, format, value, activity: own });
  own = true;
  if (data.hasCalls && activity) {
    add(t(lang, "calls"), "integer", (x) => x.calls);
    if (data.hasTalk) {
      add(t(lang, "longCalls", { sec: ctx.opt.longCallSeconds }), "integer", (x) => x.longCalls);
      add(t(lang, "minutes"), "decimal", (x) => round(x.talkSec / 60, 2));
    }
  }
  if (activity) add(t(lang, "leads"), "integer", (x) => x.leads);
  if (data.hasTargeted && activity) {
    add(t(lang, "targeted"), "integer", (x) => x.targeted);
    add(t(lang, "nonTargeted"), "integer", (x) => x.nonTargeted);
  }
  own = false;
  const s = data.stages;
  add(rt(lang, "booked"), "integer", (x) => x.booked);
  if (s.confirmed >= 0) add(rt(lang, "confirmed"), "integer", (x) => x.confirmed);
  if (s.held >= 0) add(rt(lang, "held"), "integer", (x) => x.held);
  if (s.confirmed >= 0) {
    add(rt(lang, "bookedConfirmed"), "percent", (x) => round(ratio(x.confirmed, x.booked)));
    if (s.held >= 0)
      add(rt(lang, "confirmedHeld"), "percent", (x) => round(ratio(x.held, x.confirmed)));
  }
  if (s.held >= 0) {
    add(rt(lang, "bookedHeld"), "percent", (x) => round(ratio(x.held, x.booked)));
    add(rt(lang, "heldSale"), "percent", (x) => round(ratio(x.heldWon, x.held)));
  }
  own = true;
  if (data.hasCalls && activity)
    add(rt(lang, "callsPerBooked"), "decimal", (x) => round(ratio(x.calls, x.booked), 2));
  own = false;
  add(rt(lang, "salesFromBooked"), "integer", (x) => x.sales);
  if (data.hasAmount) add(rt(lang, "revenueFromBooked"), "money", (x) => round(x.revenue, 2));
  if (data.hasTargeted)
    add(rt(lang, "targetedBooked"), "percent", (x) =>
      round(ratio(x.bookedTargeted, x.bookedGraded)),
    );
  return cols;
}

function who(ctx: Context, name: string): string {
  return name === "" ? rt(ctx.opt.lang, "noSdr") : name;
}

export function planRoles(
  ctx: Context,
  norms?: Partial<RoleNorms>,
  data: RolesData | null = rolesData(ctx),
): SheetPlan | null {
  if (!data) return null;
  const n = roleNorms(norms);
  const lang = ctx.opt.lang;
  const blocks: Block[] = [];
  const periods = ctx.periods.order();
  const lastText = ctx.maxDay === null ? "" : dayLabel(ctx.opt.lang, ctx.maxDay);

  if (data.sdrs.length > 0) {
    const cols = sdrColumns(ctx, data);
    const rows: CellValue[][] = [];
    for (const s of data.sdrs) {
      const x = data.sdr.get(-1, s);
      if (x) rows.push([who(ctx, s), ...cols.map((c) => value(c, x, -1, s))]);
    }
    blocks.push({
      id: "roles.sdr",
      title: rt(lang, "block.sdr"),
      note: rt(lang, "block.sdr.note", { last: lastText, noSdr: rt(lang, "noSdr") }),
      header: [rt(lang, "sdr"), ...cols.map((c) => c.header)],
      rows,
      formats: ["text", ...cols.map((c) => c.format)],
    });
    const prows: CellValue[][] = [];
    for (const p of periods)
      for (const s of data.sdrs) {
        const x = data.sdr.get(p, s);
        if (x)
          prows.push([ctx.periods.label(p), who(ctx, s), ...cols.map((c) => value(c, x, p, s))]);
      }
    if (prows.length > 0)
      blocks.push({
        id: "roles.sdrByPeriod",
        title: rt(lang, "block.sdrByPeriod"),
        header: [t(lang, "period"), rt(lang, "sdr"), ...cols.map((c) => c.header)],
        rows: prows,
        formats: ["text", "text", ...cols.map((c) => c.format)],
      });
    const daily = dailyBlock(ctx, data, periods, n);
    if (daily) blocks.push(daily);
    const sources = sourceBlock(ctx, data);
    if (sources) blocks.push(sources);
  }
  const hunters = hunterBlock(ctx, data, periods, lastText);
  if (hunters) blocks.push(hunters);
  const farmers = farmerBlock(ctx, data, periods);
  if (farmers) blocks.push(farmers);
  blocks.push(...planDiagnosis(ctx, data, n));
  return { key: "roles", name: "", blocks };
}

function dailyBlock(ctx: Context, data: RolesData, periods: number[], n: RoleNorms): Block | null {
  const lang = ctx.opt.lang;
  const showCalls = data.hasCalls && data.hasTalk;
  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  const cell = (v: number | null, min: number, max: number | null, col: number) => {
    if (v !== null)
      highlights.push({
        row: rows.length,
        col,
        style: v < min ? "bad" : max !== null && v > max ? "warn" : "good",
      });
    return v;
  };
  for (const p of periods) {
    const wd = data.workdays(p);
    if (wd === 0) continue;
    for (const s of data.sdrs) {
      if (s === "") continue;
      const x = data.sdr.get(p, s);
      if (!x) continue;
      const row: CellValue[] = [ctx.periods.label(p), s, wd];
      if (showCalls) row.push(cell(round(x.longCalls / wd, 2), n.longCallsMin, n.longCallsMax, 3));
      const at = row.length;
      row.push(cell(round(x.booked / wd, 2), n.bookedMin, n.bookedMax, at));
      if (data.stages.held >= 0) row.push(cell(round(x.held / wd, 2), n.heldMin, null, at + 1));
      rows.push(row);
    }
  }
  if (rows.length === 0) return null;
  const header = [t(lang, "period"), rt(lang, "sdr"), rt(lang, "workdays")];
  const formats: ColumnFormat[] = ["text", "text", "integer"];
  if (showCalls) {
    header.push(
      `${rt(lang, "longCallsPerDay", { sec: ctx.opt.longCallSeconds })} (${rt(lang, "norm")} ${n.longCallsMin}–${n.longCallsMax})`,
    );
    formats.push("decimal");
  }
  header.push(`${rt(lang, "bookedPerDay")} (${rt(lang, "norm")} ${n.bookedMin}–${n.bookedMax})`);
  formats.push("decimal");
  if (data.stages.held >= 0) {
    header.push(`${rt(lang, "heldPerDay")} (${rt(lang, "norm")} ${n.heldMin})`);
    formats.push("decimal");
  }
  return {
    id: "roles.daily",
    title: rt(lang, "block.daily"),
    note: rt(lang, "block.daily.note", {
      callsMin: n.longCallsMin,
      callsMax: n.longCallsMax,
      sec: ctx.opt.longCallSeconds,
      bookedMin: n.bookedMin,
      bookedMax: n.bookedMax,
      heldMin: n.heldMin,
    }),
    header,
    rows,
    formats,
    highlights,
  };
}

function sourceBlock(ctx: Context, data: RolesData): Block | null {
  if (!ctx.hasSource || !data.hasBookings) return null;
  const lang = ctx.opt.lang;
  const sdrCols = sdrColumns(ctx, data, true);
  const rows = data.sources
    .list("all")
    .sort((a, b) => (a.name === "" ? 1 : b.name === "" ? -1 : a.name < b.name ? -1 : 1))
    .map((e) => [e.name || t(lang, "noSource"), ...sdrCols.map((c) => c.value(e.x, -1))]);
  return {
    id: "roles.sources",
    title: rt(lang, "block.sources"),
    header: [t(lang, "source"), ...sdrCols.map((c) => c.header)],
    rows,
    formats: ["text", ...sdrCols.map((c) => c.format)],
  };
}

/**
 * Per period a row for each person with figures, then each person's totals over all periods
 * (highlighted): [period, person, ...cells(x, period)].
 */
function periodRows<X>(
  ctx: Context,
  periods: number[],
  people: string[],
  table: { get(p: number, who: string): X | undefined },
  cells: (x: X, p: number) => CellValue[],
): { rows: CellValue[][]; highlights: Highlight[] } {
  const rows: CellValue[][] = [];
  const push = (label: string, p: number) => {
    for (const who of people) {
      const x = table.get(p, who);
      if (x) rows.push([label, who, ...cells(x, p)]);
    }
  };
  for (const p of periods) push(ctx.periods.label(p), p);
  const totalFrom = rows.length;
  push(t(ctx.opt.lang, "total"), -1);
  const highlights = rows
    .slice(totalFrom)
    .map((_, i): Highlight => ({ row: totalFrom + i, col: -1, style: "total" }));
  return { rows, highlights };
}

function hunterBlock(
  ctx: Context,
  data: RolesData,
  periods: number[],
  lastText: string,
): Block | null {
  if (data.hunters.length === 0) return null;
  const lang = ctx.opt.lang;
  const { rows, highlights } = periodRows(ctx, periods, data.hunters, data.hunter, (x) => {
    const row: CellValue[] = [];
    if (data.stages.held >= 0) row.push(x.held);
    if (data.stages.proposal >= 0) row.push(x.proposals);
    row.push(x.sales);
    if (data.stages.held >= 0) row.push(round(ratio(x.heldWon, x.held)));
    if (data.hasAmount) row.push(round(x.revenue, 2), round(ratio(x.revenue, x.amounts), 2));
    return row;
  });
  if (rows.length === 0) return null;
  const header = [t(lang, "period"), rt(lang, "hunter")];
  const formats: ColumnFormat[] = ["text", "text"];
  if (data.stages.held >= 0) {
    header.push(rt(lang, "held"));
    formats.push("integer");
  }
  if (data.stages.proposal >= 0) {
    header.push(rt(lang, "proposals"));
    formats.push("integer");
  }
  header.push(t(lang, "sales"));
  formats.push("integer");
  if (data.stages.held >= 0) {
    header.push(rt(lang, "heldSale"));
    formats.push("percent");
  }
  if (data.hasAmount) {
    header.push(t(lang, "revenue"), t(lang, "avgCheck"));
    formats.push("money", "money");
  }
  return {
    id: "roles.hunter",
    title: rt(lang, "block.hunter"),
    note: rt(lang, "block.hunter.note", { last: lastText }),
    header,
    rows,
    formats,
    highlights,
  };
}

function farmerBlock(ctx: Context, data: RolesData, periods: number[]): Block | null {
  if (data.farmers.length === 0) return null;
  const lang = ctx.opt.lang;
  const { rows, highlights } = periodRows(ctx, periods, data.farmers, data.farmer, (x, p) => [
    x.clients.size,
    x.repeatSales,
    round(x.repeatRevenue, 2),
    round(ratio(x.repeatRevenue, data.revenue.get(p) ?? 0)),
    round(ratio(x.repeatRevenue, x.repeatAmounts), 2),
    round(ratio(x.newRevenue, x.newAmounts), 2),
  ]);
  if (rows.length === 0) return null;
  return {
    id: "roles.farmer",
    title: rt(lang, "block.farmer"),
    note: rt(lang, "block.farmer.note"),
    header: [
      t(lang, "period"),
      rt(lang, "farmer"),
      rt(lang, "repeatClients"),
      rt(lang, "repeatSales"),
      rt(lang, "repeatRevenue"),
      rt(lang, "repeatShare"),
      rt(lang, "avgRepeat"),
      rt(lang, "avgNew"),
    ],
    rows,
    formats: ["text", "text", "integer", "integer", "money", "percent", "money", "money"],
    highlights,
  };
}
