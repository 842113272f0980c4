/**
 * End-to-end runs of `voronka report`: the real Maven export and the shipped demo workbook,
 * read back with ExcelJS; errors and --force protection.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { LARGE_ROWS } from "../../src/cli/report";
import { buildModel } from "../../src/model/index";
import { sheetName } from "../../src/report/index";

import { type CliRun, runCli } from "../support/runCli";

const ROOT = resolve(__dirname, "../..");
const MAVEN = resolve(ROOT, "../shared/datasets/maven-crm/sales_pipeline.csv");
/** The command from source, as `npm run report` runs it (test/cli/pack.test.ts runs the built one). */
const FROM_SOURCE = [
  "--import",
  pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href,
  join(ROOT, "src/cli/main.ts"),
];
const DEMO = resolve(ROOT, "examples/demo-workbook.xlsx");
const dir = mkdtempSync(join(tmpdir(), "voronka-cli-"));

const run = (argv: string[], cwd = dir): Promise<CliRun> => runCli(argv, cwd);

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every row of a worksheet as plain values (1-based columns shifted to 0-based). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values.map((v) => (v === undefined ? null : v));
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The data rows of the block whose title row is `title` (up to the next blank row). */
function blockRows(ws: ExcelJS.Worksheet, title: string | RegExp): unknown[][] {
  const rows = rowsOf(ws);
  const at = rows.findIndex(
    (r) =>
      typeof r[0] === "string" && (typeof title === "string" ? r[0] === title : title.test(r[0])),
  );
  expect(at, `block "${title}" on ${ws.name}`).toBeGreaterThanOrEqual(0);
  let header = at + 1;
  // Skip the note line (merged across the sheet, so every cell reads as its text): the header
  // is the first row with more than one distinct cell.
  while (rows[header] && new Set(rows[header].filter((v) => v !== null)).size < 2) header++;
  const out: unknown[][] = [];
  for (let i = header + 1; i < rows.length && rows[i].some((v) => v !== null && v !== ""); i++) {
    out.push(rows[i]);
  }
  return out;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name} in ${wb.worksheets.map((w) => w.name).join(", ")}`).toBeDefined();
  return ws as ExcelJS.Worksheet;
}

// The Maven export lives next to the repo (../shared), not in it: a clone without it skips these.
describe.skipIf(!existsSync(MAVEN))("the Maven export as it is", () => {
  const out = join(dir, "maven.xlsx");
  let res: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    res = spawnSync(process.execPath, [...FROM_SOURCE, "report", MAVEN, "--out", out], {
      cwd: dir,
      encoding: "utf8",
      timeout: 120_000,
    });
  }, 130_000);

  it("exits 0 and prints the funnel summary", () => {
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const stdout = String(res.stdout);
    expect(stdout).toMatch(/8,800\s+—\s+100\.0%/);
    expect(stdout).toMatch(/8,300\s+94\.3%\s+94\.3%/);
    expect(stdout).toMatch(/6,711\s+80\.9%\s+76\.3%/);
    expect(stdout).toMatch(/4,238\s+63\.2%\s+48\.2%/);
    expect(stdout).toContain("maven.xlsx");
  });

  it("writes a Funnel sheet: all → engaged → closed → won", async () => {
    const wb = await load(out);
    const rows = blockRows(sheet(wb, "Funnel"), "Funnel by stage");
    expect(rows.map((r) => r[1])).toEqual([8800, 8300, 6711, 4238]);
    expect(rows[1][2]).toBeCloseTo(8300 / 8800, 3);
    expect(rows[3][3]).toBeCloseTo(4238 / 8800, 3);
    // The funnel's picture: a native data bar on the counts, no characters beside them.
    expect(rows.every((r) => r[4] === null || r[4] === undefined)).toBe(true);
    const cf = (
      sheet(wb, "Funnel") as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string }[] }[];
      }
    ).conditionalFormattings;
    expect(cf.some((c) => c.ref === "B4:B7" && c.rules[0].type === "dataBar")).toBe(true);
  });

  it("writes KPI per sales agent", async () => {
    const wb = await load(out);
    const ws = sheet(wb, "KPI");
    const anna = rowsOf(ws).filter((r) => r.includes("Anna Snelling"));
    expect(anna.length).toBeGreaterThan(0);
    // Anna Snelling: 208 won deals, 275,056 of revenue (from the CSV).
    expect(anna.some((r) => r.includes(208) && r.includes(275056))).toBe(true);
    const agents = new Set(rowsOf(ws).map((r) => r[0]));
    for (const a of ["Darcel Schlecht", "Moses Frase", "Boris Faz"])
      expect(agents.has(a)).toBe(true);
  });

  it("writes Velocity of engage → close", async () => {
    const wb = await load(out);
    const rows = rowsOf(sheet(wb, "Velocity"));
    // 6,711 closed deals with both dates: mean 47.99 days, median 45.
    const row = rows.find((r) => r.includes(6711));
    expect(row).toBeDefined();
    const nums = (row as unknown[]).filter((v): v is number => typeof v === "number");
    expect(nums.some((v) => Math.abs(v - 47.985) < 0.06)).toBe(true);
    expect(nums).toContain(45);
  });
});

describe("the demo workbook", () => {
  it("npm run demo's command writes the report in Russian", async () => {
    expect(existsSync(DEMO)).toBe(true);
    const out = join(dir, "demo.xlsx");
    const r = await run(["report", DEMO, "--out", out, "--lang", "ru"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Этап");
    const wb = await load(out);
    const names = wb.worksheets.map((w) => w.name);
    // The generator makes all six kinds of tab, so every sheet but the (empty) data check.
    const keys = ["funnel", "kpi", "velocity", "changes", "time", "quality"] as const;
    expect(names.slice(0, 6)).toEqual(keys.map((k) => sheetName("ru", k)));
    // The same figures as the model: a deal counts at every stage up to the one it reached.
    const { model } = buildModel(await readXlsx(readFileSync(DEMO)), { timeZone: "UTC" });
    const expected = model.stages.map((_, k) => model.deals.filter((d) => d.reached >= k).length);
    const rows = blockRows(sheet(wb, "Воронка"), "Воронка по этапам");
    const counts = rows.map((r) => r[1] as number);
    expect(rows.map((r) => r[0])).toEqual(model.stages);
    expect(counts).toEqual(expected);
    expect(counts.length).toBeGreaterThan(2);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
    expect(counts[counts.length - 1]).toBeGreaterThan(0);
    // The printed summary shows the same counts.
    for (const c of counts) expect(r.out).toContain(new Intl.NumberFormat("ru-RU").format(c));
  });

  it("is small enough to commit", () => {
    expect(readFileSync(DEMO).length).toBeLessThan(1024 * 1024);
  });
});

describe("CSV inputs end to end", () => {
  it("semicolons, Windows-1251 and Russian headers give a funnel", async () => {
    const text =
      "Сделка;Менеджер;Этап;Дата создания;Сумма\n" +
      "A-1;Иванов;Оплачено;2026-01-05;1 200,50\n" +
      "A-2;Петров;Отказ;2026-01-06;\n" +
      "A-3;Иванов;Оплачено;2026-02-03;800\n";
    // A Windows-1251 file: encode through latin1 bytes of the cp1251 code points.
    const bytes = Buffer.from(
      Array.from(text, (ch) => {
        const c = ch.codePointAt(0) as number;
        return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
      }),
    );
    const p = join(dir, "сделки.csv");
    writeFileSync(p, bytes);
    const r = await run(["report", p, "--out", join(dir, "cp.xlsx")]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "cp.xlsx"))).toBe(true);
  });
});

describe("errors: one line, non-zero exit, no stack", () => {
  const oneLine = (r: CliRun) => {
    expect(r.code).not.toBe(0);
    expect(r.err.split("\n")[0]).toMatch(/^voronka: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  };

  it("a missing file", async () => {
    const r = await run(["report", "nope.csv"]);
    oneLine(r);
    expect(r.err).toContain("nope.csv: no such file");
  });

  it("an empty file", async () => {
    writeFileSync(join(dir, "empty.csv"), "");
    const r = await run(["report", "empty.csv"]);
    oneLine(r);
    expect(r.err).toContain("empty.csv: the file is empty");
  });

  it("a tab with no recognisable columns", async () => {
    writeFileSync(join(dir, "weather.csv"), "city,temperature\nKyiv,12\nLviv,10\n");
    const r = await run(["report", "weather.csv"]);
    oneLine(r);
    expect(r.err).toMatch(
      /weather.*no (recognisable columns|tab was recognised).*city, temperature/,
    );
  });

  it("a workbook: an unrecognised tab is skipped with a line, none recognised is an error", async () => {
    const wb = new ExcelJS.Workbook();
    const deals = wb.addWorksheet("Deals");
    deals.addRow(["opportunity_id", "sales_agent", "deal_stage", "engage_date", "close_date"]);
    deals.addRow([
      "1",
      "Anna",
      "Won",
      new Date(Date.UTC(2016, 9, 20)),
      new Date(Date.UTC(2016, 10, 1)),
    ]);
    deals.addRow([
      "2",
      "Boris",
      "Lost",
      new Date(Date.UTC(2016, 9, 21)),
      new Date(Date.UTC(2016, 10, 2)),
    ]);
    const notes = wb.addWorksheet("Notes");
    notes.addRow(["city", "temperature"]);
    notes.addRow(["Kyiv", 12]);
    await wb.xlsx.writeFile(join(dir, "mixed.xlsx"));
    const ok = await run(["report", "mixed.xlsx", "--out", "mixed-report.xlsx"]);
    expect(ok.code).toBe(0);
    expect(ok.err).toBe(
      'skipped mixed.xlsx, tab "Notes": no recognisable columns (headers: city, temperature)',
    );
    wb.removeWorksheet(deals.id);
    await wb.xlsx.writeFile(join(dir, "notes.xlsx"));
    const bad = await run(["report", "notes.xlsx", "--out", "notes-report.xlsx"]);
    oneLine(bad);
    expect(bad.err).toContain(
      'no tab was recognised as calls, deals, stage log, time log, plan or checklist: "Notes" (city, temperature)',
    );
    expect(existsSync(join(dir, "notes-report.xlsx"))).toBe(false);
  });

  it("a bad option", async () => {
    const r = await run(["report", "x.csv", "--lang", "de"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--lang must be en, ru or uk");
  });

  it("the spawned command prints one line for a bad file, without a stack", () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const res = spawnSync(process.execPath, [...FROM_SOURCE, "report", bad], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe("voronka: bad.xlsx: not a readable .xlsx workbook");
  }, 70_000);
});

describe("--force", () => {
  const src = join(dir, "deals.csv");
  beforeAll(() => {
    writeFileSync(
      src,
      "opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value\n" +
        "1,Anna,Won,2016-10-20,2016-11-01,100\n2,Boris,Lost,2016-10-21,2016-11-02,0\n3,Anna,Engaging,2016-10-22,,\n",
    );
  });

  it("never overwrites an existing file without --force", async () => {
    const target = join(dir, "mine.xlsx");
    writeFileSync(target, "precious");
    const r = await run(["report", src, "--out", target]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("already exists (add --force");
    expect(readFileSync(target, "utf8")).toBe("precious");
    const f = await run(["report", src, "--out", target, "--force"]);
    expect(f.err).toBe("");
    expect(f.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  it("never writes over an input", async () => {
    const r = await run(["report", src, "--out", src.replace(/\.csv$/, ".xlsx"), "--force"]);
    expect(r.code).toBe(0);
    const x = await run([
      "report",
      src.replace(/\.csv$/, ".xlsx"),
      "--out",
      src.replace(/\.csv$/, ".xlsx"),
      "--force",
    ]);
    expect(x.code).toBe(1);
    expect(x.err).toContain("the output would overwrite an input file");
  });

  it("rewrites the default output under out/ and creates the folder", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "voronka-out-"));
    const first = await run(["report", src], cwd);
    expect(first.code).toBe(0);
    expect(existsSync(join(cwd, "out/report.xlsx"))).toBe(true);
    const again = await run(["report", src], cwd);
    expect(again.code).toBe(0);
    mkdirSync(join(cwd, "out/sub"), { recursive: true });
    expect((await run(["report", src, "--out", "out/sub/r.xlsx"], cwd)).code).toBe(0);
    expect((await run(["report", src, "--out", "out/sub/r.xlsx"], cwd)).code).toBe(0);
  });
});

describe("large inputs", () => {
  it("print progress lines on stderr, the summary on stdout", async () => {
    const lines = ["opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value"];
    const stages = ["Won", "Lost", "Engaging", "Prospecting"];
    for (let i = 0; i < LARGE_ROWS + 10; i++) {
      const st = stages[i % 4];
      const engage = st === "Prospecting" ? "" : `2017-0${1 + (i % 9)}-1${i % 10}`;
      const close = st === "Won" || st === "Lost" ? `2017-1${i % 3}-2${i % 8}` : "";
      lines.push(
        `P${i},Agent ${i % 30},${st},${engage},${close},${st === "Won" ? 100 + (i % 900) : 0}`,
      );
    }
    writeFileSync(join(dir, "big.csv"), lines.join("\n"));
    const r = await run(["report", "big.csv", "--out", "big.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^… building the model from 100,010 rows \(\d+\.\d s\)$/m);
    expect(r.err).toMatch(/^… writing the workbook/m);
    expect(r.out).toMatch(/100,010\s+—\s+100\.0%/);
  }, 60_000);
});

describe("help and version", () => {
  it("--version prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect((await run(["--version"])).out).toBe(pkg.version);
  });
  it("--help prints the usage", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("voronka report <files…>");
  });
});
