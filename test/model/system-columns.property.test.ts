/**
 * Property (issue 11): a deals table plus any system, forecast and marketing columns — modified,
 * next activity, expected close, yes/no flags, counters — gives the same funnel as without them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index";
import { stageCounts, statusCounts } from "../support/modelFigures";

const STAGES = ["New lead", "Qualified", "Meeting", "Proposal", "Won", "Lost"];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
const START = Date.UTC(2025, 0, 1);

const dealRow = fc.record({
  owner: fc.constantFrom("Ann", "Bob", "Cleo"),
  stage: fc.constantFrom(...STAGES),
  createdDay: fc.integer({ min: 0, max: 300 }),
  later: fc.integer({ min: 0, max: 200 }),
  flag: fc.boolean(),
  count: fc.integer({ min: 0, max: 40 }),
});

interface Row {
  owner: string;
  stage: string;
  createdDay: number;
  later: number;
  flag: boolean;
  count: number;
}
type Extra = (row: Row) => string;

/** System columns: header and the cell for a row. */
const SYSTEM: [string, Extra][] = [
  ["Last Modified Date", (r) => iso(START + (r.createdDay + r.later) * DAY)],
  ["Next Activity Date", (r) => (r.flag ? iso(START + (400 + r.later) * DAY) : "")],
  ["Expected Close Date", (r) => iso(START + (r.createdDay + 30) * DAY).slice(0, 10)],
  ["Owner Assigned Date", (r) => iso(START + r.createdDay * DAY)],
  ["Do Not Email", (r) => (r.flag ? "Yes" : "No")],
  ["Is Private", (r) => (r.flag ? "true" : "false")],
  ["Number of Sales Activities", (r) => String(r.count)],
  ["Предполагаемая дата закрытия", (r) => iso(START + (r.createdDay + 45) * DAY)],
  ["Дата редактирования", (r) => iso(START + (r.createdDay + 1) * DAY)],
];

describe("system columns never change the funnel", () => {
  it("same stages, counts and outcomes with or without them", () => {
    fc.assert(
      fc.property(
        fc.array(dealRow, { minLength: 2, maxLength: 40 }),
        fc.subarray(
          SYSTEM.map((_, i) => i),
          { minLength: 1 },
        ),
        fc.integer({ min: 0, max: 4 }),
        (rows, extras, at) => {
          const base = [
            ["Deal ID", "Owner", "Stage", "Created"],
            ...rows.map((r, i) => [`D${i + 1}`, r.owner, r.stage, iso(START + r.createdDay * DAY)]),
          ];
          const withSystem = base.map((line, n) => {
            const out = [...line];
            for (const e of extras) {
              const [header, cell] = SYSTEM[e];
              out.splice(Math.min(at, out.length), 0, n === 0 ? header : cell(rows[n - 1]));
            }
            return out;
          });
          const a = buildModel([{ name: "Deals", values: base }], { timeZone: "UTC" }).model;
          const b = buildModel([{ name: "Deals", values: withSystem }], { timeZone: "UTC" }).model;
          expect(b.stages).toEqual(a.stages);
          expect(stageCounts(b)).toEqual(stageCounts(a));
          expect(statusCounts(b)).toEqual(statusCounts(a));
        },
      ),
      { numRuns: 150 },
    );
  });
});
