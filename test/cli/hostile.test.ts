/**
 * The command against hostile inputs and paths (issue 13): escape codes in headers, outputs
 * that are inputs through links, an output under a file, a long cell, running out of memory.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalText } from "../../src/cli/terminal";

import { type CliRun, runCli } from "../support/runCli";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "voronka-hostile-"));
const DEALS =
  "opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value\n" +
  "1,Anna,Won,2016-10-20,2016-11-01,100\n2,Boris,Lost,2016-10-21,2016-11-02,0\n";

const run = (argv: string[], cwd = dir): Promise<CliRun> => runCli(argv, cwd);

// Any C0 control but line feed, DEL, any C1 control.
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

describe("no control character reaches the terminal", () => {
  it("escape codes in a header are not echoed (issue 13: ESC ] 0 ; … BEL, ESC [ 2 J)", async () => {
    const evil = "\x1b]0;pwned\x07city\x1b[2J\x9b31m";
    writeFileSync(join(dir, "evil.csv"), `${evil},temperature\nKyiv,12\n`);
    const r = await run(["report", "evil.csv", "--out", "evil.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("city");
    expect(r.err).not.toMatch(CONTROL);
    expect(r.err).not.toContain("pwned\x07");
  });

  it("a workbook tab name with escapes, skipped with a notice, prints clean", async () => {
    const wb = new ExcelJS.Workbook();
    const deals = wb.addWorksheet("Deals");
    for (const line of DEALS.trim().split("\n")) deals.addRow(line.split(","));
    wb.addWorksheet("Notes").addRow(["\x1b[2Jcity\x07", "temperature"]);
    const p = join(dir, "tabs.xlsx");
    await wb.xlsx.writeFile(p);
    const r = await run(["report", p, "--out", "tabs-report.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("city");
    expect(r.err).not.toMatch(CONTROL);
  });

  it("terminalText removes every control character and keeps the rest", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const t = terminalText(s);
        expect(t).not.toMatch(CONTROL);
        // Printable text without ESC sequences comes through unchanged.
        const plain = [...s].filter((ch) => !CONTROL.test(ch) && ch !== "\n").join("");
        const hasEscape = s.includes("\x1b") || s.includes("\x9b") || s.includes("\x9d");
        if (!hasEscape) expect(t.replace(/\n/g, "")).toBe(plain);
      }),
      { numRuns: 2000 },
    );
    expect(terminalText("a\x1b]0;title\x07b\x1b[2Jc\x1b[31md")).toBe("abcd");
  });
});

describe("an input is never overwritten", () => {
  it("through a symbolic link to it, --force or not", async () => {
    const input = join(dir, "in-link.csv");
    writeFileSync(input, DEALS);
    symlinkSync(input, join(dir, "link.xlsx"));
    for (const force of [[], ["--force"]]) {
      const r = await run(["report", input, "--out", "link.xlsx", ...force]);
      expect(r.code).toBe(1);
      expect(r.err).toBe("voronka: link.xlsx: the output would overwrite an input file");
    }
    expect(readFileSync(input, "utf8")).toBe(DEALS);
  });

  it("through a hard link to it, --force or not", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Deals");
    for (const line of DEALS.trim().split("\n")) ws.addRow(line.split(","));
    const input = join(dir, "hard-in.xlsx");
    await wb.xlsx.writeFile(input);
    const before = readFileSync(input);
    linkSync(input, join(dir, "hard-out.xlsx"));
    const r = await run(["report", input, "--out", "hard-out.xlsx", "--force"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("the output would overwrite an input file");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("through a linked folder on the way", async () => {
    const real = join(dir, "realdir");
    mkdirSync(real);
    const input = join(real, "d.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Deals");
    for (const line of DEALS.trim().split("\n")) ws.addRow(line.split(","));
    await wb.xlsx.writeFile(input);
    symlinkSync(real, join(dir, "alias"));
    const r = await run(["report", input, "--out", "alias/d.xlsx", "--force"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("the output would overwrite an input file");
  });
});

describe("--out under a file", () => {
  it("is one clear sentence, not a raw EEXIST … mkdir", async () => {
    writeFileSync(join(dir, "plain.csv"), DEALS);
    writeFileSync(join(dir, "afile"), "x");
    const r = await run(["report", "plain.csv", "--out", "afile/sub/r.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "voronka: afile/sub/r.xlsx: cannot create the folder for it, afile is a file",
    );
  });
});

describe("a cell over 32,767 characters", () => {
  it("is cut, listed on the Data check, and no report cell is longer", async () => {
    const long = "y".repeat(100_000);
    writeFileSync(
      join(dir, "longcell.csv"),
      `opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value\n1,${long},Won,2016-10-20,2016-11-01,100\n2,Boris,Lost,2016-10-21,2016-11-02,0\n`,
    );
    const r = await run(["report", "longcell.csv", "--out", "longcell.xlsx"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "longcell.xlsx"));
    let longest = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          longest = Math.max(longest, String(c.value ?? "").length);
        }),
      );
    }
    expect(longest).toBeLessThanOrEqual(32_767);
    const check = wb.worksheets.find((w) => /data check/i.test(w.name));
    expect(check).toBeDefined();
    const texts: string[] = [];
    check?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => /32,767/.test(t))).toBe(true);
  });
});

describe("terminal messages follow --lang, else the system locale", () => {
  it("--lang ru", async () => {
    const r = await run(["report", "nope.csv", "--lang", "ru"]);
    expect(r.err).toBe("voronka: nope.csv: файл не найден");
  });
  it("LANG=uk_UA.UTF-8 without --lang", async () => {
    const saved = process.env.LANG;
    const savedAll = process.env.LC_ALL;
    process.env.LANG = "uk_UA.UTF-8";
    delete process.env.LC_ALL;
    try {
      const r = await run(["report", "nope.csv"]);
      expect(r.err).toBe("voronka: nope.csv: файл не знайдено");
    } finally {
      process.env.LANG = saved;
      if (savedAll !== undefined) process.env.LC_ALL = savedAll;
    }
  });
});

describe("running out of memory", () => {
  it("is one sentence, never a V8 stack", () => {
    // Enough rows, every value distinct, that a 120 MB heap cannot hold them.
    const p = join(dir, "oom.csv");
    const lines = ["opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value"];
    for (let i = 0; i < 600_000; i++)
      lines.push(`P${i},Agent ${i},Won,2017-01-0${1 + (i % 9)},2017-02-01,${i}`);
    writeFileSync(p, lines.join("\n"));
    const res = spawnSync(
      process.execPath,
      // From source through tsx (the same entry whether or not the command is built).
      [
        "--import",
        "tsx",
        join(ROOT, "src/cli/main.ts"),
        "report",
        p,
        "--out",
        join(dir, "oom.xlsx"),
        "--quiet",
      ],
      {
        cwd: ROOT, // where `--import tsx` resolves
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, VORONKA_HEAP_MB: "120" },
      },
    );
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^voronka: the inputs need more than the 120 MB of memory/);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "oom.xlsx"))).toBe(false);
  }, 130_000);
});

describe("--help", () => {
  it("states the limits", async () => {
    const r = await run(["--help"]);
    expect(r.out).toContain("Limits: 1 GiB per file, 3,000,000 rows in all, a 2 GB heap;");
    expect(r.out).toContain("cells are cut at 32,767 characters");
    expect(r.out).toContain("save it as .xlsx");
  });
});
