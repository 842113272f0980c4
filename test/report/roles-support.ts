/**
 * Helpers for the Roles sheet tests: the report of a generated workbook, and an independent
 * count of its raw rows — plain loops over the generated Team, Calls and Deals tabs, not through
 * the model, the context or the roles code.
 */
import { generateRolesWorkbook, type RolesLang } from "../../src/generate/roles";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";

export const DAY = 86_400_000;

export function block(plan: ReportPlan, id: string): Block | undefined {
  for (const s of plan.sheets) for (const b of s.blocks) if (b.id === id) return b;
  return undefined;
}

/** The generated rows as plain records (header text → cell), with the tab's own header words. */
export function rows(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rest] = values as [string[], ...unknown[][]];
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export const month = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 7) : "");
export const dayOf = (d: unknown) =>
  d instanceof Date ? Math.floor(d.getTime() / DAY) : Number.NaN;

export interface Expected {
  calls: number;
  long: number;
  minutes: number;
  leads: number;
  targeted: number;
  booked: number;
  confirmed: number;
  held: number;
  heldWon: number;
  sales: number;
  revenue: number;
}

/** The independent count: per SDR ("" = no SDR) and month ("all" = whole range). */
export function independent(lang: RolesLang, seed: number) {
  const wb = generateRolesWorkbook({ seed, lang });
  const [teamTab, callsTab, dealsTab] = wb.tabs;
  const [rep, role] = teamTab.values[0] as string[];
  const sdrs = new Set(
    rows(teamTab.values)
      .filter((r) => r[role] === teamTab.values[1]?.[1])
      .map((r) => r[rep] as string),
  );
  const h = dealsTab.values[0] as string[];
  const [
    ,
    created,
    owner,
    bookedBy,
    ,
    client,
    status,
    booked,
    confirmed,
    held,
    proposal,
    paid,
    amount,
    targeted,
  ] = h;
  const [callDate, callRep, callDuration] = callsTab.values[0] as string[];
  const won = (r: Record<string, unknown>) => r[paid] instanceof Date;
  const cells = new Map<string, Expected>();
  const at = (who: string, m: string) => {
    const k = `${who}|${m}`;
    let e = cells.get(k);
    if (!e) {
      e = {
        calls: 0,
        long: 0,
        minutes: 0,
        leads: 0,
        targeted: 0,
        booked: 0,
        confirmed: 0,
        held: 0,
        heldWon: 0,
        sales: 0,
        revenue: 0,
      };
      cells.set(k, e);
    }
    return e;
  };
  for (const c of rows(callsTab.values)) {
    const who = c[callRep] as string;
    if (!sdrs.has(who)) continue;
    for (const m of [month(c[callDate]), "all"]) {
      const e = at(who, m);
      e.calls++;
      e.minutes += (c[callDuration] as number) / 60;
      if ((c[callDuration] as number) >= 60) e.long++;
    }
  }
  const deals = rows(dealsTab.values);
  for (const d of deals) {
    const by =
      (d[bookedBy] as string) || (sdrs.has(d[owner] as string) ? (d[owner] as string) : "");
    if (by !== "")
      for (const m of [month(d[created]), "all"]) {
        const e = at(by, m);
        e.leads++;
        if (d[targeted] === (lang === "ru" ? "Да" : lang === "uk" ? "Так" : "Yes")) e.targeted++;
      }
    if (!(d[booked] instanceof Date)) continue;
    for (const m of [month(d[booked]), "all"]) {
      const e = at(by, m);
      e.booked++;
      if (d[confirmed] instanceof Date) e.confirmed++;
      if (d[held] instanceof Date) e.held++;
      if (d[held] instanceof Date && won(d)) e.heldWon++;
      if (won(d)) {
        e.sales++;
        e.revenue += d[amount] as number;
      }
    }
  }
  return {
    wb,
    sdrs,
    cells,
    deals,
    cols: {
      created,
      owner,
      bookedBy,
      client,
      status,
      booked,
      confirmed,
      held,
      proposal,
      paid,
      amount,
    },
  };
}

export function report(lang: RolesLang, seed: number, plantMonth?: number) {
  const wb = generateRolesWorkbook({ seed, lang, plantMonth });
  const { model } = buildModel(wb.tabs, { timeZone: "UTC" });
  return { wb, model, plan: planReport(model, { lang, period: "month" }) };
}

export function col(b: Block, header: string): number {
  const i = b.header.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${b.header.join(", ")}`);
  return i;
}
