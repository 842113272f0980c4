/**
 * The SQL name key (dialect.ts nameKeySql) against core/values.ts nameKey, executed by DuckDB:
 * the spaces nameKey takes for spaces (JavaScript's \s and trim: no-break, figure, narrow
 * no-break, ideographic spaces, tabs…) are spaces in SQL too, where \s and TRIM stop at ASCII.
 * A call's or a checklist row's deal id with a U+00A0 finds its deal in both engines.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregates/memory";
import { nameKey } from "../../src/core/values";
import { buildModel } from "../../src/model";
import type { RawTab } from "../../src/model/types";
import { dialectOf, nameKeySql, SPACE_CLASS } from "../../src/sql/dialect";
import { aggregateWithDuckdb } from "../../src/sql/duckdb";
import { expectSameAggregates } from "./compare";

let db: DuckDBInstance;
let con: Awaited<ReturnType<DuckDBInstance["connect"]>>;
beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});

/** DuckDB's nameKeySql of each text, in order. */
async function sqlKeys(xs: readonly string[]): Promise<string[]> {
  await con.run("CREATE OR REPLACE TABLE v (i BIGINT, x VARCHAR)");
  const app = await con.createAppender("v");
  xs.forEach((x, i) => {
    app.appendBigInt(BigInt(i));
    app.appendVarchar(x);
    app.endRow();
  });
  app.closeSync();
  const r = await con.runAndReadAll(
    `SELECT ${nameKeySql(dialectOf("duckdb"), "x")} AS k FROM v ORDER BY i`,
  );
  return r.getRowObjects().map((o) => String(o.k));
}

/** The spaces of the tests, written out: no-break, figure, narrow no-break, tab and others. */
const SPACES = [
  " ",
  "\u00a0",
  "\u2007",
  "\u202f",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u000c",
  "\u1680",
  "\u2000",
  "\u200a",
  "\u2028",
  "\u2029",
  "\u205f",
  "\u3000",
  "\ufeff",
];

describe("the SQL name key = nameKey", () => {
  it("SPACE_CLASS is exactly the characters JavaScript's \\s takes (every code point)", () => {
    const asJs = new RegExp(SPACE_CLASS.replace(/\\x\{([0-9A-F]+)\}/g, "\\u{$1}"), "u");
    const differ: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      const ch = String.fromCodePoint(c);
      if (asJs.test(ch) !== /\s/.test(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("on ids with no-break, figure and narrow no-break spaces and tabs (DuckDB)", async () => {
    const ids = [
      "D\u00a01",
      "\u00a0D 1\u00a0",
      "D\u20071",
      "D\u202f1",
      "\tD\t\t1\t",
      "Ёлка\u00a0\u202f 7",
      "\u2007\u202f",
      "A\u3000B\ufeff",
      "plain-id",
      "",
    ];
    const want = ids.map((x) => nameKey(x));
    expect(want.slice(0, 5)).toEqual(["d 1", "d 1", "d 1", "d 1", "d 1"]);
    expect(await sqlKeys(ids)).toEqual(want);
  });

  it("on random strings of letters, ё and every space nameKey takes (fast-check)", async () => {
    const char = fc.constantFrom(...SPACES, "a", "B", "ё", "Ё", "е", "Я", "z", "-", "1");
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(char, { maxLength: 12 }).map((cs) => cs.join("")),
          { maxLength: 60 },
        ),
        async (xs) => {
          expect(await sqlKeys(xs)).toEqual(xs.map((x) => nameKey(x)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a call's and a graded row's deal id with odd spaces finds its deal in both engines", async () => {
    const deals: RawTab = {
      name: "Deals",
      values: [
        ["Deal ID", "Owner", "Stage", "Created", "Source"],
        ["D-1", "Ann", "Won", "2024-01-02", "Web"],
        ["D 2", "Bob", "Lost", "2024-01-03", "Ads"],
        ["D 3", "Cid", "Won", "2024-01-04", "Fair"],
      ],
    };
    const calls: RawTab = {
      name: "Calls",
      values: [
        ["Date", "Rep", "Duration", "Deal ID"],
        ["2024-01-05 10:00", "Ann", 90, "D-1\u00a0"],
        ["2024-01-05 11:00", "Bob", 30, "D\u20072"],
        ["2024-01-05 12:00", "Cid", 75, "\tD\u202f3"],
      ],
    };
    const checklist: RawTab = {
      name: "Call checklist",
      values: [
        ["Deal ID", "Rep", "Greeting", "Needs identified"],
        ["D-1\u00a0", "", "yes", "no"],
        ["d\u20072", "", "no", "yes"],
        ["\u202fD\t3", "", "yes", "yes"],
      ],
    };
    const tabs = [deals, calls, checklist];
    const built = buildModel(tabs, { timeZone: "UTC" });
    const memory = aggregate(built.model, 60);
    const sql = await aggregateWithDuckdb(tabs, built, 60);
    expectSameAggregates(memory, sql);
    // Each call takes its deal's source; each graded id names its deal.
    const sources = sql.repDays.map((r) => `${r.rep}:${r.source}`).sort();
    expect(sources).toEqual(["Ann:Web", "Bob:Ads", "Cid:Fair"]);
    const graded = (sql.gradedDeals ?? []).map((r) => `${r.dealRep}:${r.dealStatus}`).sort();
    expect(graded).toEqual(["Ann:won", "Bob:lost", "Cid:won"]);
  });
});
