/** The Roles sheet on small hand-written workbooks: booked by, checkboxes, a stage log. */
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import { rt } from "../../src/report/rolesI18n";
import type { Block } from "../../src/report/types";
import { block } from "./roles-support";

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
