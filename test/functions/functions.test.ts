import { describe, expect, it } from "vitest";
import { ceilClean, requiredActivities, requiredPerStage } from "../../src/core/metrics/required";
import { parseStatistic, parseUnit } from "../../src/core/metrics/velocity";
import { cleanResult } from "../../src/functions/index";
import { call, col, errorOf, row, zonedDate } from "./helpers";

describe("CONVERSION", () => {
  it("counts form: single values (SPEC example)", () => {
    expect(call("CONVERSION", [1000, 150])).toBe(0.15);
    expect(call("CONVERSION", ["1 000", "15%"])).toBeCloseTo(0.00015);
    expect(call("CONVERSION", [0, 5])).toBe("");
    expect(call("CONVERSION", ["", 5])).toBe("");
  });
  it("counts form: ranges spill cell by cell (B2:B5 vs B3:B6)", () => {
    const b = [1000, 150, 50, 0, ""];
    expect(call("CONVERSION", [col(...b.slice(0, 4)), col(...b.slice(1, 5))])).toEqual([
      [0.15],
      [1 / 3],
      [0],
      [""],
    ]);
    expect(call("CONVERSION", [row(10, 20), row(5, 5)])).toEqual([[0.5, 0.25]]);
  });
  it("counts form: a 2D range with text is an error naming the cell", () => {
    const msg = errorOf("CONVERSION", [
      [
        [1, 2],
        [3, "x"],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    ]);
    expect(msg).toMatch(
      /^CONVERSION: argument from, cell \(row 2, column 2\): expected a number; got "x"/,
    );
  });
  it("a single non-number is an error", () => {
    expect(errorOf("CONVERSION", ["abc", 5])).toMatch(
      /^CONVERSION: argument from.*row 1, column 1.*number/,
    );
    expect(errorOf("CONVERSION", [true, 5])).toMatch(/^CONVERSION/);
  });
  it("marks form: share of marked from rows whose to is marked", () => {
    const meeting = col("2026-03-01", new Date(Date.UTC(2026, 2, 2)), "", "yes", true, false);
    const paid = col("2026-03-05", "", "2026-03-09", true, "FALSE", "x");
    // from marked: rows 1, 2, 4, 5 → to marked among them: rows 1, 4 → 2/4.
    expect(call("CONVERSION", [meeting, paid])).toBe(0.5);
    expect(call("CONVERSION", [col("", "a"), col("x", "")])).toBe(0);
    expect(call("CONVERSION", [col("", false), col("x", "")])).toBe("");
    // A row and a column of the same length work in the marks form.
    expect(call("CONVERSION", [row(true, true), col(true, "")])).toBe(0.5);
  });
  it("shapes that do not match are an error naming both", () => {
    const msg = errorOf("CONVERSION", [col(1, 2, 3), col(1, 2)]);
    expect(msg).toContain("3×1");
    expect(msg).toContain("2×1");
    expect(msg.startsWith("CONVERSION:")).toBe(true);
  });
  it("a Date in an error is shown as the spreadsheet shows it", () => {
    const d = zonedDate("Europe/Berlin", 2026, 3, 1);
    expect(errorOf("CONVERSION", [d, 5], "en", "Europe/Berlin")).toMatch(/got 2026-03-01\.$/);
    const t = zonedDate("America/New_York", 2026, 3, 8, 14, 5);
    expect(errorOf("SALES_VELOCITY", [t, 1, 1, 1], "en", "America/New_York")).toMatch(
      /got 2026-03-08 14:05:00\.$/,
    );
  });
  it("errors speak Russian and Ukrainian", () => {
    expect(errorOf("CONVERSION", ["abc", 5], "ru")).toMatch(
      /^CONVERSION: аргумент from, ячейка \(строка 1, столбец 1\): ожидалось число/,
    );
    expect(errorOf("CONVERSION", ["abc", 5], "uk")).toMatch(
      /^CONVERSION: аргумент from, клітинка \(рядок 1, стовпець 1\): очікувалося число/,
    );
  });
});

describe("STAGE_VELOCITY", () => {
  const from = col("2026-03-02", "2026-03-05", "2026-03-10", "", "2026-03-20");
  const to = col("2026-03-06", "2026-03-15", "2026-03-08", "2026-03-01", "oops");
  it("average days by default; skips to < from and non-dates", () => {
    expect(call("STAGE_VELOCITY", [from, to])).toBe(7);
  });
  it("statistics, with Russian and Ukrainian words", () => {
    const f = col("2026-03-01", "2026-03-01", "2026-03-01", "2026-03-01");
    const t = col("2026-03-02", "2026-03-03", "2026-03-05", "2026-03-11");
    expect(call("STAGE_VELOCITY", [f, t, "median"])).toBe(3);
    expect(call("STAGE_VELOCITY", [f, t, "медиана"])).toBe(3);
    expect(call("STAGE_VELOCITY", [f, t, "Медіана"])).toBe(3);
    expect(call("STAGE_VELOCITY", [f, t, "среднее"])).toBe(4.25);
    expect(call("STAGE_VELOCITY", [f, t, "середнє"])).toBe(4.25);
    expect(call("STAGE_VELOCITY", [f, t, "min"])).toBe(1);
    expect(call("STAGE_VELOCITY", [f, t, "максимум"])).toBe(10);
    expect(call("STAGE_VELOCITY", [f, t, "count"])).toBe(4);
    expect(call("STAGE_VELOCITY", [f, t, "кількість"])).toBe(4);
    // p90 = PERCENTILE.INC: h = 3 × 0.9 = 2.7 → 4 + 0.7 × (10 − 4)
    expect(call("STAGE_VELOCITY", [f, t, "p90"])).toBeCloseTo(8.2);
    expect(call("STAGE_VELOCITY", [f, t, ""])).toBe(4.25);
  });
  it("units: fractional days with times, hours, workdays", () => {
    const f = col("2026-03-06 12:00");
    const t = col("2026-03-09 18:00");
    expect(call("STAGE_VELOCITY", [f, t])).toBe(3.25);
    expect(call("STAGE_VELOCITY", [f, t, "average", "hours"])).toBe(78);
    // Fri → Mon: one working day (Friday).
    expect(call("STAGE_VELOCITY", [f, t, "average", "workdays"])).toBe(1);
    expect(call("STAGE_VELOCITY", [f, t, "среднее", "рабочие дни"])).toBe(1);
    expect(call("STAGE_VELOCITY", [f, t, "", "години"])).toBe(78);
  });
  it("no qualifying row → empty", () => {
    expect(call("STAGE_VELOCITY", [col("", "x"), col("2026-01-01", "")])).toBe("");
    expect(call("STAGE_VELOCITY", [col("2026-03-02"), col("2026-03-01")])).toBe("");
  });
  it("bad statistic, unit or lengths are errors", () => {
    expect(errorOf("STAGE_VELOCITY", [from, to, "mode"])).toMatch(
      /^STAGE_VELOCITY: argument statistic, cell \(row 1, column 1\): expected "average"/,
    );
    expect(errorOf("STAGE_VELOCITY", [from, to, "", "weeks"])).toMatch(
      /^STAGE_VELOCITY: argument unit/,
    );
    expect(errorOf("STAGE_VELOCITY", [from, col(1, 2)])).toMatch(
      /^STAGE_VELOCITY: argument to_dates.*5.*2/,
    );
    expect(errorOf("STAGE_VELOCITY", [from, to, "mode"], "ru")).toMatch(/ожидалось "среднее"/);
  });
  it("DST: whole days across the change (Europe/Berlin, America/New_York)", () => {
    for (const [tz, a, b] of [
      ["Europe/Berlin", [2026, 3, 28], [2026, 3, 30]],
      ["Europe/Berlin", [2026, 10, 24], [2026, 10, 26]],
      ["America/New_York", [2026, 3, 7], [2026, 3, 9]],
      ["America/New_York", [2026, 10, 31], [2026, 11, 2]],
    ] as const) {
      const f = zonedDate(tz, a[0], a[1], a[2]);
      const t = zonedDate(tz, b[0], b[1], b[2]);
      expect(Math.abs(t.getTime() - f.getTime())).not.toBe(2 * 86_400_000);
      expect(call("STAGE_VELOCITY", [col(f), col(t)], { timeZone: tz })).toBe(2);
      expect(call("STAGE_VELOCITY", [col(f), col(t), "", "hours"], { timeZone: tz })).toBe(48);
    }
  });
  it("serial day numbers are dates", () => {
    // 46082 = 2026-03-01
    expect(call("STAGE_VELOCITY", [col(46082), col(46085.5)])).toBe(3.5);
  });

  describe("log form", () => {
    const ids = col("A", "A", "B", "B", "B", "C", "D", " a ");
    const stages = col("Meeting", "Paid", "Paid", "meeting", "PAID ", "Meeting", "Paid", "Meeting");
    const dates = col(
      "2026-03-02",
      "2026-03-10",
      "2026-03-01",
      "2026-03-03",
      "2026-03-05",
      "2026-03-04",
      "2026-03-04",
      "2026-03-01",
    );
    it("per id: first from-entry → first to-entry at or after it", () => {
      // A: first meeting 03-01 (" a " matches "A"), paid 03-10 → 9; B: meeting 03-03, paid 03-05
      // (the 03-01 payment is before) → 2; C: no payment; D: no meeting.
      expect(call("STAGE_VELOCITY", [ids, stages, dates, "meeting", "paid"])).toBe(5.5);
      expect(call("STAGE_VELOCITY", [ids, stages, dates, "Meeting", "Paid", "max"])).toBe(9);
      expect(call("STAGE_VELOCITY", [ids, stages, dates, "Meeting", "Paid", "count", "days"])).toBe(
        2,
      );
      expect(call("STAGE_VELOCITY", [ids, stages, dates, "Meeting", "Paid", "", "workdays"])).toBe(
        // A: Sun 03-01 → Tue 03-10: Mon 2 … Fri 6, Mon 9 = 6; B: Tue 03-03 → Thu 03-05 = 2.
        4,
      );
      expect(call("STAGE_VELOCITY", [ids, stages, dates, "Meeting", "Nowhere"])).toBe("");
    });
    it("bad dates and missing to_stage are errors", () => {
      const bad = col("2026-03-02", "soon", "2026-03-01", "", "", "", "", "");
      expect(errorOf("STAGE_VELOCITY", [ids, stages, bad, "Meeting", "Paid"])).toMatch(
        /^STAGE_VELOCITY: argument dates, cell \(row 2, column 1\): expected a date.*"soon"/,
      );
      expect(errorOf("STAGE_VELOCITY", [ids, stages, dates, "Meeting"])).toMatch(
        /^STAGE_VELOCITY:.*to_stage/,
      );
      expect(errorOf("STAGE_VELOCITY", [ids, stages, dates, "", "Paid"])).toMatch(
        /^STAGE_VELOCITY: argument from_stage/,
      );
    });
  });
});

describe("REQUIRED_CALLS (seed 003 worked example)", () => {
  it("50 sales at 5% → 1000 calls", () => {
    expect(call("REQUIRED_CALLS", [50, 0.05])).toBe(1000);
    expect(call("REQUIRED_CALLS", [50, "5%"])).toBe(1000);
  });
  it("15% and one in three → 1000, not 1001", () => {
    expect(call("REQUIRED_CALLS", [50, col(0.15, 1 / 3)])).toBe(1000);
    expect(call("REQUIRED_CALLS", [50, row("15%", 1 / 3)])).toBe(1000);
    expect(call("REQUIRED_CALLS", [50, col("15%", "", 1 / 3)])).toBe(1000);
  });
  it("over 21 working days → 48 a day", () => {
    expect(call("REQUIRED_CALLS", [50, 0.05, 21])).toBe(48);
    expect(call("REQUIRED_CALLS", [50, col(0.15, 1 / 3), 21])).toBe(48);
    expect(call("REQUIRED_CALLS", [50, 0.05, ""])).toBe(1000);
  });
  it("still rounds real fractions up", () => {
    expect(call("REQUIRED_CALLS", [10, 0.3])).toBe(34);
    expect(call("REQUIRED_CALLS", [1, 0.7])).toBe(2);
    expect(ceilClean(1000.0000000000001)).toBe(1000);
    expect(ceilClean(1000.001)).toBe(1001);
    expect(requiredActivities(50, [0.15, 1 / 3])).toBe(1000);
    expect(requiredPerStage(50, [0.15, 1 / 3])).toEqual([1000, 150, 50]);
  });
  it("a rate above 1 suggests a percent; zero says the target is unreachable", () => {
    expect(errorOf("REQUIRED_CALLS", [50, col(15, 0.3)])).toMatch(
      /^REQUIRED_CALLS: argument rates, cell \(row 1, column 1\): .*15%/,
    );
    expect(errorOf("REQUIRED_CALLS", [50, col(0.15, 0)])).toMatch(
      /^REQUIRED_CALLS: argument rates, cell \(row 2, column 1\): .*cannot be reached/,
    );
    expect(errorOf("REQUIRED_CALLS", [50, col(0.15, 0)], "ru")).toMatch(/недостижима/);
    expect(errorOf("REQUIRED_CALLS", [50, col(0.15, 0)], "uk")).toMatch(/не досягти/);
    expect(errorOf("REQUIRED_CALLS", [0, 0.05])).toMatch(
      /^REQUIRED_CALLS: argument target.*greater than 0/,
    );
    expect(errorOf("REQUIRED_CALLS", [50, col("", "")])).toMatch(/^REQUIRED_CALLS: argument rates/);
    expect(errorOf("REQUIRED_CALLS", [50, 0.05, 0])).toMatch(
      /^REQUIRED_CALLS: argument working_days/,
    );
    expect(errorOf("REQUIRED_CALLS", [50, -0.1])).toMatch(/^REQUIRED_CALLS: argument rates/);
  });
});

describe("FUNNEL", () => {
  const order = col("Call", "Meeting", "Paid");
  it("without ids: each row is an event; header row; Lost ignored", () => {
    const stages = col("Call", " call ", "CALL", "Meeting", "Lost", "", "Paid", "meeting");
    expect(call("FUNNEL", [stages, order])).toEqual([
      ["Stage", "Count", "Step conversion", "Overall conversion"],
      ["Call", 3, "", 1],
      ["Meeting", 2, 2 / 3, 2 / 3],
      ["Paid", 1, 0.5, 1 / 3],
    ]);
  });
  it("with ids: distinct ids that reached the stage or a later one", () => {
    const stages = col("Call", "Meeting", "Paid", "Call", "Meeting", "Lost", "Call");
    const ids = col(1, 1, 2, 3, 3, 4, 1);
    // 1 → Meeting, 2 → Paid (passed Call and Meeting), 3 → Meeting; 4 only Lost.
    expect(call("FUNNEL", [stages, order, ids])).toEqual([
      ["Stage", "Count", "Step conversion", "Overall conversion"],
      ["Call", 3, "", 1],
      ["Meeting", 3, 1, 1],
      ["Paid", 1, 1 / 3, 1 / 3],
    ]);
  });
  it("zero counts give empty conversions; headers follow the language", () => {
    expect(call("FUNNEL", [col("Paid"), order], { lang: "ru" })).toEqual([
      ["Этап", "Количество", "Конверсия шага", "Общая конверсия"],
      ["Call", 0, "", ""],
      ["Meeting", 0, "", ""],
      ["Paid", 1, "", ""],
    ]);
    expect((call("FUNNEL", [col("Paid"), order], { lang: "uk" }) as unknown[][])[0][0]).toBe(
      "Етап",
    );
  });
  it("errors", () => {
    expect(errorOf("FUNNEL", [col("a"), col("", "")])).toMatch(/^FUNNEL: argument order/);
    expect(errorOf("FUNNEL", [col("a", "b"), order, col(1)])).toMatch(/^FUNNEL: argument ids/);
    expect(
      errorOf("FUNNEL", [
        [
          ["a", "b"],
          ["c", "d"],
        ],
        order,
      ]),
    ).toMatch(/^FUNNEL: argument stages.*2×2/);
  });
});

describe("SALES_VELOCITY", () => {
  it("opportunities × win rate × average deal ÷ cycle days", () => {
    expect(call("SALES_VELOCITY", [40, "25%", 2000, 30])).toBeCloseTo(666.6667, 3);
    expect(call("SALES_VELOCITY", ["40", 0.25, "2 000", "30"])).toBeCloseTo(666.6667, 3);
    expect(call("SALES_VELOCITY", [40, 0.25, 2000, 0])).toBe("");
  });
  it("errors", () => {
    expect(errorOf("SALES_VELOCITY", [40, 25, 2000, 30])).toMatch(
      /^SALES_VELOCITY: argument win_rate.*25%/,
    );
    expect(errorOf("SALES_VELOCITY", [40, 0.25, 2000, -1])).toMatch(
      /^SALES_VELOCITY: argument cycle_days/,
    );
    expect(errorOf("SALES_VELOCITY", ["x", 0.25, 2000, 1])).toMatch(
      /^SALES_VELOCITY: argument opportunities/,
    );
    // The win rate is read as REQUIRED_CALLS reads its rates: text is not a rate.
    expect(errorOf("SALES_VELOCITY", [40, "x", 2000, 1])).toMatch(
      /^SALES_VELOCITY: argument win_rate.*rate between 0 and 1/,
    );
    expect(errorOf("SALES_VELOCITY", [col(1, 2), 0.25, 2000, 1])).toMatch(/single value.*2×1/);
  });
});

describe("PLAN_PACE", () => {
  it("run-rate forecast and share of plan", () => {
    expect(call("PLAN_PACE", [120, 300, "2026-03-01", "2026-03-31", "2026-03-10"])).toEqual([
      [372, 1.24],
    ]);
    // before the period: no pace yet; after: the actual is the result.
    expect(call("PLAN_PACE", [0, 300, "2026-03-01", "2026-03-31", "2026-02-20"])).toEqual([
      ["", ""],
    ]);
    expect(call("PLAN_PACE", [280, 300, "2026-03-01", "2026-03-31", "2026-04-05"])).toEqual([
      [280, 280 / 300],
    ]);
    expect(call("PLAN_PACE", [100, "", "2026-03-01", "2026-03-31", "2026-03-31"])).toEqual([
      [100, ""],
    ]);
  });
  it("workdays", () => {
    // March 2026 has 22 working days; 2–6 March is 5 of them.
    expect(
      call("PLAN_PACE", [50, 200, "2026-03-01", "2026-03-31", "2026-03-06", "workdays"]),
    ).toEqual([[220, 1.1]]);
  });
  it("Dates in the spreadsheet's zone across DST", () => {
    const tz = "America/New_York";
    const r = call(
      "PLAN_PACE",
      [
        10,
        31,
        zonedDate(tz, 2026, 3, 1),
        zonedDate(tz, 2026, 3, 31),
        zonedDate(tz, 2026, 3, 10, 23, 30),
      ],
      { timeZone: tz },
    );
    expect(r).toEqual([[31, 1]]);
  });
  it("errors", () => {
    expect(errorOf("PLAN_PACE", [1, 2, "2026-03-31", "2026-03-01", "2026-03-05"])).toMatch(
      /^PLAN_PACE: argument period_end/,
    );
    expect(errorOf("PLAN_PACE", [1, 2, "soon", "2026-03-01", "2026-03-05"])).toMatch(
      /^PLAN_PACE: argument period_start.*expected a date/,
    );
    expect(errorOf("PLAN_PACE", [1, 2, "2026-03-01", "2026-03-31", "2026-03-05", "weeks"])).toMatch(
      /^PLAN_PACE: argument unit/,
    );
  });
});

describe("TALK_TIME", () => {
  it("calls ≥ 60 s and minutes on the line from mixed durations", () => {
    expect(call("TALK_TIME", [col(45, "1:30", "0:02:00", 600, "")])).toEqual([[3, 14.25]]);
    expect(call("TALK_TIME", [col(45, "1:30"), 30])).toEqual([[2, 2.25]]);
    expect(call("TALK_TIME", [col(45, "1:30"), "", "calls"])).toBe(1);
    expect(call("TALK_TIME", [col(45, "1:30"), "", "минуты"])).toBe(2.25);
    expect(call("TALK_TIME", [col()])).toEqual([[0, 0]]);
  });
  it("Sheets durations (Dates from 1899-12-30 in the spreadsheet's zone)", () => {
    const tz = "Europe/Berlin";
    // 0:01:05 shown in Berlin: 1899-12-30 00:01:05 local time.
    const d = zonedDate(tz, 1899, 12, 30, 0, 1);
    const dur = new Date(d.getTime() + 5000);
    expect(call("TALK_TIME", [col(dur, 30)], { timeZone: tz })).toEqual([[1, 1.5833333333333333]]);
  });
  it("errors name the cell", () => {
    expect(errorOf("TALK_TIME", [col(45, "long")])).toMatch(
      /^TALK_TIME: argument durations, cell \(row 2, column 1\): expected a call duration/,
    );
    expect(errorOf("TALK_TIME", [col(-5)])).toMatch(/^TALK_TIME: argument durations/);
    expect(errorOf("TALK_TIME", [col(5), "x"])).toMatch(/^TALK_TIME: argument min_seconds/);
    expect(errorOf("TALK_TIME", [col(5), 60, "hours"], "uk")).toMatch(
      /^TALK_TIME: аргумент output/,
    );
  });
});

describe("REVERSE_FUNNEL", () => {
  it("per stage, consistent with REQUIRED_CALLS", () => {
    expect(
      call("REVERSE_FUNNEL", [50, col("15%", 1 / 3), col("Calls", "Meetings", "Sales"), 21]),
    ).toEqual([
      ["Stage", "Rate to next", "Needed", "Per day"],
      ["Calls", 0.15, 1000, 48],
      ["Meetings", 1 / 3, 150, 8],
      ["Sales", "", 50, 3],
    ]);
    expect(call("REVERSE_FUNNEL", [50, 0.05], { lang: "ru" })).toEqual([
      ["Этап", "Конверсия в следующий", "Нужно"],
      ["Этап 1", 0.05, 1000],
      ["Этап 2", "", 50],
    ]);
  });
  it("errors", () => {
    expect(errorOf("REVERSE_FUNNEL", [50, col(0.1, 0.2), col("a", "b")])).toMatch(
      /^REVERSE_FUNNEL: argument stages: expected 3 stage names/,
    );
    expect(errorOf("REVERSE_FUNNEL", [50, 15])).toMatch(/^REVERSE_FUNNEL: argument rates.*15%/);
  });
});

describe("keywords", () => {
  it("statistics and units", () => {
    expect(parseStatistic("p75")).toEqual({ kind: "quantile", p: 0.75 });
    expect(parseStatistic("p50")).toEqual({ kind: "median" });
    expect(parseStatistic("mode")).toBeNull();
    expect(parseUnit("робочі дні")).toBe("workdays");
    expect(parseUnit("")).toBe("days");
  });
});

describe("cleanResult (every function's result passes through it)", () => {
  it("blanks NaN, ±Infinity, null and undefined and pads ragged rows", () => {
    expect(
      cleanResult([[1, Number.NaN], [Number.POSITIVE_INFINITY], [null, undefined, "x"]]),
    ).toEqual([
      [1, "", ""],
      ["", "", ""],
      ["", "", "x"],
    ]);
    expect(cleanResult(Number.NEGATIVE_INFINITY)).toBe("");
    expect(cleanResult([])).toBe("");
  });
  it("keeps rows that are already clean instead of copying them (a 100k-row spill)", () => {
    const clean = [1, "a", true];
    const dirty = [1, Number.NaN, true];
    const out = cleanResult([clean, dirty]) as unknown[][];
    expect(out[0]).toBe(clean);
    expect(out[1]).not.toBe(dirty);
    expect(out[1]).toEqual([1, "", true]);
    expect(dirty[1]).toBeNaN();
  });
});
