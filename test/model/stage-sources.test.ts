/** Where the funnel's stages come from (SPEC §3, issue 11): the rules one small table at a time. */
import { describe, expect, it } from "vitest";
import { buildModel, detectTab } from "../../src/model/index";
import { stageCounts, statusCounts } from "../support/modelFigures";

const build = (values: unknown[][]) =>
  buildModel([{ name: "Sheet1", values }], { timeZone: "UTC" });

describe("stage sources", () => {
  it("a date column open deals fill with dates after the last activity is a forecast", () => {
    const values = [
      ["Deal ID", "Created", "Status", "Demo date", "Paid date"],
      ["1", "2026-01-05", "Won", "2026-01-10", "2026-01-20"],
      ["2", "2026-01-06", "Lost", "2026-01-12", ""],
      ["3", "2026-01-07", "Open", "2026-06-01", ""],
      ["4", "2026-01-08", "Open", "2026-07-01", ""],
    ];
    const d = detectTab({ name: "Deals", values });
    expect(d?.stageColumns.map((s) => s.header)).toEqual(["Paid date"]);
    expect(d?.passedOver).toEqual([
      { index: 3, header: "Demo date", field: "stage", reason: "futureDates" },
    ]);
    // Without the forecast the same column is a stage.
    const past = values.map((r, i) => (i >= 3 ? [...r.slice(0, 3), "2026-01-09", ""] : r));
    expect(detectTab({ name: "Deals", values: past })?.stageColumns.map((s) => s.header)).toEqual([
      "Demo date",
      "Paid date",
    ]);
  });

  it("«Нет», «false» and «не закрыта» are never marks", () => {
    const { model } = build([
      ["Номер сделки", "Дата создания", "Встреча проведена", "Оплачено", "Дата закрытия"],
      ["1", "01.03.2026", "Да", "Нет", "не закрыта"],
      ["2", "02.03.2026", "false", "Нет", "не закрыта"],
      ["3", "03.03.2026", "Да", "Да", "05.03.2026"],
    ]);
    expect(model.issues).toEqual([]);
    expect(stageCounts(model)).toEqual([3, 2, 1, 1]);
  });

  it("a lost deal keeps the stages it reached and is never won, even past the sale's column", () => {
    const { model } = build([
      ["Deal ID", "Created", "Status", "Meeting date", "Payment date"],
      ["1", "2026-01-05", "Lost", "2026-01-10", "2026-01-20"],
      ["2", "2026-01-06", "Won", "2026-01-12", "2026-01-22"],
    ]);
    expect(model.stages).toEqual(["Created", "Meeting", "Payment"]);
    expect(model.deals.map((d) => [d.status, d.reached])).toEqual([
      ["lost", 1],
      ["won", 2],
    ]);
  });

  it("a tab whose 'stages' are all different texts is not a stage log", () => {
    const rows: unknown[][] = [["ID", "Stage", "Date"]];
    for (let i = 0; i < 40; i++) rows.push([`D${i % 10}`, `note number ${i}`, "2026-01-01"]);
    expect(detectTab({ name: "Sheet1", values: rows })?.kind).not.toBe("stageLog");
  });

  it("Bitrix24 codes: WON, C6:WON won; LOSE, APOLOGY lost; CLOSED=Y and not won lost", () => {
    // The default pipeline (no prefix) and pipeline C6: one funnel is one pipeline.
    const values = [
      ["ID", "STAGE_ID", "CLOSED", "DATE_CREATE"],
      ["1", "NEW", "N", "2021-05-08T03:59:51+03:00"],
      ["2", "PREPARATION", "N", "2021-05-08T04:00:00+03:00"],
      ["3", "WON", "Y", "2021-05-08T05:00:00+03:00"],
      ["4", "WON", "Y", "2021-05-09T05:00:00+03:00"],
      ["5", "APOLOGY", "Y", "2021-05-09T06:00:00+03:00"],
      ["6", "LOSE", "Y", "2021-05-09T07:00:00+03:00"],
      ["7", "Отложенные", "Y", "2021-05-09T08:00:00+03:00"],
      ["8", "C6:PREPARATION", "N", "2021-05-10T04:00:00+03:00"],
      ["9", "C6:WON", "Y", "2021-05-10T05:00:00+03:00"],
      ["10", "C6:APOLOGY", "Y", "2021-05-10T06:00:00+03:00"],
    ];
    const { model } = build(values);
    expect(model.stages).toEqual(["Новая", "Подготовка документов", "Сделка успешна"]);
    expect(statusCounts(model)).toEqual({ won: 2, lost: 3, open: 2 });
    expect(stageCounts(model)).toEqual([7, 3, 2]);
    expect(model.issues.map((i) => [i.row, i.reason, i.detail])).toEqual([
      [9, "otherPipeline", "C6"],
      [10, "otherPipeline", "C6"],
      [11, "otherPipeline", "C6"],
    ]);
    const c6 = buildModel([{ name: "Sheet1", values }], { timeZone: "UTC", pipeline: "c6" }).model;
    expect(c6.stages).toEqual(["Подготовка документов", "Сделка успешна"]);
    expect(statusCounts(c6)).toEqual({ won: 1, lost: 1, open: 1 });
    expect(stageCounts(c6)).toEqual([3, 1]);
    expect(c6.pipelines?.leftOut).toBe(7);
  });

  it("a currency column, else the sign in the amount", () => {
    const { model } = build([
      ["Deal ID", "Stage", "Amount", "Currency"],
      ["1", "Won", "100", "usd"],
      ["2", "Won", "200", "EUR"],
    ]);
    expect(model.deals.map((d) => d.currency)).toEqual(["USD", "EUR"]);
    const signs = build([
      ["Deal ID", "Stage", "Amount"],
      ["1", "Won", "$1,200.00"],
      ["2", "Won", "1 234,50 ₽"],
      ["3", "Won", "500"],
    ]).model;
    expect(signs.deals.map((d) => d.currency)).toEqual(["USD", "RUB", undefined]);
  });
});
