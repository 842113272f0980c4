/**
 * Export layouts with no public file (test/fixtures/crm, written from the conventions in issue
 * 11): amoCRM leads, Bitrix24 deal list and telephony (as Russian Excel re-saves it), Pipedrive
 * deals, Twilio calls. Expected figures come from the files by plain CSV reading.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";
import { buildModel, detectTab } from "../../src/model/index";
import type { Model, RawTab } from "../../src/model/types";
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

const DIR = resolve(__dirname, "../fixtures/crm");

async function built(file: string): Promise<{ model: Model; tabs: RawTab[] }> {
  const tabs = await readInput(`${DIR}/${file}`);
  return { model: buildModel(tabs, { timeZone: "UTC" }).model, tabs };
}

const num = (s: string) => Number(s.replace(/\s/g, "").replace(",", ".")) || 0;

function secondsInWords(s: string): number {
  let total = 0;
  for (const m of s.matchAll(/(\d+)\s*(мин|сек)/g))
    total += Number(m[1]) * (m[2] === "мин" ? 60 : 1);
  return total;
}

function expectedCalls(
  rows: Record<string, string>[],
  rep: (r: Record<string, string>) => string,
  sec: (r: Record<string, string>) => number,
) {
  const out: Record<string, [number, number, number]> = {};
  for (const r of rows) {
    out[rep(r)] ??= [0, 0, 0];
    const e = out[rep(r)];
    const s = sec(r);
    e[0]++;
    if (s >= 60) e[1]++;
    e[2] += s / 60;
  }
  for (const e of Object.values(out)) e[2] = Math.round(e[2] * 100) / 100;
  return out;
}

describe("CRM export layouts", () => {
  it("amoCRM leads: Этап сделки in amoCRM's order; «не закрыта» is not a date; edits are not stages", async () => {
    const rows = readCsv(`${DIR}/amocrm-leads.csv`, { delimiter: ";" });
    const { model } = await built("amocrm-leads.csv");
    expectSoundFunnel(model);
    expect(model.issues).toEqual([]);
    const order = [
      "Первичный контакт",
      "Переговоры",
      "Принимают решение",
      "Согласование договора",
      "Успешно реализовано",
    ];
    expect(model.stages).toEqual(order);
    const stage = (r: Record<string, string>) => r["Этап сделки"];
    const won = rows.filter((r) => stage(r) === "Успешно реализовано");
    const lost = rows.filter((r) => stage(r) === "Закрыто и не реализовано");
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost: lost.length,
      open: rows.length - won.length - lost.length,
    });
    const idx = rows.map((r) => (lost.includes(r) ? 0 : order.indexOf(stage(r))));
    expect(stageCounts(model)).toEqual(countsFromIndexes(idx, order.length));
    const revenue: Record<string, number> = { "": 0 };
    for (const r of won) revenue[""] += num(r.Бюджет);
    expect(revenueByCurrency(model)).toEqual(roundValues(revenue));
    expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
      sortedSet(rows.map((r) => r.Ответственный)),
    );
    // Closed deals keep their close date; open ones have none.
    expect(model.deals.filter((d) => d.closed !== null).length).toBe(won.length + lost.length);
  });

  it("Bitrix24 deal list CSV: BOM, quoted fields, trailing ';', Latin C in «Cчёт», Сделка закрыта", async () => {
    const rows = readCsv(`${DIR}/bitrix24-deals.csv`, { delimiter: ";" });
    const { model } = await built("bitrix24-deals.csv");
    expectSoundFunnel(model);
    const order = [
      "Новая",
      "Подготовка документов",
      "Cчёт на предоплату",
      "В работе",
      "Финальный счёт",
      "Сделка успешна",
    ];
    // Stages named as in the export, in Bitrix24's default order (only those the file holds).
    const present = new Set(rows.map((r) => r["Стадия сделки"]));
    const expectedOrder = order.filter((s) => present.has(s));
    expect(model.stages).toEqual(expectedOrder);
    const won = rows.filter((r) => r["Стадия сделки"] === "Сделка успешна");
    const lost = rows.filter((r) => r["Сделка закрыта"] === "Да" && !won.includes(r));
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost: lost.length,
      open: rows.length - won.length - lost.length,
    });
    const idx = rows.map((r) => (lost.includes(r) ? 0 : expectedOrder.indexOf(r["Стадия сделки"])));
    expect(stageCounts(model)).toEqual(countsFromIndexes(idx, expectedOrder.length));
    const revenue: Record<string, number> = {};
    for (const r of won) revenue[r.Валюта] = (revenue[r.Валюта] ?? 0) + num(r.Сумма);
    expect(revenueByCurrency(model)).toEqual(roundValues(revenue));
    expect(sortedSet(model.deals.map((d) => d.rep))).toEqual(
      sortedSet(rows.map((r) => r.Ответственный)),
    );
  });

  it("Bitrix24 telephony, Windows-1251 re-save: calls (not a stage log), durations in words, HTML spans", async () => {
    const rows = readCsv(`${DIR}/bitrix24-calls.csv`, { delimiter: ";", encoding: "cp1251" });
    const { model, tabs } = await built("bitrix24-calls.csv");
    expect(detectTab(tabs[0])?.kind).toBe("calls");
    expect(model.issues).toEqual([]);
    const rep = (r: Record<string, string>) => r.Сотрудник.replace(/<[^>]*>/g, "").trim();
    expect(callFigures(model)).toEqual(
      expectedCalls(rows, rep, (r) => secondsInWords(r["Время звонка"])),
    );
    // dd.mm.yyyy hh:mm: the minutes are kept.
    expect(model.calls.some((c) => c.at % 3_600_000 !== 0)).toBe(true);
  });

  it("Pipedrive deals: Status decides; a lost deal keeps its stage and is never won; Lost time after Won time", async () => {
    const rows = readCsv(`${DIR}/pipedrive-deals.csv`);
    const { model } = await built("pipedrive-deals.csv");
    expectSoundFunnel(model);
    const order = [
      "Qualified",
      "Contact Made",
      "Demo Scheduled",
      "Proposal Made",
      "Negotiations Started",
      "Won",
    ];
    expect(model.stages).toEqual(order);
    const status = (r: Record<string, string>) => r["Deal - Status"];
    const won = rows.filter((r) => status(r) === "Won");
    const lost = rows.filter((r) => status(r) === "Lost");
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost: lost.length,
      open: rows.length - won.length - lost.length,
    });
    const idx = rows.map((r) =>
      status(r) === "Won" ? order.length - 1 : order.indexOf(r["Deal - Stage"]),
    );
    expect(stageCounts(model)).toEqual(countsFromIndexes(idx, order.length));
    const revenue: Record<string, number> = {};
    for (const r of won)
      revenue[r["Deal - Currency"]] = (revenue[r["Deal - Currency"]] ?? 0) + num(r["Deal - Value"]);
    expect(revenueByCurrency(model)).toEqual(roundValues(revenue));
    for (const d of model.deals)
      if (d.status === "lost") expect(d.reached).toBeLessThan(order.length - 1);
  });

  it("Twilio calls (no agent column): team-level calls, RFC 2822 dates", async () => {
    const rows = readCsv(`${DIR}/twilio-calls.csv`);
    const { model, tabs } = await built("twilio-calls.csv");
    expect(detectTab(tabs[0])?.teamOnly).toBe(true);
    expect(model.issues).toEqual([]);
    expect(callFigures(model)).toEqual(
      expectedCalls(
        rows,
        () => "",
        (r) => Number(r.Duration),
      ),
    );
  });
});
