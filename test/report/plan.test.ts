import { describe, expect, it } from "vitest";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan, SheetKey } from "../../src/report/types";
import { DAY, day, deal, emptyModel, generateModel, STAGES } from "./fixtures";

function block(plan: ReportPlan, key: SheetKey, id: string): Block {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  const b = s.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

function col(b: Block, name: string): number {
  const i = b.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${b.header.join("|")}`);
  return i;
}

describe("planReport: funnel", () => {
  const stages = ["Lead", "Meeting", "Paid"];
  const m = emptyModel({
    stages,
    deals: [
      deal({ id: "1", rep: "Anna", source: "Google", created: day("2026-03-02"), reached: 0 }),
      // Skipped the meeting but paid: passed it (reached semantics).
      deal({
        id: "2",
        rep: "Anna",
        source: "Google",
        created: day("2026-03-03"),
        reached: 2,
        status: "won",
      }),
      deal({ id: "3", rep: "Boris", source: "Yandex", created: day("2026-03-04"), reached: 1 }),
      deal({ id: "4", rep: "Boris", source: "", created: day("2026-04-01"), reached: 1 }),
      deal({ id: "5", rep: "", source: "Yandex", created: null, reached: -1 }),
    ],
  });
  const plan = planReport(m, { lang: "en", period: "month" });

  it("counts stages with reached semantics and both conversions", () => {
    const b = block(plan, "funnel", "funnel.byStage");
    expect(b.header).toEqual(["Stage", "Count", "Step conversion", "Overall conversion"]);
    expect(b.rows).toEqual([
      ["Lead", 4, null, 1],
      ["Meeting", 3, 0.75, 0.75],
      ["Paid", 1, expect.closeTo(1 / 3, 9), 0.25],
    ]);
    expect(b.chart).toMatchObject({ type: "bar", categoryCol: 0, seriesCols: [1] });
    // Counts never grow down the funnel: the bar chart is sorted.
    const counts = b.rows.map((r) => r[1] as number);
    expect([...counts].sort((a, c) => c - a)).toEqual(counts);
  });

  it("splits by period, rep and source; totals equal the sum of the groups", () => {
    const p = block(plan, "funnel", "funnel.byPeriod");
    // The deal without a date has its own row, so the periods add up to the funnel.
    expect(p.rows.map((r) => r[0])).toEqual(["Mar 2026", "Apr 2026", "(no date)", "Total"]);
    expect(p.rows[0].slice(1, 4)).toEqual([3, 2, 1]);
    expect(p.rows[2].slice(1, 4)).toEqual([0, 0, 0]);
    expect(p.rows[3].slice(1, 4)).toEqual([4, 3, 1]);
    const r = block(plan, "funnel", "funnel.byRep");
    expect(r.rows.map((x) => x[0])).toEqual(["Anna", "Boris", "(no rep)", "Total"]);
    for (let c = 1; c <= 3; c++) {
      const sum = r.rows.slice(0, -1).reduce((s, x) => s + (x[c] as number), 0);
      expect(r.rows[r.rows.length - 1]?.[c]).toBe(sum);
    }
    const s = block(plan, "funnel", "funnel.bySource");
    expect(s.rows.map((x) => x[0])).toEqual(["Google", "Yandex", "(no source)", "Total"]);
  });

  it("filters by rep, source and dates", () => {
    const a = planReport(m, { lang: "en", period: "month", reps: [" anna "] });
    expect(block(a, "funnel", "funnel.byStage").rows.map((x) => x[1])).toEqual([2, 1, 1]);
    const y = planReport(m, { lang: "en", period: "month", sources: ["yandex"] });
    expect(block(y, "funnel", "funnel.byStage").rows.map((x) => x[1])).toEqual([1, 1, 0]);
    const d = planReport(m, { lang: "en", period: "month", from: "2026-04-01", to: "2026-04-30" });
    expect(block(d, "funnel", "funnel.byStage").rows.map((x) => x[1])).toEqual([1, 1, 0]);
  });

  it("is localized", () => {
    const ru = planReport(m, { lang: "ru", period: "week" });
    expect(ru.sheets[0].name).toBe("Воронка");
    expect(block(ru, "funnel", "funnel.byStage").header[0]).toBe("Этап");
    expect(block(ru, "funnel", "funnel.byPeriod").rows[0][0]).toBe("нед. 10, 2026");
    expect(
      block(planReport(m, { lang: "uk", period: "month" }), "funnel", "funnel.byPeriod").rows[0][0],
    ).toBe("бер 2026");
    const uk = planReport(m, { lang: "uk", period: "month" });
    expect(block(uk, "funnel", "funnel.byStage").header[1]).toBe("Кількість");
  });

  it("leaves out sheets without data", () => {
    expect(planReport(emptyModel(), { lang: "en", period: "month" }).sheets).toEqual([]);
    expect(plan.sheets.map((s) => s.key)).not.toContain("time");
    expect(plan.sheets.map((s) => s.key)).not.toContain("quality");
  });
});

describe("planReport: KPI", () => {
  const m = generateModel({ deals: 600, withPlans: true });
  const plan = planReport(m, { lang: "en", period: "month" });

  it("per-rep rows sum to the team row; totals agree with hand computation", () => {
    const b = block(plan, "kpi", "kpi.byRep");
    const team = b.rows[b.rows.length - 1] as (number | string | null)[];
    expect(team[0]).toBe("Team");
    // The first stage repeats "New leads" and the last repeats "Sales": not shown twice.
    expect(b.header).not.toContain(STAGES[0]);
    expect(b.header).not.toContain(STAGES[STAGES.length - 1]);
    const middle = STAGES.slice(1, -1);
    const additive = [
      "Calls",
      "Calls ≥ 60 s",
      "New leads",
      "Targeted",
      "Non-targeted",
      ...middle,
      "Sales",
      "Revenue",
    ];
    for (const name of additive) {
      const c = col(b, name);
      const sum = b.rows.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0);
      expect(team[c] as number).toBeCloseTo(sum, 6);
    }
    expect(team[col(b, "Calls")]).toBe(m.calls.length);
    expect(team[col(b, "Calls ≥ 60 s")]).toBe(
      m.calls.filter((c) => (c.durationSec ?? 0) >= 60).length,
    );
    // Minutes are whole.
    expect(team[col(b, "Minutes on the line")]).toBe(
      Math.round(m.calls.reduce((s, c) => s + (c.durationSec ?? 0), 0) / 60),
    );
    expect(team[col(b, "New leads")]).toBe(m.deals.length);
    const won = m.deals.filter((d) => d.status === "won");
    expect(team[col(b, "Sales")]).toBe(won.length);
    const revenue = won.reduce((s, d) => s + (d.amount ?? 0), 0);
    expect(team[col(b, "Revenue")]).toBeCloseTo(revenue, 6);
    expect(team[col(b, "Average check")]).toBeCloseTo(revenue / won.length, 6);
    expect(team[col(b, "Margin, %")]).toBeCloseTo(
      won.reduce((s, d) => s + (d.margin ?? 0), 0) / revenue,
      6,
    );
    for (const s of middle) {
      const k = STAGES.indexOf(s);
      expect(team[col(b, s)]).toBe(m.deals.filter((d) => d.reached >= k).length);
    }
  });

  it("per period: reps sum to the team row of each period", () => {
    const b = block(plan, "kpi", "kpi.byPeriod");
    const c = col(b, "Calls");
    const periods = [...new Set(b.rows.map((r) => r[0]))];
    expect(periods).toEqual(["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"]);
    for (const p of periods) {
      const rows = b.rows.filter((r) => r[0] === p);
      const team = rows[rows.length - 1] as unknown[];
      expect(team[1]).toBe("Team");
      expect(rows.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0)).toBe(team[c]);
    }
  });

  it("plan, % of plan, run-rate forecast of the current period and daily plan", () => {
    const mm = emptyModel({
      stages: ["Lead"],
      calls: Array.from({ length: 30 }, (_, i) => ({
        at: day("2026-03-02") + (i % 10) * DAY,
        rep: "Anna",
        durationSec: 90,
        direction: null,
        result: "",
        dealId: "",
        source: "",
      })),
      plans: [
        {
          start: day("2026-03-01"),
          end: day("2026-04-01"),
          label: "March",
          metric: "calls",
          metricText: "calls",
          target: 66,
          rep: "",
        },
      ],
    });
    // Today 2026-03-13 (Friday): 10 working days elapsed of 22.
    const p = planReport(mm, { lang: "en", period: "month", today: "2026-03-13" });
    const b = block(p, "kpi", "kpi.plan");
    expect(b.rows[0]).toEqual([
      "Mar 2026",
      "Team",
      "Calls",
      66,
      30,
      expect.closeTo(30 / 66, 6),
      66,
      3,
      3,
    ]);
    expect(b.note).toContain("10 of 22");
    // Without a plan, the current period still gets its run-rate forecast.
    const f = block(p, "kpi", "kpi.forecast");
    expect(f.header).toEqual(["Rep", "Calls: fact", "Calls: forecast"]);
    expect(f.rows).toEqual([
      ["Anna", 30, 66],
      ["Team", 30, 66],
    ]);
    // No today, or a today past the data: no forecast at all.
    const none = planReport(mm, { lang: "en", period: "month" });
    expect(none.sheets[0].blocks.map((x) => x.id)).not.toContain("kpi.forecast");
    expect(block(none, "kpi", "kpi.plan").rows[0][6]).toBeNull();
    const later = planReport(mm, { lang: "en", period: "month", today: "2026-05-13" });
    expect(later.sheets[0].blocks.map((x) => x.id)).not.toContain("kpi.forecast");
    expect(block(later, "kpi", "kpi.plan").rows[0][6]).toBeNull();
  });

  it("repeat-customer revenue share and sales cycle", () => {
    const mm = emptyModel({
      stages: ["Lead", "Won"],
      deals: [
        deal({
          id: "a",
          client: "Acme",
          created: day("2026-01-01"),
          closed: day("2026-01-11"),
          reached: 1,
          status: "won",
          amount: 100,
        }),
        deal({
          id: "b",
          client: "acme ",
          created: day("2026-02-01"),
          closed: day("2026-02-21"),
          reached: 1,
          status: "won",
          amount: 300,
        }),
        deal({ id: "c", client: "Other", created: day("2026-02-01"), reached: 0, status: "lost" }),
      ],
    });
    const b = block(planReport(mm, { lang: "en", period: "month" }), "kpi", "kpi.byRep");
    const team = b.rows[b.rows.length - 1] as unknown[];
    expect(team[col(b, "Revenue share from repeat customers")]).toBeCloseTo(0.75, 9);
    expect(team[col(b, "Sales cycle, days")]).toBeCloseTo(15, 9);
  });
});

describe("planReport: velocity", () => {
  const d = (id: string, a: string, b: string, c: string | null) =>
    deal({
      id,
      created: day(a),
      reached: c ? 2 : 1,
      stageDates: [day(a), day(b), c ? day(c) : null],
    });

  it("average, median, p90 and count per transition; trend against the month before", () => {
    const m = emptyModel({
      stages: ["A", "B", "C"],
      deals: [
        d("1", "2026-01-01", "2026-01-03", "2026-01-13"), // 2, 10
        d("2", "2026-01-01", "2026-01-05", null), // 4
        d("3", "2026-01-10", "2026-01-16", "2026-01-20"), // 6, 4
        d("4", "2026-02-01", "2026-02-02", "2026-02-06"), // 1, 4
        d("5", "2026-03-01", "2026-03-11", "2026-03-21"), // 10, 10
        d("6", "2026-05-01", "2026-05-03", "2026-05-05"), // 2, 2 (after an empty April)
        d("7", "2026-06-01", "2026-06-02", "2026-06-03"), // 1, 1 (data ends 3 June)
      ],
    });
    const plan = planReport(m, { lang: "en", period: "month" });
    const b = block(plan, "velocity", "velocity.byTransition");
    // A→B: 2, 4, 6, 1, 10, 2, 1 → sorted 1 1 2 2 4 6 10: avg 26/7, median 2, p90 at 5.4 → 6 + 0.4 × 4
    expect(b.rows[0]).toEqual(["A → B", 7, expect.closeTo(26 / 7, 3), 2, 7.6]);
    const tr = block(plan, "velocity", "velocity.trend");
    expect(tr.header).toEqual([
      "Month",
      "A → B",
      "B → C",
      "Funnel time, days",
      "Goal, days",
      "Goal met",
    ]);
    // Jan: A→B (2+4+6)/3 = 4, B→C (10+4)/2 = 7 → 11, no goal; Feb 5 ≤ 11 × 0.8 = 8.8;
    // Mar 20 > 5 × 0.8 = 4; Apr no data; May: no goal after an empty month; Jun not over.
    expect(tr.rows).toEqual([
      ["Jan 2026", 4, 7, 11, null, ""],
      ["Feb 2026", 1, 4, 5, 8.8, "yes"],
      ["Mar 2026", 10, 10, 20, 4, "no"],
      ["Apr 2026", null, null, null, 16, ""],
      ["May 2026", 2, 2, 4, null, ""],
      ["Jun 2026", 1, 1, 2, 3.2, "month not over"],
    ]);
    expect(tr.highlights).toEqual([
      { row: 1, col: 3, style: "good" },
      { row: 2, col: 3, style: "bad" },
    ]);
  });

  it("two stages dated by one source column are not a transition; same-day ones between columns are", () => {
    const deals = [
      deal({
        id: "1",
        created: day("2026-01-01"),
        reached: 2,
        status: "won",
        stageDates: [day("2026-01-01"), day("2026-01-01"), day("2026-01-01")],
      }),
    ];
    const same = emptyModel({
      stages: ["A", "B", "C"],
      deals,
      stageSources: ["T!1", "T!2", "T!2"],
    });
    const rows = block(
      planReport(same, { lang: "en", period: "month" }),
      "velocity",
      "velocity.byTransition",
    ).rows;
    expect(rows.map((r) => r[0])).toEqual(["A → B", "Created → sold"]);
    expect(rows[0].slice(1, 3)).toEqual([1, 0]);
  });
});

describe("planReport: changes", () => {
  for (const stage of [1, 2, 3, 4]) {
    it(`names the stage with a planted drop (stage ${stage})`, () => {
      const m = generateModel({ deals: 8000, seed: stage, dropStage: stage, dropFactor: 0.5 });
      const plan = planReport(m, { lang: "en", period: "month" });
      const b = block(plan, "changes", "changes.byStage");
      // April's deals are younger than the window on the data's last day: March against February.
      expect(b.title).toBe("Cohorts compared: Mar 2026 against Feb 2026");
      expect(b.note).toContain("Later periods (Apr 2026) are not compared");
      expect(b.note).toContain(`Start with “${STAGES[stage]}”`);
      expect(b.highlights).toEqual([{ row: stage, col: -1, style: "bad" }]);
      const checks = block(plan, "changes", "changes.checks");
      expect(checks.rows.length).toBeGreaterThanOrEqual(5);
      // The fixture has no confirmation-to-held pair before stage 2: no confirmations check.
      for (const r of checks.rows)
        for (const s of String(r[0]).matchAll(/“([^”]+)”/g)) {
          expect(STAGES).toContain(s[1]);
        }
    });
  }

  it("names nothing without a drop, and needs two periods old enough", () => {
    const m = generateModel({ deals: 8000, seed: 3 });
    const b = block(planReport(m, { lang: "ru", period: "month" }), "changes", "changes.byStage");
    expect(b.note).toMatch(/Ни на одном этапе/);
    const one = generateModel({ deals: 100, months: 1 });
    expect(planReport(one, { lang: "en", period: "month" }).sheets.map((s) => s.key)).not.toContain(
      "changes",
    );
  });

  it("the window can be set: with 0 days every period is old enough", () => {
    const m = generateModel({ deals: 4000, seed: 5, dropStage: 2 });
    const plan = planReport(m, { lang: "en", period: "month", cohortWindowDays: 0 });
    const b = block(plan, "changes", "changes.byStage");
    expect(b.title).toBe("Cohorts compared: Apr 2026 against Mar 2026");
    expect(b.note).toContain("within 0 days of creation (the window set in the report options)");
  });
});

describe("planReport: time, quality, data check", () => {
  it("time: hours per category, selling share, misc warning", () => {
    const m = generateModel({ deals: 50, withTime: true });
    const plan = planReport(m, { lang: "en", period: "month" });
    const b = block(plan, "time", "time.byRep");
    expect(b.header).toEqual([
      "Rep",
      "Documentation",
      "Meeting with client",
      "Misc",
      "Outgoing call",
      "Total hours",
      "Selling time share",
      "Other work time share",
    ]);
    const anna = b.rows[0];
    // per month per rep: call 600, meeting 540, docs 480, misc 60·(m+1) minutes
    expect(anna.slice(1, 6)).toEqual([32, 36, 10, 40, 118]);
    expect(anna[6]).toBeCloseTo(76 / 118, 6);
    const misc = block(plan, "time", "time.misc");
    expect(misc.note).toMatch(/growing/);
  });

  it("quality: per rep and criterion, won against lost", () => {
    const m = generateModel({ deals: 300, withGrades: true });
    const plan = planReport(m, { lang: "en", period: "month" });
    const b = block(plan, "quality", "quality.byRep");
    expect(b.header).toEqual(["Rep", "Graded", "Greeting", "Needs", "Next step", "Overall"]);
    expect(b.rows[b.rows.length - 1]?.[1]).toBe(200);
    const wl = block(plan, "quality", "quality.wonLost");
    // The difference is in points, not a percent.
    expect(wl.rows[0]).toEqual(["Greeting", 0.9, 0.5, 40]);
    expect(wl.formats[3]).toBe("points");
  });

  it("data check lists every issue", () => {
    const m = emptyModel({
      issues: [
        { tab: "Calls", row: 5, column: 1, header: "Date", value: "32.13.2026", reason: "badDate" },
        { tab: "Deals", row: 9, column: 0, header: "", value: "", reason: "missingId" },
      ],
    });
    const plan = planReport(m, { lang: "ru", period: "month" });
    expect(plan.sheets.map((s) => s.name)).toEqual(["Проверка данных"]);
    const rows = block(plan, "dataCheck", "dataCheck.rows").rows;
    expect(rows).toEqual([
      ["Calls", 5, 1, "Date", "32.13.2026", "Не удалось прочитать дату.", ""],
      ["Deals", 9, null, "", "", "В строке нет идентификатора.", ""],
    ]);
  });
});

describe("planReport: every block is well-formed", () => {
  it("widths match headers and formats", () => {
    const m = generateModel({
      deals: 3000,
      withTime: true,
      withPlans: true,
      withGrades: true,
      dropStage: 2,
    });
    for (const lang of ["en", "ru", "uk"] as const) {
      for (const period of ["week", "month"] as const) {
        const plan = planReport(m, { lang, period });
        expect(plan.sheets.map((s) => s.key)).toEqual([
          "funnel",
          "kpi",
          "velocity",
          "changes",
          "time",
          "quality",
        ]);
        for (const s of plan.sheets) {
          for (const b of s.blocks) {
            expect(b.formats.length, b.id).toBe(b.header.length);
            for (const r of b.rows) {
              expect(r.length, b.id).toBe(b.header.length);
              for (const v of r) {
                if (typeof v === "number") expect(Number.isFinite(v), b.id).toBe(true);
                expect(v, b.id).not.toBeUndefined();
              }
            }
          }
        }
      }
    }
  });
});

void DAY;

describe("planReport: top N per block", () => {
  it("quality keeps the N most graded criteria and averages the rest as Other", () => {
    const m = emptyModel({
      criteria: ["A", "B", "C"],
      grades: [
        { id: "1", rep: "Anna", scores: [1, 0, null] },
        { id: "2", rep: "Anna", scores: [1, 1, 0.5] },
        { id: "3", rep: "Boris", scores: [0, null, null] },
      ],
    });
    const b = block(
      planReport(m, { lang: "en", period: "month", topN: 1 }),
      "quality",
      "quality.byRep",
    );
    expect(b.header).toEqual(["Rep", "Graded", "A", "Other (2)", "Overall"]);
    // Anna: A 1, 1 → 1; Other: B 0, 1 and C 0.5 → 0.5; overall 3.5 / 5.
    expect(b.rows[0]).toEqual(["Anna", 2, 1, 0.5, 0.7]);
  });

  it("KPI keeps the N reps with the most leads and calls, the rest in one row", () => {
    const reps = ["Anna", "Boris", "Vera", "Gleb"];
    const deals = reps.flatMap((rep, i) =>
      Array.from({ length: i + 1 }, (_, j) =>
        deal({ id: `${rep}${j}`, rep, created: day("2026-03-02"), reached: 0 }),
      ),
    );
    const m = emptyModel({ stages: ["Lead"], deals });
    const b = block(planReport(m, { lang: "en", period: "month", topN: 2 }), "kpi", "kpi.byRep");
    const leads = col(b, "New leads");
    expect(b.rows.map((r) => [r[0], r[leads]])).toEqual([
      ["Gleb", 4],
      ["Vera", 3],
      ["Other (2)", 3],
      ["Team", 10],
    ]);
  });
});

describe("planReport: changes on an export with a current-stage column only", () => {
  it("shows the share reached so far, without a window, and counts undated deals in a note", () => {
    const stages = ["New", "Meeting", "Paid"];
    const deals = [];
    for (let i = 0; i < 30; i++) {
      const month = i < 10 ? "2026-01" : i < 20 ? "2026-02" : "2026-03";
      deals.push(deal({ id: `d${i}`, created: day(`${month}-1${i % 10}`), reached: i % 3 }));
    }
    deals.push(deal({ id: "x", reached: 2 }));
    const m = emptyModel({ stages, deals });
    const b = block(planReport(m, { lang: "en", period: "month" }), "changes", "changes.byStage");
    // The data ends on 19 March: March is not over, so February is compared with January.
    expect(b.title).toBe("Cohorts compared: Feb 2026 against Jan 2026");
    expect(b.note).toContain(
      "what the cohort has reached by the data's last date, without a window",
    );
    expect(b.note).toContain("Deals with no date: 1");
    // January: reached = i % 3 for i = 0..9 → six reached a meeting, three paid.
    expect(b.rows.map((r) => r[1])).toEqual([10, 6, 3]);
  });
});

describe("planReport: velocity without the model's source columns", () => {
  it("a step whose dates agree to the millisecond in every deal is one column; a few same-day ones are real", () => {
    const mk = (n: number, same: boolean) =>
      Array.from({ length: n }, (_, i) =>
        deal({
          id: `d${i}`,
          created: day("2026-01-01"),
          reached: 2,
          status: "won",
          stageDates: [
            day("2026-01-01"),
            day("2026-01-05"),
            day(same ? "2026-01-05" : "2026-01-09"),
          ],
        }),
      );
    const steps = (deals: ReturnType<typeof mk>) =>
      block(
        planReport(emptyModel({ stages: ["A", "B", "C"], deals }), { lang: "en", period: "month" }),
        "velocity",
        "velocity.byTransition",
      ).rows.map((r) => r[0]);
    expect(steps(mk(25, true))).toEqual(["A → B", "Created → sold"]);
    // Five same-day deals: too few to tell, so the 0-day step stays.
    expect(steps(mk(5, true))).toEqual(["A → B", "B → C", "Created → sold"]);
    expect(steps([...mk(25, true), ...mk(1, false)])).toEqual(["A → B", "B → C", "Created → sold"]);
  });
});

describe("planReport: amounts in several currencies", () => {
  it("are never added: revenue and average check per currency, money without kopecks", () => {
    const won = (id: string, amount: number, currency?: string) =>
      deal({
        id,
        created: day("2026-03-02"),
        closed: day("2026-03-09"),
        reached: 1,
        status: "won",
        amount,
        ...(currency ? { currency } : {}),
      });
    const m = emptyModel({
      stages: ["Lead", "Paid"],
      deals: [won("1", 100, "USD"), won("2", 300, "USD"), won("3", 5000, "RUB")],
    });
    const b = block(planReport(m, { lang: "en", period: "month" }), "kpi", "kpi.byRep");
    expect(b.header).not.toContain("Revenue");
    const team = b.rows[b.rows.length - 1];
    expect(team[col(b, "Revenue, RUB")]).toBe(5000);
    expect(team[col(b, "Revenue, USD")]).toBe(400);
    expect(team[col(b, "Average check, USD")]).toBe(200);
    expect(b.formats[col(b, "Revenue, USD")]).toBe("money");
    // One currency (or none named): one revenue column; kopecks in the data keep kopecks.
    const one = emptyModel({
      stages: ["Lead", "Paid"],
      deals: [won("1", 100.5, "USD"), won("2", 300, "USD")],
    });
    const c = block(planReport(one, { lang: "en", period: "month" }), "kpi", "kpi.byRep");
    expect(c.rows[c.rows.length - 1][col(c, "Revenue")]).toBe(400.5);
    expect(c.formats[col(c, "Revenue")]).toBe("moneyCents");
  });
});

describe("planReport: top N ranks groups by all their deals", () => {
  it("keeps the rep with the most deals, not the most stuck at the first stage", () => {
    const stages = ["Lead", "Meeting", "Paid"];
    const deals = [
      ...Array.from({ length: 5 }, (_, i) =>
        deal({ id: `a${i}`, rep: "Anna", created: day("2026-03-02"), reached: 2, status: "won" }),
      ),
      ...Array.from({ length: 3 }, (_, i) =>
        deal({ id: `b${i}`, rep: "Boris", created: day("2026-03-02"), reached: 0 }),
      ),
    ];
    const plan = planReport(emptyModel({ stages, deals }), {
      lang: "en",
      period: "month",
      topN: 1,
    });
    const byRep = block(plan, "funnel", "funnel.byRep");
    expect(byRep.rows.map((r) => r[0])).toEqual(["Anna", "Other (1)", "Total"]);
  });
});
