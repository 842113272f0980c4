/**
 * The Roles sheet (SPEC §7) on generated workbooks. Every figure is checked against an
 * independent count: plain loops over the generated raw rows (the Team, Calls and Deals tabs as
 * generated), not through the model, the context or the roles code.
 */
import { describe, expect, it } from "vitest";
import { generateRolesWorkbook, type RolesLang } from "../../src/generate/roles";
import { buildModel } from "../../src/model/index";
import { t } from "../../src/report/i18n";
import { planReport } from "../../src/report/plan";
import { ROLE_LABELS, rt } from "../../src/report/rolesI18n";
import type { Block, ReportPlan } from "../../src/report/types";

const DAY = 86_400_000;

function block(plan: ReportPlan, id: string): Block | undefined {
  for (const s of plan.sheets) for (const b of s.blocks) if (b.id === id) return b;
  return undefined;
}

/** The generated rows as plain records (header text → cell), with the tab's own header words. */
function rows(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rest] = values as [string[], ...unknown[][]];
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const month = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 7) : "");
const dayOf = (d: unknown) => (d instanceof Date ? Math.floor(d.getTime() / DAY) : Number.NaN);

interface Expected {
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
function independent(lang: RolesLang, seed: number) {
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

function report(lang: RolesLang, seed: number, plantMonth?: number) {
  const wb = generateRolesWorkbook({ seed, lang, plantMonth });
  const { model } = buildModel(wb.tabs, { timeZone: "UTC" });
  return { wb, model, plan: planReport(model, { lang, period: "month" }) };
}

function col(b: Block, header: string): number {
  const i = b.header.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${b.header.join(", ")}`);
  return i;
}

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
        expect(r[col(b, "Звонки")]).toBe(e.calls);
        expect(r[col(b, "Звонки ≥ 60 с")]).toBe(e.long);
        expect(r[col(b, "Минуты на линии")]).toBeCloseTo(e.minutes, 1);
        expect(r[col(b, "Новые лиды")]).toBe(e.leads);
        expect(r[col(b, "Целевые")]).toBe(e.targeted);
        expect(r[c("callsPerBooked")]).toBeCloseTo(e.calls / e.booked, 2);
      } else {
        expect(r[col(b, "Звонки")]).toBeNull();
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
      if (who !== "") expect(r[col(b, "Звонки ≥ 60 с")]).toBe(e.long);
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
    const total = (hunter: string) => b.rows.find((r) => r[0] === "Итого" && r[1] === hunter);
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
      expect(r[col(b, "Продажи")]).toBe(won.length);
      expect(r[col(b, rt(lang, "heldSale"))]).toBeCloseTo(
        heldRows.filter((d) => d[cols.paid] instanceof Date).length / heldRows.length,
        9,
      );
      expect(r[col(b, "Выручка")]).toBe(revenue);
      expect(r[col(b, "Средний чек")]).toBeCloseTo(revenue / won.length, 2);
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
    const r = b.rows.find((x) => x[0] === "Итого") as unknown[];
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

describe("diagnosis", () => {
  const names = (lang: RolesLang) =>
    Object.fromEntries(
      (["fewBooked", "bookedNotHeld", "heldNotPaid"] as const).map((s) => [
        rt(lang, `sit.${s}`),
        s,
      ]),
    );

  for (const [lang, seed] of [
    ["ru", 1],
    ["uk", 2],
    ["en", 5],
  ] as const) {
    it(`names each planted situation for the right SDR and only that (${lang}, seed ${seed})`, () => {
      const { wb, plan } = report(lang, seed);
      const b = block(plan, "roles.diagnosis") as Block;
      const sit = names(lang);
      const found = new Map<string, string[]>();
      for (const r of b.rows) {
        const s = sit[r[1] as string];
        found.set(r[0] as string, [...(found.get(r[0] as string) ?? []), ...(s ? [s] : [])]);
      }
      for (const p of wb.expected.planted) expect(found.get(p.sdr)).toEqual([p.situation]);
      expect(found.get(wb.expected.sdrs[3] as string)).toEqual([]);
      // The team's own numbers may show a situation only where one was planted.
      const planted = new Set(wb.expected.planted.map((p) => p.situation));
      for (const s of found.get(t(lang, "team")) ?? []) expect(planted).toContain(s);
      expect(b.title).toContain("2026-03");
    });
  }

  it("names nothing when nothing was planted", () => {
    const { plan } = report("ru", 4, -1);
    const b = block(plan, "roles.diagnosis") as Block;
    expect(new Set(b.rows.map((r) => r[1]))).toEqual(new Set([rt("ru", "sit.none")]));
  });

  it("lists the held-but-lost deals booked by the SDR with few payments, by id", () => {
    const seed = 1;
    const { wb, plan } = report("ru", seed);
    const ind = independent("ru", seed);
    const { deals, cols } = ind;
    const sdr = wb.expected.planted.find((p) => p.situation === "heldNotPaid")?.sdr;
    // W: the 80th percentile of days from lead to payment over won deals (linear interpolation).
    const cycle = deals
      .filter((d) => d[cols.paid] instanceof Date)
      .map((d) => dayOf(d[cols.paid]) - dayOf(d[cols.created]))
      .sort((a, b) => a - b);
    const hq = (cycle.length - 1) * 0.8;
    const lo = Math.floor(hq);
    const w = Math.ceil(cycle[lo] + (hq - lo) * ((cycle[lo + 1] ?? cycle[lo]) - cycle[lo]));
    const want = deals
      .filter(
        (d) =>
          (d[cols.bookedBy] || d[cols.owner]) === sdr &&
          month(d[cols.booked]) === wb.expected.plantMonth &&
          d[cols.held] instanceof Date &&
          dayOf(d[cols.held]) - dayOf(d[cols.booked]) <= w &&
          d[cols.status] === "Отказ",
      )
      .map((d) => d["ID сделки"]);
    const b = block(plan, "roles.listen") as Block;
    expect(b.rows.filter((r) => r[0] === sdr).map((r) => r[1])).toEqual(want);
    expect(want.length).toBeGreaterThan(5);
  });
});

describe("labels", () => {
  it("every Roles label exists in en, ru and uk with the same placeholders", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, loc] of Object.entries(ROLE_LABELS)) {
      for (const lang of ["en", "ru", "uk"] as const) {
        expect(loc[lang].trim(), `${key}.${lang}`).not.toBe("");
        expect(names(loc[lang]), `${key}.${lang}`).toEqual(names(loc.en));
      }
    }
  });

  it.each([
    ["en", "Roles", "SDR"],
    ["ru", "Роли", "Лидоруб"],
    ["uk", "Ролі", "Лідоруб"],
  ] as const)("%s: the sheet is “%s” and its first table is by %s", (lang, name, first) => {
    const { plan } = report(lang, 2);
    const sheet = plan.sheets.find((s) => s.key === "roles");
    expect(sheet?.name).toBe(name);
    expect(sheet?.blocks[0]?.header[0]).toBe(first);
    expect(sheet?.blocks.map((x) => x.id)).toEqual([
      "roles.sdr",
      "roles.sdrByPeriod",
      "roles.daily",
      "roles.sources",
      "roles.hunter",
      "roles.farmer",
      "roles.diagnosis",
      "roles.listen",
    ]);
  });

  it("a workbook without a team tab or a booked-by column has no Roles sheet", () => {
    const { wb } = report("en", 1);
    const { model } = buildModel(
      [wb.tabs[1] as never, wb.tabs[2] as never].map(
        (t: { name: string; values: unknown[][] }) => ({
          name: t.name,
          values: t.values.map((r) => r.filter((_, i) => t.name !== "Deals" || i !== 3)),
        }),
      ),
      { timeZone: "UTC" },
    );
    const plan = planReport(model, { lang: "en", period: "month" });
    expect(plan.sheets.map((s) => s.key)).not.toContain("roles");
  });
});

describe("small workbooks", () => {
  const D = (s: string) => new Date(`${s}T10:00:00Z`);
  it("a booked-by column and one meeting date: bookings are the meetings held, per SDR", () => {
    const { model } = buildModel(
      [
        {
          name: "Deals",
          values: [
            ["Deal ID", "Created", "Owner", "Set by", "Meeting date", "Status", "Amount"],
            ["1", D("2026-03-02"), "Hal", "Sam", D("2026-03-04"), "Won", 100],
            ["2", D("2026-03-02"), "Hal", "Sam", D("2026-03-05"), "Lost", 200],
            ["3", D("2026-03-03"), "Hal", "", D("2026-03-06"), "Won", 300],
            ["4", D("2026-03-03"), "Hal", "Sue", "", "Lost", 400],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    const plan = planReport(model, { lang: "en", period: "month" });
    const b = block(plan, "roles.sdr") as Block;
    const c = (h: string) => b.header.indexOf(h);
    // Sue named a deal with no meeting: a lead of hers, not a booking.
    expect(
      b.rows.map((r) => [
        r[0],
        r[c("New leads")],
        r[c("Meetings booked")],
        r[c("Held")],
        r[c("Sales from own bookings")],
      ]),
    ).toEqual([
      ["Sam", 2, 2, 2, 1],
      ["Sue", 1, 0, 0, 0],
      ["(no SDR)", null, 1, 1, 1],
    ]);
    expect(block(plan, "roles.hunter")).toBeUndefined();
  });
});

describe("meeting steps as checkboxes or stage-log entries", () => {
  const D = (s: string) => new Date(`${s}T10:00:00Z`);
  const team = {
    name: "Команда",
    values: [
      ["Сотрудник", "Роль"],
      ["Аня", "Лидоруб"],
      ["Борис", "Хантер"],
    ],
  };

  it("checkbox columns: a ticked step and every step before it", () => {
    const { model } = buildModel(
      [
        team,
        {
          name: "Сделки",
          values: [
            [
              "ID сделки",
              "Дата создания",
              "Менеджер",
              "Кто назначил",
              "Встреча назначена",
              "Встреча подтверждена",
              "Встреча проведена",
              "Статус",
            ],
            ["1", D("2026-03-02"), "Борис", "Аня", true, true, true, "Оплачено"],
            ["2", D("2026-03-03"), "Борис", "Аня", true, true, false, "Отказ"],
            ["3", D("2026-03-03"), "Борис", "Аня", true, false, false, "В работе"],
            ["4", D("2026-03-04"), "Аня", "", false, false, false, "В работе"],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    const plan = planReport(model, { lang: "ru", period: "month" });
    const b = block(plan, "roles.sdr") as Block;
    const c = (k: Parameters<typeof rt>[1]) => b.header.indexOf(rt("ru", k));
    const row = b.rows.find((r) => r[0] === "Аня") as unknown[];
    expect([
      row[c("booked")],
      row[c("confirmed")],
      row[c("held")],
      row[c("salesFromBooked")],
    ]).toEqual([3, 2, 1, 1]);
    expect(row[b.header.indexOf("Новые лиды")]).toBe(4);
  });

  it("a stage log with the three steps, roles from the team tab, booked by the owner SDR", () => {
    const log: unknown[][] = [["ID сделки", "Этап", "Дата", "Менеджер"]];
    const add = (id: string, rep: string, steps: [string, string][]) => {
      for (const [stage, day] of steps) log.push([id, stage, D(day), rep]);
    };
    add("A", "Аня", [
      ["Лид", "2026-03-02"],
      ["Встреча назначена", "2026-03-02"],
      ["Встреча подтверждена", "2026-03-03"],
      ["Встреча проведена", "2026-03-05"],
    ]);
    add("B", "Аня", [
      ["Лид", "2026-03-02"],
      ["Встреча назначена", "2026-03-04"],
    ]);
    add("C", "Борис", [
      ["Лид", "2026-03-02"],
      ["Встреча назначена", "2026-03-04"],
      ["Встреча подтверждена", "2026-03-05"],
    ]);
    const { model } = buildModel([team, { name: "История этапов", values: log }], {
      timeZone: "UTC",
    });
    expect(model.stages).toEqual([
      "Лид",
      "Встреча назначена",
      "Встреча подтверждена",
      "Встреча проведена",
    ]);
    const plan = planReport(model, { lang: "ru", period: "month" });
    const b = block(plan, "roles.sdr") as Block;
    const c = (k: Parameters<typeof rt>[1]) => b.header.indexOf(rt("ru", k));
    // A and B: owner Аня is an SDR. C: its owner is a hunter and nobody is named: no SDR.
    expect(b.rows.map((r) => [r[0], r[c("booked")], r[c("confirmed")], r[c("held")]])).toEqual([
      ["Аня", 2, 1, 1],
      [rt("ru", "noSdr"), 1, 1, 0],
    ]);
  });
});
