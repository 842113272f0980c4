import { describe, expect, it } from "vitest";
import { buildModel, parsePeriod } from "../../src/model/index";
import type { DataIssue, RawTab } from "../../src/model/types";

const U = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h, mi);
const reasons = (issues: DataIssue[]) => issues.map((i) => `${i.row}:${i.column}:${i.reason}`);

describe("buildModel: deals", () => {
  it("stage-date columns in column order, status words, locale amounts, issues", () => {
    const tab: RawTab = {
      name: "Сделки",
      values: [
        ["Воронка продаж, март", "", "", "", "", "", "", ""],
        [
          "Номер сделки",
          "Дата создания",
          "Менеджер",
          "Статус",
          "Сумма",
          "Себестоимость",
          "Дата встречи",
          "Дата оплаты",
        ],
        [
          "1",
          "01.03.2026",
          "Аня",
          "Успешно реализовано",
          "1 200,50",
          "200",
          "03.03.2026",
          "09.03.2026",
        ],
        ["2", "02.03.2026", "Боря", "Закрыто и не реализовано", "", "", "04.03.2026", ""],
        ["3", "02.03.2026", "Боря", "В работе", "abc", "", "", ""],
        ["", "02.03.2026", "Боря", "", "", "", "", ""],
        ["1", "05.03.2026", "Аня", "", "", "", "", ""],
        ["4", "31.02.2026", "Аня", "Отказ", "", "", "", ""],
        ["5", "10.03.2026", "Аня", "", "", "", "08.03.2026", ""],
        ["", "", "", "", "", "", "", ""],
      ],
    };
    const { model } = buildModel([tab], { timeZone: "Europe/Moscow" });
    expect(model.stages).toEqual(["Создание", "Встреча", "Оплата"]);
    const [d1, d2, d3, d4, d5] = model.deals;
    expect(model.deals).toHaveLength(5);
    expect(d1).toMatchObject({
      id: "1",
      rep: "Аня",
      status: "won",
      reached: 2,
      amount: 1200.5,
      margin: 1000.5,
    });
    expect(d1.stageDates).toEqual([U(2026, 3, 1), U(2026, 3, 3), U(2026, 3, 9)]);
    expect(d1.closed).toBe(U(2026, 3, 9));
    expect(d2).toMatchObject({ status: "lost", reached: 1 });
    expect(d3).toMatchObject({ status: "open", reached: 0, amount: null });
    expect(d4).toMatchObject({ status: "lost", created: null });
    expect(d5.stageDates[1]).toBeNull();
    expect(reasons(model.issues)).toEqual([
      "5:5:badNumber",
      "6:1:missingId",
      "7:1:duplicate",
      "8:2:badDate",
      "9:7:stageOutOfOrder",
    ]);
    expect(model.issues[0]).toMatchObject({ tab: "Сделки", header: "Сумма", value: "abc" });
  });

  it("a current-stage column gives the stage reached and every earlier one", () => {
    const tab: RawTab = {
      name: "Leads",
      values: [
        ["Lead", "Rep", "Stage", "Source", "Targeted"],
        ["a", "Ann", "Meeting", "Web", "yes"],
        ["b", "Ann", "New", "Ads", "no"],
        ["c", "Bob", "Proposal", "Web", "Целевой"],
        ["d", "Bob", "Closed Won", "Web", ""],
        ["e", "Bob", "Closed Lost", "Web", "maybe"],
        ["f", "Bob", "Qualified", "Web", ""],
      ],
    };
    const { model } = buildModel([tab], { timeZone: "UTC" });
    expect(model.stages).toEqual(["New", "Qualified", "Meeting", "Proposal", "Closed Won"]);
    expect(model.deals.map((d) => d.reached)).toEqual([2, 0, 3, 4, 0, 1]);
    expect(model.deals.map((d) => d.status)).toEqual([
      "open",
      "open",
      "open",
      "won",
      "lost",
      "open",
    ]);
    expect(model.deals.map((d) => d.targeted)).toEqual([true, false, true, null, null, null]);
    expect(reasons(model.issues)).toEqual(["6:5:other"]);
  });

  it("a mapping's stage order wins; unknown stages are listed", () => {
    const tab: RawTab = {
      name: "Deals",
      values: [
        ["ID", "Stage"],
        ["1", "B"],
        ["2", "A"],
        ["3", "Zzz"],
        ["4", "won"],
      ],
    };
    const first = buildModel([tab], { timeZone: "UTC" });
    const mapping = { ...first.mapping, stages: ["A", "B", "Won"] };
    const { model } = buildModel([tab], { timeZone: "UTC", mapping });
    expect(model.stages).toEqual(["A", "B", "Won"]);
    // A deal whose stage is unknown is still a deal: it counts at the top (first stage = deals).
    expect(model.deals.map((d) => d.reached)).toEqual([1, 0, 0, 2]);
    expect(reasons(model.issues)).toEqual(["4:2:unknownStage"]);
  });

  it("checkbox stage columns", () => {
    const tab: RawTab = {
      name: "Deals",
      values: [
        ["Client", "Rep", "Contacted", "Meeting", "Paid"],
        ["X", "Ann", true, true, false],
        ["Y", "Ann", true, false, false],
        ["Z", "Bob", true, true, true],
      ],
    };
    const { model } = buildModel([tab], { timeZone: "UTC" });
    expect(model.stages).toEqual(["Deal", "Contacted", "Meeting", "Paid"]);
    expect(model.deals.map((d) => [d.id, d.reached, d.status])).toEqual([
      ["X", 2, "open"],
      ["Y", 1, "open"],
      ["Z", 3, "won"],
    ]);
  });

  it("close before create", () => {
    const { model } = buildModel(
      [
        {
          name: "Deals",
          values: [
            ["Deal ID", "Created", "Close date", "Status"],
            ["1", "2026-03-05", "2026-03-01", "Won"],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    expect(reasons(model.issues)).toEqual(["2:3:closeBeforeCreate"]);
    expect(model.deals[0].closed).toBeNull();
  });
});

describe("buildModel: stage log", () => {
  it("infers the order from time, merges with deals, reads lost rows", () => {
    const log: RawTab = {
      name: "История",
      values: [
        ["ID сделки", "Этап", "Дата", "Менеджер", "Сумма"],
        ["1", "Встреча", "03.03.2026 10:00", "Аня", ""],
        ["1", "Лид", "01.03.2026", "Аня", ""],
        ["2", "Лид", "02.03.2026", "Боря", ""],
        ["1", "Оплата", "09.03.2026", "Аня", "5 000"],
        ["2", "Отказ", "04.03.2026", "Боря", ""],
        ["3", "Лид", "bad", "Боря", ""],
        ["", "Лид", "02.03.2026", "Боря", ""],
        ["4", "", "02.03.2026", "Боря", ""],
        ["5", "Отказ", "05.03.2026", "Боря", ""],
      ],
    };
    const { model } = buildModel([log], { timeZone: "UTC" });
    expect(model.stages).toEqual(["Лид", "Встреча", "Оплата"]);
    const [d1, d2] = model.deals;
    expect(d1).toMatchObject({
      id: "1",
      reached: 2,
      status: "won",
      amount: 5000,
      created: U(2026, 3, 1),
    });
    expect(d1.stageDates).toEqual([U(2026, 3, 1), U(2026, 3, 3, 10), U(2026, 3, 9)]);
    expect(d2).toMatchObject({ id: "2", reached: 0, status: "lost", closed: U(2026, 3, 4) });
    // Only a lost row: still a lead that entered the funnel, lost on that day.
    const d5 = model.deals.find((d) => d.id === "5");
    expect(d5).toMatchObject({ reached: 0, status: "lost", created: U(2026, 3, 5) });
    expect(d5?.stageDates).toEqual([null, null, null]);
    expect(reasons(model.issues)).toEqual(["7:3:badDate", "8:1:missingId", "9:2:missingRequired"]);
  });
});

describe("buildModel: a long stage log", () => {
  it("gives the deals a plain reading of the rows gives, for thousands of ids", () => {
    let seed = 5;
    const r = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const reps = ["Anna", "Boris", "", "  Chen "];
    const rows: unknown[][] = [];
    for (let n = 1; n <= 3000; n++) {
      const id = `D-${n}`;
      const start = U(2026, 1, 1) + Math.floor(r() * 300) * 86_400_000;
      const rep = () => reps[Math.floor(r() * reps.length)];
      rows.push([r() < 0.1 ? ` ${id} ` : id, "Lead", new Date(start), rep(), ""]);
      if (r() < 0.1) rows.push([id, "Lead", new Date(start + 86_400_000), rep(), ""]);
      if (r() < 0.6) rows.push([id, "Meeting", new Date(start + 3 * 86_400_000), rep(), ""]);
      if (r() < 0.3) rows.push([id, "Won", new Date(start + 9 * 86_400_000), rep(), 1000 + n]);
      if (r() < 0.2) rows.push([id, "Lost", new Date(start + 5 * 86_400_000), rep(), ""]);
      if (r() < 0.05) rows.push([id, "Mystery", new Date(start + 2 * 86_400_000), rep(), ""]);
    }
    for (let n = 1; n <= 20; n++) rows.push([`L-${n}`, "Lost", new Date(U(2026, 6, n)), "", ""]);
    for (let n = 1; n <= 20; n++) rows.push([`M-${n}`, "Mystery", new Date(U(2026, 6, n)), "", ""]);
    rows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
    const values = [["Deal ID", "Stage", "Date", "Manager", "Amount"], ...rows];
    // The stages given: "Mystery" rows are unknown, "Lost" ones are lost.
    const mapping = { version: 1, stages: ["Lead", "Meeting", "Won"], tabs: [] };
    const { model } = buildModel([{ name: "Log", values }], { timeZone: "UTC", mapping });
    expect(model.stages).toEqual(["Lead", "Meeting", "Won"]);

    // The same, read row by row with plain Maps.
    const want = new Map<string, Record<string, unknown>>();
    const repOf = new Map<string, string>();
    values.forEach((row, i) => {
      if (i === 0) return;
      const id = String(row[0]).trim();
      const when = (row[2] as Date).getTime();
      if (!repOf.get(id)) repOf.set(id, String(row[3]).trim());
      if (row[1] === "Mystery") return;
      let d = want.get(id);
      if (!d) {
        d = {
          id,
          created: when,
          reached: -1,
          stageDates: [null, null, null],
          lost: null,
          row: i + 1,
        };
        want.set(id, d);
      }
      d.created = Math.min(d.created as number, when);
      if (row[1] === "Lost") d.lost = Math.max((d.lost as number | null) ?? when, when);
      else {
        const k = model.stages.indexOf(row[1] as string);
        const dates = d.stageDates as (number | null)[];
        dates[k] = Math.min(dates[k] ?? when, when);
        d.reached = Math.max(d.reached as number, k);
        if (row[4] !== "") d.amount = row[4];
      }
    });
    // A deal whose rows are all "Lost" entered the funnel: it counts at the top stage.
    for (const w of want.values()) if (w.reached === -1) w.reached = 0;
    expect(model.deals.map((d) => d.id)).toEqual([...want.keys()]);
    for (const d of model.deals) {
      const w = want.get(d.id)!;
      const won = w.reached === 2;
      expect(d).toMatchObject({
        created: w.created,
        reached: w.reached,
        stageDates: w.stageDates,
        status: won ? "won" : w.lost !== null ? "lost" : "open",
        closed: won ? (w.stageDates as number[])[2] : w.lost,
        rep: repOf.get(d.id),
        amount: w.amount ?? null,
        originTab: "Log",
        originRow: w.row,
      });
    }
    const unknown = model.issues.filter((i) => i.reason === "unknownStage");
    expect(unknown.length).toBe(rows.filter((row) => row[1] === "Mystery").length);
    expect(unknown.map((i) => i.row)).toEqual([...unknown.map((i) => i.row)].sort((a, b) => a - b));
  });
});

describe("buildModel: calls, time log, plan, checklist", () => {
  it("reads calls with messy durations", () => {
    const { model } = buildModel(
      [
        {
          name: "Звонки",
          values: [
            ["Дата и время", "Менеджер", "Длительность", "Направление", "ID сделки"],
            ["02.03.2026 10:15", "Аня", "1:15", "Входящий", 17],
            [new Date(Date.UTC(2026, 2, 2, 11)), "Аня", 3723, "исх.", ""],
            ["02.03.2026 12:00", "Аня", "0:01:05", "out", ""],
            ["02.03.2026 12:00", "Аня", -5, "", ""],
            ["02.03.2026 12:00", "Аня", "long", "", ""],
            ["02.03.2026 12:00", "", "10", "", ""],
            ["yesterday", "Аня", "10", "", ""],
            [
              new Date(Date.UTC(2026, 2, 2, 13)),
              "Аня",
              new Date(Date.UTC(1899, 11, 30, 0, 2, 30)),
              "",
              "",
            ],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    expect(model.calls.map((c) => c.durationSec)).toEqual([75, 3723, 65, null, null, 150]);
    expect(model.calls.map((c) => c.direction)).toEqual(["in", "out", "out", null, null, null]);
    expect(model.calls[0]).toMatchObject({ at: U(2026, 3, 2, 10, 15), rep: "Аня", dealId: "17" });
    expect(reasons(model.issues)).toEqual([
      "5:3:negativeDuration",
      "6:3:badDuration",
      "7:2:missingRequired",
      "8:1:badDate",
    ]);
  });

  it("reads a time log in minutes, hours or h:mm", () => {
    const mk = (h: string, v: unknown) =>
      buildModel(
        [
          {
            name: "Time",
            values: [
              ["Date", "Rep", "Category", h],
              ["2026-03-02", "Ann", "Calls", v],
            ],
          },
        ],
        {
          timeZone: "UTC",
        },
      ).model;
    expect(mk("Minutes", 90).timeEntries[0].minutes).toBe(90);
    expect(mk("Hours", "1,5").timeEntries[0].minutes).toBe(90);
    expect(mk("Duration", "1:30").timeEntries[0].minutes).toBe(90);
    expect(mk("Minutes", -3).issues[0].reason).toBe("negativeDuration");
  });

  it("reads plan periods", () => {
    const tz = "UTC";
    expect(parsePeriod("2026-03", tz)).toEqual({ start: U(2026, 3, 1), end: U(2026, 4, 1) });
    expect(parsePeriod("03.2026", tz)).toEqual({ start: U(2026, 3, 1), end: U(2026, 4, 1) });
    expect(parsePeriod("Март 2026", tz)).toEqual({ start: U(2026, 3, 1), end: U(2026, 4, 1) });
    expect(parsePeriod("березень 2026", tz)).toEqual({ start: U(2026, 3, 1), end: U(2026, 4, 1) });
    expect(parsePeriod("2026-W10", tz)).toEqual({ start: U(2026, 3, 2), end: U(2026, 3, 9) });
    expect(parsePeriod("2026-Q2", tz)).toEqual({ start: U(2026, 4, 1), end: U(2026, 7, 1) });
    expect(parsePeriod("01.03.2026 – 15.03.2026", tz)).toEqual({
      start: U(2026, 3, 1),
      end: U(2026, 3, 16),
    });
    expect(parsePeriod(new Date(Date.UTC(2026, 2, 17)), tz)).toEqual({
      start: U(2026, 3, 1),
      end: U(2026, 4, 1),
    });
    expect(parsePeriod("soon", tz)).toBeNull();
    const { model } = buildModel(
      [
        {
          name: "План",
          values: [
            ["Период", "Показатель", "План", "Менеджер"],
            ["2026-03", "Звонки", "1 800", "Аня"],
            ["2026-03", "Выручка", "500 000", ""],
            ["когда-нибудь", "Звонки", 10, ""],
            ["2026-03", "Звонки", "много", ""],
          ],
        },
      ],
      { timeZone: tz },
    );
    expect(model.plans.map((p) => [p.metric, p.target, p.rep])).toEqual([
      ["calls", 1800, "Аня"],
      ["revenue", 500000, ""],
    ]);
    expect(reasons(model.issues)).toEqual(["4:1:badDate", "5:3:badNumber"]);
  });

  it("reads checklist scores as fractions", () => {
    const { model } = buildModel(
      [
        {
          name: "Чек-лист",
          values: [
            ["Сделка", "Менеджер", "Приветствие", "Потребность", "Презентация (0-5)", "Итого"],
            ["1", "Аня", "да", true, 5, 7],
            ["2", "Аня", "нет", false, "2,5", 2],
            ["3", "Аня", "?", "", 4, 4],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    expect(model.criteria).toEqual(["Приветствие", "Потребность", "Презентация (0-5)"]);
    expect(model.grades.map((g) => g.scores)).toEqual([
      [1, 1, 1],
      [0, 0, 0.5],
      [null, null, 0.8],
    ]);
    expect(reasons(model.issues)).toEqual(["4:3:badNumber"]);
  });
});

describe("buildModel: time zone", () => {
  it("reads Sheets Dates in the spreadsheet's time zone as wall-clock values", () => {
    // 2026-03-01 21:30 UTC is 2026-03-02 00:30 in Moscow and 23:30 on 03-01 in Kyiv.
    const at = new Date(Date.UTC(2026, 2, 1, 21, 30));
    const tabs: RawTab[] = [
      {
        name: "Calls",
        values: [
          ["Date", "Rep"],
          [at, "Ann"],
        ],
      },
    ];
    expect(buildModel(tabs, { timeZone: "Europe/Moscow" }).model.calls[0].at).toBe(
      U(2026, 3, 2, 0, 30),
    );
    expect(buildModel(tabs, { timeZone: "Europe/Kyiv" }).model.calls[0].at).toBe(
      U(2026, 3, 1, 23, 30),
    );
    const bad = buildModel(tabs, { timeZone: "Not/AZone" });
    expect(bad.model.timeZone).toBe("UTC");
  });
});
