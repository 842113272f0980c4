/**
 * Real CRM and telephony exports (../shared/datasets/realworld, SPEC §3): one test per file.
 * Every expected figure is computed in the test from the file itself with plain CSV reading
 * (test/support/plainCsv.ts) or ExcelJS cell values, never through our readers or model.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";
import { buildModel, detectTab, hasNoHeaderRow } from "../../src/model/index";
import type { Model, RawTab } from "../../src/model/types";
import { DATASETS } from "../support/datasets";
import {
  callFigures,
  countsFromIndexes,
  expectSoundFunnel,
  revenueByCurrency,
  roundValues,
  sortedSet,
  stageCounts,
  statusCounts,
} from "../support/modelFigures";
import { readCsv } from "../support/plainCsv";

const ROOT = DATASETS;
const RW = `${ROOT}/realworld`;

async function built(...files: string[]): Promise<{ model: Model; tabs: RawTab[] }> {
  const tabs: RawTab[] = [];
  for (const f of files) tabs.push(...(await readInput(f)));
  return { model: buildModel(tabs, { timeZone: "UTC" }).model, tabs };
}

const last = <T>(list: T[]): T => list[list.length - 1];
const money = (s: string) => Number(s.replace(/[$,\s]/g, "")) || 0;

function sumBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => number) {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + value(r);
  return roundValues(out);
}

describe("real exports give the right numbers", () => {
  it("Zoho Potentials.csv: Zoho's pipeline from Stage, Yes/No columns never stages", async () => {
    const f = `${RW}/zoho-crm/Potentials.csv`;
    const rows = readCsv(f);
    const { model } = await built(f);
    expectSoundFunnel(model);
    const order = [
      "Prospect",
      "Qualification",
      "Needs Analysis",
      "Initial Offer",
      "Proposal/Price Quote",
      "Negotiation/Review",
      "Closed Won",
    ];
    expect(model.stages).toEqual(order);
    const won = rows.filter((r) => r.Stage === "Closed Won");
    const lost = rows.filter((r) => r.Stage.startsWith("Closed Lost"));
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost: lost.length,
      open: rows.length - won.length - lost.length,
    });
    // A deal reached its stage and every earlier one; a lost one counts at the top only.
    const idx = rows.map((r) => (lost.includes(r) ? 0 : order.indexOf(r.Stage)));
    expect(stageCounts(model)).toEqual(countsFromIndexes(idx, order.length));
    expect(revenueByCurrency(model)).toEqual(
      sumBy(
        won,
        () => "USD",
        (r) => money(r.Amount),
      ),
    );
    expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
      sortedSet(rows.map((r) => r["Potential Owner"])),
    );
  });

  it("Zoho Leads.csv alone: CONVERTED reaches Converted lead, never a sale", async () => {
    const f = `${RW}/zoho-crm/Leads.csv`;
    const rows = readCsv(f);
    const { model } = await built(f);
    expectSoundFunnel(model);
    expect(model.deals.length).toBe(rows.length);
    // Zoho's leads module: a converted lead became a contact and a potential, not a sale (the
    // sales are in Potentials.csv). The same last stage as Leads + Potentials linked.
    expect(last(model.stages)).toBe("Converted lead");
    const converted = rows.filter((r) => r.CONVERTED === "Yes").length;
    expect(last(stageCounts(model))).toBe(converted);
    const lost = rows.filter((r) => /^(Lost|Junk) Lead$/.test(r["Lead Status"])).length;
    expect(statusCounts(model)).toEqual({ won: 0, lost, open: rows.length - lost });
    expect(revenueByCurrency(model)).toEqual({});
    expect(model.deals.filter((d) => d.closed !== null).length).toBe(0);
    expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
      sortedSet(rows.map((r) => r["Lead Owner"])),
    );
  });

  it("Zoho Calls.csv: calls per owner, calls of 60 s and more, minutes", async () => {
    const f = `${RW}/zoho-crm/Calls.csv`;
    const rows = readCsv(f);
    const { model } = await built(f);
    const expected: Record<string, [number, number, number]> = {};
    for (const r of rows) {
      const s = Number(r["Call Duration (in seconds)"]);
      expected[r["Call Owner"]] ??= [0, 0, 0];
      const e = expected[r["Call Owner"]];
      e[0]++;
      if (s >= 60) e[1]++;
      e[2] += s / 60;
    }
    for (const e of Object.values(expected)) e[2] = Math.round(e[2] * 100) / 100;
    expect(callFigures(model)).toEqual(expected);
  });

  for (const org of ["salesforce-winkel", "salesforce-devorg-sample"]) {
    it(`${org}/Opportunity.csv: StageSortOrder, IsWon/IsClosed, revenue per CurrencyIsoCode`, async () => {
      const f = `${RW}/${org}/Opportunity.csv`;
      const rows = readCsv(f, { encoding: "latin1" });
      const { model } = await built(f);
      expectSoundFunnel(model);
      const won = rows.filter((r) => r.IsWon === "1");
      const lost = rows.filter((r) => r.IsClosed === "1" && r.IsWon !== "1");
      expect(statusCounts(model)).toEqual({
        won: won.length,
        lost: lost.length,
        open: rows.length - won.length - lost.length,
      });
      // The pipeline in StageSortOrder (open stages), then the won stage.
      const open = rows.filter((r) => r.IsClosed !== "1");
      const sort = new Map(open.map((r) => [r.StageName, Number(r.StageSortOrder)]));
      const order = [...sort.keys()].sort((a, b) => (sort.get(a) ?? 0) - (sort.get(b) ?? 0));
      order.push(won[0].StageName);
      expect(model.stages).toEqual(order);
      const idx = rows.map((r) =>
        r.IsWon === "1" ? order.length - 1 : r.IsClosed === "1" ? 0 : order.indexOf(r.StageName),
      );
      expect(stageCounts(model)).toEqual(countsFromIndexes(idx, order.length));
      expect(revenueByCurrency(model)).toEqual(
        sumBy(
          won,
          (r) => r.CurrencyIsoCode ?? "",
          (r) => Number(r.Amount || 0),
        ),
      );
      expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
        sortedSet(rows.map((r) => r.OwnerId)),
      );
    });

    it(`${org}/OpportunityHistory.csv: a stage log of OpportunityId, not of its own Id`, async () => {
      const f = `${RW}/${org}/OpportunityHistory.csv`;
      const rows = readCsv(f, { encoding: "latin1" });
      const { model, tabs } = await built(f);
      expect(detectTab(tabs[0])?.kind).toBe("stageLog");
      expectSoundFunnel(model);
      const opps = new Set(rows.map((r) => r.OpportunityId));
      expect(model.deals.length).toBe(opps.size);
      const wonIds = new Set(
        rows.filter((r) => r.StageName === "Closed Won").map((r) => r.OpportunityId),
      );
      expect(statusCounts(model).won).toBe(wonIds.size);
      const lostIds = new Set(
        rows.filter((r) => r.StageName === "Closed Lost").map((r) => r.OpportunityId),
      );
      expect(statusCounts(model).lost).toBe([...lostIds].filter((id) => !wonIds.has(id)).length);
      // Stages as the CRM names them: every value of StageName but the lost one.
      expect(model.stages.slice().sort()).toEqual(
        sortedSet(rows.map((r) => r.StageName).filter((s) => s !== "Closed Lost")),
      );
      expect(last(model.stages)).toBe("Closed Won");
      // In the CRM's own order: the history says nothing of it, so it is inferred; it must be the
      // order Opportunity.csv's StageSortOrder gives (read here by plain CSV) for open stages.
      const opps2 = readCsv(`${RW}/${org}/Opportunity.csv`, { encoding: "latin1" });
      const sortOrder = new Map(opps2.map((r) => [r.StageName, Number(r.StageSortOrder)]));
      const ranked = model.stages.filter((s) => sortOrder.has(s) && s !== "Closed Won");
      expect(ranked).toEqual(
        ranked.slice().sort((a, b) => (sortOrder.get(a) ?? 0) - (sortOrder.get(b) ?? 0)),
      );
      expect(ranked.length).toBeGreaterThan(3);
      // A deal counts at every stage it entered (and the ones above it).
      const counts = stageCounts(model);
      model.stages.forEach((s, i) => {
        const entered = new Set(rows.filter((r) => r.StageName === s).map((r) => r.OpportunityId));
        expect(counts[i]).toBeGreaterThanOrEqual(entered.size);
      });
      expect(last(counts)).toBe(wonIds.size);
    });
  }

  for (const file of [
    "hubspot-crm-exports-all-deals-2023-04-03.csv",
    "hubspot-crm-exports-all-deals-2023-05-16.csv",
  ]) {
    it(`HubSpot ${file}: custom stages; Close Date, Last Modified, Next Activity are not stages`, async () => {
      const f = `${RW}/hubspot-deals/${file}`;
      const rows = readCsv(f);
      const { model, tabs } = await built(f);
      expectSoundFunnel(model);
      expect(model.deals.length).toBe(rows.length);
      // A custom pipeline whose order the export does not carry: the order is said to be a guess.
      expect(buildModel(tabs, { timeZone: "UTC" }).stageSource.order.from).toBe("appearance");
      const won = rows.filter((r) => r["Deal Stage"] === "Closed: won");
      const lost = rows.filter((r) => /^Closed: (lost|abandoned)$/.test(r["Deal Stage"]));
      expect(statusCounts(model)).toEqual({
        won: won.length,
        lost: lost.length,
        open: rows.length - won.length - lost.length,
      });
      // Every stage is a value of Deal Stage; every open value is a stage.
      const values = new Set(rows.map((r) => r["Deal Stage"]));
      for (const s of model.stages) expect(values.has(s)).toBe(true);
      const openValues = sortedSet(
        rows.map((r) => r["Deal Stage"]).filter((s) => !s.startsWith("Closed")),
      );
      expect(model.stages.slice(0, -1).sort()).toEqual(openValues);
      expect(last(model.stages)).toBe("Closed: won");
      expect(last(stageCounts(model))).toBe(won.length);
      expect(revenueByCurrency(model)).toEqual(
        sumBy(
          won,
          () => "",
          (r) => money(r.Amount),
        ),
      );
      expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
        sortedSet(rows.map((r) => r["Deal owner"])),
      );
    });
  }

  it("HubSpot 2023-05-16: the client is Associated Company, not the date column Last Contacted; one pipeline", async () => {
    const f = `${RW}/hubspot-deals/hubspot-crm-exports-all-deals-2023-05-16.csv`;
    const rows = readCsv(f);
    const { model, tabs } = await built(f);
    const d = detectTab(tabs[0] as RawTab);
    expect(d?.columns.client?.header).toBe("Associated Company");
    expect(d?.columns.pipeline?.header).toBe("Pipeline");
    expect(model.deals.map((x) => x.client)).toEqual(rows.map((r) => r["Associated Company"]));
    // "Sales Pipeline" and one blank cell: one pipeline, every deal kept.
    expect(sortedSet(rows.map((r) => r.Pipeline))).toEqual(["Sales Pipeline"]);
    expect(rows.filter((r) => r.Pipeline === "").length).toBe(1);
    expect(model.pipelines).toBeUndefined();
    expect(model.deals.length).toBe(rows.length);
  });

  it("Bitrix24 REST dump: ISO dates with offsets, ASSIGNED_BY_ID, WON codes and CLOSED=Y", async () => {
    const f = `${RW}/bitrix24-rest-dump/deals.csv`;
    const all = readCsv(f);
    // Plain reading: a STAGE_ID without a "C<n>:" prefix is the default pipeline, the one with
    // the most deals; "Выдано" is its sale, CLOSED=Y and not sold is lost.
    const rows = all.filter((r) => !/^C\d+:/.test(r.STAGE_ID));
    expect(rows.length).toBeGreaterThan(all.length / 2);
    const { model } = await built(f);
    expectSoundFunnel(model);
    expect(model.deals.length).toBe(rows.length);
    expect(stageCounts(model)[0]).toBe(rows.length);
    const isWon = (r: Record<string, string>) => r.STAGE_ID === "Выдано";
    const won = rows.filter(isWon);
    const lost = rows.filter((r) => r.CLOSED === "Y" && !isWon(r));
    expect(won.length).toBe(45);
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost: lost.length,
      open: rows.length - won.length - lost.length,
    });
    expect(last(stageCounts(model))).toBe(won.length);
    expect(revenueByCurrency(model)).toEqual(
      sumBy(
        won,
        () => "",
        (r) => Number(r.OPPORTUNITY),
      ),
    );
    expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
      sortedSet(rows.map((r) => r.ASSIGNED_BY_ID)),
    );
    // Created dates read, offsets and all: as many as the file has.
    expect(model.deals.filter((d) => d.created !== null).length).toBe(
      rows.filter((r) => r.DATE_CREATE !== "").length,
    );
    // No stage of another pipeline, and each of their deals listed in the data check.
    expect(model.stages.some((s) => /^C\d+:/.test(s))).toBe(false);
    const others = model.issues.filter((i) => i.reason === "otherPipeline");
    expect(others.length).toBe(all.length - rows.length);
    expect(sortedSet(others.map((i) => i.detail ?? ""))).toEqual(
      sortedSet(all.filter((r) => !rows.includes(r)).map((r) => r.STAGE_ID.split(":")[0])),
    );
  });

  it("Bitrix24 REST dump, pipeline C6: its codes in Bitrix24's order, C6:WON the sale", async () => {
    const f = `${RW}/bitrix24-rest-dump/deals.csv`;
    const rows = readCsv(f).filter((r) => r.STAGE_ID.startsWith("C6:"));
    const tabs = await readInput(f);
    const { model } = buildModel(tabs, { timeZone: "UTC", pipeline: "C6" });
    expectSoundFunnel(model);
    expect(stageCounts(model)[0]).toBe(rows.length);
    const won = rows.filter((r) => r.STAGE_ID === "C6:WON");
    expect(statusCounts(model).won).toBe(won.length);
    expect(last(stageCounts(model))).toBe(won.length);
    expect(revenueByCurrency(model)).toEqual(
      sumBy(
        won,
        () => "",
        (r) => Number(r.OPPORTUNITY),
      ),
    );
    // Standard codes by their names, in Bitrix24's order; custom codes as written, by number.
    const custom = sortedSet(rows.map((r) => r.STAGE_ID).filter((s) => /^C6:\d+$/.test(s))).sort(
      (a, b) => Number(a.slice(3)) - Number(b.slice(3)),
    );
    expect(model.stages).toEqual([
      "Новая",
      "Подготовка документов",
      "Счёт на предоплату",
      "Финальный счёт",
      ...custom,
      "Сделка успешна",
    ]);
  });

  it("X-Education Leads.csv: Lead → Converted; marketing Yes/No flags are not stages", async () => {
    const f = `${RW}/kaggle-x-education-leads/Leads.csv`;
    const rows = readCsv(f);
    const { model } = await built(f);
    expectSoundFunnel(model);
    const converted = rows.filter((r) => r.Converted === "1").length;
    expect(model.stages.length).toBe(2);
    expect(model.stages[1]).toBe("Converted");
    expect(stageCounts(model)).toEqual([rows.length, converted]);
    expect(statusCounts(model)).toEqual({ won: converted, lost: 0, open: rows.length - converted });
  });

  it("Asterisk Master.csv is named as having no header row", async () => {
    const { tabs } = await built(`${RW}/asterisk-cdr/Master.csv`);
    expect(detectTab(tabs[0])).toBeNull();
    expect(hasNoHeaderRow(tabs[0])).toBe(true);
  });

  it("PwC call-centre .xlsx: Agent, date and time columns, talk time as a time serial", async () => {
    const f = `${RW}/pwc-call-center/01 Call-Center-Dataset.xlsx`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const at = (name: string) => header.indexOf(name);
    const expected: Record<string, [number, number, number]> = {};
    let calls = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      calls++;
      const talk = v[at("AvgTalkDuration")];
      const s =
        talk instanceof Date ? Math.round((talk.getTime() - Date.UTC(1899, 11, 30)) / 1000) : 0;
      const agent = String(v[at("Agent")]);
      expected[agent] ??= [0, 0, 0];
      const e = expected[agent];
      e[0]++;
      if (s >= 60) e[1]++;
      e[2] += s / 60;
    });
    for (const e of Object.values(expected)) e[2] = Math.round(e[2] * 100) / 100;
    const { model } = await built(f);
    expect(model.calls.length).toBe(calls);
    expect(callFigures(model)).toEqual(expected);
    // The time column gives the hour of the call.
    expect(model.calls.some((c) => c.at % 86_400_000 !== 0)).toBe(true);
  });

  it("Maven's four files at once: 8,800 opportunities; accounts, products, teams are reference", async () => {
    const dir = `${ROOT}/maven-crm`;
    const rows = readCsv(`${dir}/sales_pipeline.csv`);
    const { model } = await built(
      `${dir}/accounts.csv`,
      `${dir}/products.csv`,
      `${dir}/sales_pipeline.csv`,
      `${dir}/sales_teams.csv`,
    );
    expectSoundFunnel(model);
    expect(model.deals.length).toBe(8800);
    expect(model.stages).toEqual(["Opportunity", "Engaged", "Closed", "Won"]);
    expect(stageCounts(model)).toEqual([
      rows.length,
      rows.filter((r) => r.engage_date !== "").length,
      rows.filter((r) => r.close_date !== "").length,
      rows.filter((r) => r.deal_stage === "Won").length,
    ]);
    expect(revenueByCurrency(model)).toEqual(
      sumBy(
        rows.filter((r) => r.deal_stage === "Won"),
        () => "",
        (r) => Number(r.close_value),
      ),
    );
  });
});
