/**
 * The report on the shipped demo workbook, sheet by sheet, against figures computed here by an
 * independent route: the workbook read with ExcelJS directly and counted in a few lines.
 */

import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";

const DEMO = new URL("../../examples/demo-workbook.xlsx", import.meta.url);
const DAY = 86_400_000;
const RU = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

/** A tab as objects keyed by header. */
function table(wb: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  });
  return out;
}

const dayOf = (v: unknown) => (v instanceof Date ? Math.floor(v.getTime() / DAY) : null);
const monthOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 7);
const words = (ym: string) => `${RU[Number(ym.slice(5)) - 1]} ${ym.slice(0, 4)}`;

function block(p: ReportPlan, id: string): Block {
  const b = p.sheets.flatMap((s) => s.blocks).find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

describe("demo workbook: the report by value", () => {
  let wb: ExcelJS.Workbook;
  let deals: Record<string, unknown>[];
  let plan: ReportPlan;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(DEMO.pathname);
    deals = table(wb, "Сделки");
    // The meeting's booked and confirmed steps come from the stage log: copy them onto the deals
    // under their stage names, as columns beside the deals tab's own stage dates.
    const byId = new Map(deals.map((d) => [d["ID сделки"], d]));
    for (const e of table(wb, "История этапов"))
      if (e.Этап === BOOKED || e.Этап === CONFIRMED) {
        const d = byId.get(e["ID сделки"]) as Record<string, unknown>;
        d[e.Этап as string] = e.Дата;
      }
    const { model } = buildModel(await readXlsx(readFileSync(DEMO)), { timeZone: "UTC" });
    plan = planReport(model, { lang: "ru", period: "month", today: "2026-11-30" });
  });
  const BOOKED = "Встреча назначена";
  const CONFIRMED = "Встреча подтверждена";
  const STAGE_COLS = ["Дата лида", BOOKED, CONFIRMED, "Дата встречи", "Дата КП", "Дата оплаты"];
  const reached = (d: Record<string, unknown>) => {
    let r = 0;
    STAGE_COLS.forEach((c, k) => {
      if (d[c] instanceof Date) r = k;
    });
    return r;
  };

  it("Воронка: counts from the stage date columns, breakdowns adding up", () => {
    const counts = STAGE_COLS.map((_, k) => deals.filter((d) => reached(d) >= k).length);
    expect(block(plan, "funnel.byStage").rows.map((r) => r[1])).toEqual(counts);
    for (const id of ["funnel.byPeriod", "funnel.byRep", "funnel.bySource"]) {
      const b = block(plan, id);
      expect(b.rows[b.rows.length - 1].slice(0, counts.length + 1)).toEqual(["Итого", ...counts]);
    }
    const jan = deals.filter((d) => monthOf(dayOf(d["Дата лида"]) as number) === "2026-01");
    expect(block(plan, "funnel.byPeriod").rows[0].slice(0, 2)).toEqual(["янв 2026", jan.length]);
  });

  it("KPI: calls, sales and revenue per rep; whole numbers; the plan around 100%", () => {
    const calls = table(wb, "Звонки");
    const b = block(plan, "kpi.byRep");
    const col = (h: string) => b.header.indexOf(h);
    for (const rep of new Set(deals.map((d) => String(d.Менеджер)))) {
      const row = b.rows.find((r) => r[0] === rep) as unknown[];
      expect(row[col("Звонки")], rep).toBe(calls.filter((c) => c.Менеджер === rep).length);
      const won = deals.filter((d) => d.Менеджер === rep && d["Дата оплаты"] instanceof Date);
      expect(row[col("Продажи")], rep).toBe(won.length);
      expect(row[col("Выручка")], rep).toBe(won.reduce((s, d) => s + Number(d.Сумма), 0));
    }
    // The first stage repeats "Новые лиды" and the last repeats "Продажи".
    expect(b.header).not.toContain("Лид");
    expect(b.header).not.toContain("Оплата");
    expect(b.formats[col("Выручка")]).toBe("money");
    expect(b.formats[col("Минуты на линии")]).toBe("integer");
    // Plan against fact, by the team over the whole range: the plan is a plan.
    const planRows = table(wb, "План");
    const p = block(plan, "kpi.plan");
    for (const metric of ["Звонки", "Продажи", "Выручка"]) {
      const target = planRows
        .filter((r) => r.Показатель === metric)
        .reduce((s, r) => s + Number(r.План), 0);
      const fact = p.rows.filter((r) => r[2] === metric).reduce((s, r) => s + Number(r[4]), 0);
      expect(fact / target, metric).toBeGreaterThan(0.8);
      expect(fact / target, metric).toBeLessThan(1.2);
    }
    // Calls in January for Анна Петрова: the fact column by hand.
    const jan = p.rows.find(
      (r) => r[0] === "янв 2026" && r[1] === "Анна Петрова" && r[2] === "Звонки",
    );
    expect(jan?.[4]).toBe(
      calls.filter(
        (c) => c.Менеджер === "Анна Петрова" && monthOf(dayOf(c.Дата) as number) === "2026-01",
      ).length,
    );
    // The data ended in April 2026; today is in November: no forecast anywhere.
    expect(p.rows.every((r) => r[6] === null)).toBe(true);
  });

  it("Скорость: days between the meeting steps and from the meeting to the proposal by hand", () => {
    const rows = block(plan, "velocity.byTransition").rows;
    const names = ["Лид", BOOKED, CONFIRMED, "Встреча", "КП", "Оплата"];
    expect(rows.slice(0, 5).map((r) => r[0])).toEqual(
      names.slice(1).map((n, k) => `${names[k]} → ${n}`),
    );
    for (const k of [2, 3]) {
      const [from, to] = [STAGE_COLS[k], STAGE_COLS[k + 1]];
      const spans = deals
        .filter((d) => d[from] instanceof Date && d[to] instanceof Date)
        .map((d) => ((d[to] as Date).getTime() - (d[from] as Date).getTime()) / DAY);
      expect(rows[k][1], rows[k][0] as string).toBe(spans.length);
      expect(rows[k][2]).toBeCloseTo(spans.reduce((s, x) => s + x, 0) / spans.length, 3);
    }
  });

  it("Изменения: the planted drop in March, judged on cohorts within the window", () => {
    const won = deals.filter((d) => d["Дата оплаты"] instanceof Date);
    // Days are calendar days: the difference of the two dates' day numbers.
    const days = (d: Record<string, unknown>, c: string) =>
      (dayOf(d[c]) as number) - (dayOf(d["Дата лида"]) as number);
    const spans = won.map((d) => days(d, "Дата оплаты")).sort((a, b) => a - b);
    const h = (spans.length - 1) * 0.8;
    const w = Math.ceil(
      spans[Math.floor(h)] +
        (h - Math.floor(h)) * (spans[Math.floor(h) + 1] - spans[Math.floor(h)]),
    );
    const b = block(plan, "changes.byStage");
    expect(b.title).toBe(`Сравнение когорт: ${words("2026-03")} и ${words("2026-02")}`);
    expect(b.note).toContain(`через ${w} дн.`);
    expect(b.note).toContain("Начните с этапа «КП»");
    const cohort = deals.filter((d) => monthOf(dayOf(d["Дата лида"]) as number) === "2026-03");
    const within = (d: Record<string, unknown>, c: string) =>
      d[c] instanceof Date && days(d, c) <= w;
    const reachedK = (d: Record<string, unknown>, k: number) =>
      STAGE_COLS.slice(k).some((c) => within(d, c));
    expect(b.rows.map((r) => r[2])).toEqual(
      STAGE_COLS.map((_, k) => cohort.filter((d) => reachedK(d, k)).length),
    );
    for (const r of b.rows)
      for (const c of [3, 4]) if (typeof r[c] === "number") expect(r[c]).toBeLessThanOrEqual(1);
  });

  it("Время: hours per rep from the time log", () => {
    const time = table(wb, "Хронометраж");
    const b = block(plan, "time.byRep");
    const total = b.header.indexOf("Всего часов");
    const anna = time
      .filter((r) => r.Менеджер === "Анна Петрова")
      .reduce((s, r) => s + Number(r.Минуты), 0);
    expect(b.rows.find((r) => r[0] === "Анна Петрова")?.[total]).toBeCloseTo(anna / 60, 4);
  });
  it("Роли: the team tab's SDRs, their bookings and what they led to, counted by hand", () => {
    const team = table(wb, "Команда");
    const sdrs = team.filter((r) => r.Роль === "Лидоруб").map((r) => String(r.Менеджер));
    const hunters = team.filter((r) => r.Роль === "Хантер").map((r) => String(r.Менеджер));
    expect(sdrs.length).toBeGreaterThan(0);
    expect(hunters.length).toBeGreaterThan(0);
    const calls = table(wb, "Звонки");
    // A booking is a deal with a booked step; a blank "Назначил встречу" is the owner's if an SDR.
    const bookedBy = (d: Record<string, unknown>) =>
      d["Назначил встречу"] ? String(d["Назначил встречу"]) : String(d.Менеджер);
    const b = block(plan, "roles.sdr");
    const col = (h: string) => b.header.indexOf(h);
    expect(b.rows.map((r) => r[0]).slice(0, sdrs.length)).toEqual(sdrs);
    for (const sdr of sdrs) {
      const row = b.rows.find((r) => r[0] === sdr) as unknown[];
      const own = deals.filter((d) => d[BOOKED] instanceof Date && bookedBy(d) === sdr);
      const won = own.filter((d) => d["Дата оплаты"] instanceof Date);
      expect(row[col("Звонки")], sdr).toBe(calls.filter((c) => c.Менеджер === sdr).length);
      expect(row[col("Назначено встреч")], sdr).toBe(own.length);
      expect(row[col("Подтверждено")], sdr).toBe(own.filter((d) => d[CONFIRMED]).length);
      expect(row[col("Проведено")], sdr).toBe(own.filter((d) => d["Дата встречи"]).length);
      expect(row[col("Продажи с назначенных встреч")], sdr).toBe(won.length);
      expect(row[col("Выручка с назначенных встреч")], sdr).toBe(
        won.reduce((s, d) => s + Number(d.Сумма), 0),
      );
    }
    // The hunters' own bookings name nobody: they count for the team without an SDR.
    const rest = b.rows.find((r) => r[0] === "(без лидоруба)") as unknown[];
    expect(rest[col("Назначено встреч")]).toBe(
      deals.filter((d) => d[BOOKED] instanceof Date && !sdrs.includes(bookedBy(d))).length,
    );
    expect(block(plan, "roles.hunter").rows.map((r) => r[1])).toEqual(
      expect.arrayContaining(hunters),
    );
  });

  it("Роли: the diagnosis names the planted fall after the meeting for the team, in March", () => {
    const b = block(plan, "roles.diagnosis");
    expect(b.title).toBe(`Диагностика: ${words("2026-03")} по сравнению с ${words("2026-02")}`);
    const team = b.rows.filter((r) => r[0] === "Команда").map((r) => r[1]);
    expect(team).toContain("Много встреч, но мало оплат");
    // The SDRs book within the seed's norm of 3–5 a day: no "few booked" for anyone.
    expect(b.rows.map((r) => r[1])).not.toContain("Мало назначенных встреч");
    // The deals to listen to: held, lost, booked in March.
    const listen = block(plan, "roles.listen");
    const id = listen.header.indexOf("Сделка");
    expect(listen.rows.length).toBeGreaterThan(0);
    const byId = new Map(deals.map((d) => [d["ID сделки"], d]));
    for (const r of listen.rows) {
      const d = byId.get(r[id]) as Record<string, unknown>;
      expect(d.Этап, String(r[id])).toBe("Отказ");
      expect(d["Дата встречи"]).toBeInstanceOf(Date);
      expect(monthOf(dayOf(d[BOOKED]) as number)).toBe("2026-03");
    }
  });
});
