/**
 * The Roles sheet (SPEC §7) on generated workbooks. Every figure is checked against an
 * independent count: plain loops over the generated raw rows (roles-support.ts), not through
 * the model, the context or the roles code.
 */
import { describe, expect, it } from "vitest";
import type { RolesLang } from "../../src/generate/roles";
import { t } from "../../src/report/i18n";
import { rt } from "../../src/report/rolesI18n";
import type { Block } from "../../src/report/types";
import { block, col, DAY, dayOf, type Expected, independent, report } from "./roles-support";

describe("Roles sheet figures equal an independent count of the generated rows", () => {
  const lang: RolesLang = "ru";
  const seed = 3;
  const { plan } = report(lang, seed);
  const ind = independent(lang, seed);

  it("SDR table over the whole range, one row per SDR and one for bookings without an SDR", () => {
    const b = block(plan, "roles.sdr") as Block;
    const c = (key: Parameters<typeof rt>[1]) => col(b, rt(lang, key));
    expect(b.rows.map((r) => r[0])).toEqual([...[...ind.sdrs].sort(), rt(lang, "noSdr")]);
    for (const r of b.rows) {
      const who = r[0] === rt(lang, "noSdr") ? "" : (r[0] as string);
      const e = ind.cells.get(`${who}|all`) as Expected;
      if (who !== "") {
        expect(r[col(b, t(lang, "calls"))]).toBe(e.calls);
        expect(r[col(b, t(lang, "longCalls", { sec: 60 }))]).toBe(e.long);
        expect(r[col(b, t(lang, "minutes"))]).toBeCloseTo(e.minutes, 1);
        expect(r[col(b, t(lang, "leads"))]).toBe(e.leads);
        expect(r[col(b, t(lang, "targeted"))]).toBe(e.targeted);
        expect(r[c("callsPerBooked")]).toBeCloseTo(e.calls / e.booked, 2);
      } else {
        expect(r[col(b, t(lang, "calls"))]).toBeNull();
      }
      expect(r[c("booked")]).toBe(e.booked);
      expect(r[c("confirmed")]).toBe(e.confirmed);
      expect(r[c("held")]).toBe(e.held);
      expect(r[c("bookedConfirmed")]).toBeCloseTo(e.confirmed / e.booked, 9);
      expect(r[c("confirmedHeld")]).toBeCloseTo(e.held / e.confirmed, 9);
      expect(r[c("heldSale")]).toBeCloseTo(e.heldWon / e.held, 9);
      expect(r[c("salesFromBooked")]).toBe(e.sales);
      expect(r[c("revenueFromBooked")]).toBe(e.revenue);
    }
  });

  it("SDR table per period (a booking in its booked date's month); no conversion above 100%", () => {
    const b = block(plan, "roles.sdrByPeriod") as Block;
    const months = [...new Set([...ind.cells.keys()].map((k) => k.split("|")[1]))]
      .filter((m) => m !== "all")
      .sort();
    const labels = [...new Set(b.rows.map((r) => r[0]))];
    expect(labels.length).toBe(months.length);
    for (const r of b.rows) {
      const m = months[labels.indexOf(r[0])];
      const who = r[1] === rt(lang, "noSdr") ? "" : (r[1] as string);
      const e = ind.cells.get(`${who}|${m}`) as Expected;
      expect([r[col(b, rt(lang, "booked"))], r[col(b, rt(lang, "held"))]]).toEqual([
        e.booked,
        e.held,
      ]);
      expect(r[col(b, rt(lang, "salesFromBooked"))]).toBe(e.sales);
      if (who !== "") expect(r[col(b, t(lang, "longCalls", { sec: 60 }))]).toBe(e.long);
      b.formats.forEach((f, i) => {
        if (f === "percent" && r[i] !== null) expect(r[i] as number).toBeLessThanOrEqual(1);
      });
    }
  });

  it("per working day against the norms, with the norms in the headers", () => {
    const b = block(plan, "roles.daily") as Block;
    expect(b.header.some((h) => h.includes("80–100"))).toBe(true);
    expect(b.header.some((h) => h.includes("3–5"))).toBe(true);
    const months = [...new Set(b.rows.map((r) => r[0]))];
    for (const r of b.rows) {
      const m = [...new Set([...ind.cells.keys()].map((k) => k.split("|")[1]))]
        .filter((x) => x !== "all")
        .sort()[months.indexOf(r[0])];
      const [y, mo] = (m as string).split("-").map(Number) as [number, number];
      let wd = 0;
      for (let t = Date.UTC(y, mo - 1, 1); t < Date.UTC(y, mo, 1); t += DAY) {
        const w = new Date(t).getUTCDay();
        if (w !== 0 && w !== 6) wd++;
      }
      const e = ind.cells.get(`${r[1]}|${m}`) as Expected;
      expect(r[2]).toBe(wd);
      expect(r[3]).toBeCloseTo(e.long / wd, 2);
      expect(r[4]).toBeCloseTo(e.booked / wd, 2);
      expect(r[5]).toBeCloseTo(e.held / wd, 2);
    }
  });

  it("hunter table: held, proposals and sales by their own dates; held → sale per held meeting", () => {
    const b = block(plan, "roles.hunter") as Block;
    const { deals, cols } = ind;
    const total = (hunter: string) =>
      b.rows.find((r) => r[0] === t(lang, "total") && r[1] === hunter);
    for (const hunter of ind.wb.expected.hunters) {
      const own = deals.filter((d) => d[cols.owner] === hunter);
      const heldRows = own.filter((d) => d[cols.held] instanceof Date);
      const won = own.filter((d) => d[cols.paid] instanceof Date);
      const revenue = won.reduce((s, d) => s + (d[cols.amount] as number), 0);
      const r = total(hunter) as unknown[];
      expect(r[col(b, rt(lang, "held"))]).toBe(heldRows.length);
      expect(r[col(b, rt(lang, "proposals"))]).toBe(
        own.filter((d) => d[cols.proposal] instanceof Date).length,
      );
      expect(r[col(b, t(lang, "sales"))]).toBe(won.length);
      expect(r[col(b, rt(lang, "heldSale"))]).toBeCloseTo(
        heldRows.filter((d) => d[cols.paid] instanceof Date).length / heldRows.length,
        9,
      );
      expect(r[col(b, t(lang, "revenue"))]).toBe(revenue);
      expect(r[col(b, t(lang, "avgCheck"))]).toBeCloseTo(revenue / won.length, 2);
    }
  });

  it("farmer table: repeat clients, repeat sales, their revenue and share, average checks", () => {
    const b = block(plan, "roles.farmer") as Block;
    const { deals, cols } = ind;
    const won = deals
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d[cols.paid] instanceof Date)
      .sort((a, b) => dayOf(a.d[cols.paid]) - dayOf(b.d[cols.paid]) || a.i - b.i);
    const seen = new Set<unknown>();
    const repeat = new Set<Record<string, unknown>>();
    for (const { d } of won) {
      if (seen.has(d[cols.client])) repeat.add(d);
      seen.add(d[cols.client]);
    }
    const farmer = ind.wb.expected.farmers[0] as string;
    const mine = won.map((x) => x.d).filter((d) => d[cols.owner] === farmer);
    const rep = mine.filter((d) => repeat.has(d));
    const fresh = mine.filter((d) => !repeat.has(d));
    const sum = (xs: Record<string, unknown>[]) =>
      xs.reduce((s, d) => s + (d[cols.amount] as number), 0);
    const r = b.rows.find((x) => x[0] === t(lang, "total")) as unknown[];
    expect(r[2]).toBe(new Set(rep.map((d) => d[cols.client])).size);
    expect(r[3]).toBe(rep.length);
    expect(r[4]).toBe(sum(rep));
    expect(r[5]).toBeCloseTo(sum(rep) / sum(won.map((x) => x.d)), 9);
    expect(r[6]).toBeCloseTo(sum(rep) / rep.length, 2);
    if (fresh.length > 0) expect(r[7]).toBeCloseTo(sum(fresh) / fresh.length, 2);
  });

  it("a rep with no role is left off the Roles sheet and reported as before", () => {
    const noRole = ind.wb.expected.noRole;
    const sheet = plan.sheets.find((s) => s.key === "roles");
    for (const b of sheet?.blocks ?? [])
      for (const r of b.rows) expect(r.slice(0, 2)).not.toContain(noRole);
    const kpi = plan.sheets.find((s) => s.key === "kpi");
    expect(JSON.stringify(kpi)).toContain(noRole);
  });
});
