/**
 * The command as a user gets it: build it, `npm pack`, install the tarball into a temporary
 * prefix (`npm i -g` there; its dependencies come from the npm cache, or the registry), then run
 * the installed `voronka` from a folder outside the repository and open what it wrote.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_OUT } from "../../scripts/build-cli";
import { SETTINGS_SHEET_NAMES } from "../../src/model/index";
import { templatePlan } from "../../src/template/plan";

const ROOT = resolve(__dirname, "../..");
const DEMO = join(ROOT, "examples/demo-workbook.xlsx");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "voronka-pack-"));
const prefix = join(work, "prefix");
/** Where the user runs the command: no package.json, no node_modules above it. */
const home = mkdtempSync(join(tmpdir(), "voronka-user-"));
const installed = join(prefix, "lib/node_modules", pkg.name);
const voronka = join(prefix, "bin/voronka");

/** English messages whatever the machine's locale (the command follows LANG without --lang). */
const ENV = { ...process.env, LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" };

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const res = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 240_000, env: ENV });
  if (res.error) throw res.error;
  return res;
}

function npm(args: string[], cwd: string): string {
  const res = run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], cwd);
  if (res.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${res.stderr}`);
  return res.stdout;
}

let packed: { filename: string; files: { path: string }[] };

beforeAll(async () => {
  await buildCli();
  // Scripts off: the command was just built above (`prepare` would build it again).
  const json = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  packed = JSON.parse(json)[0];
  npm(["install", "-g", "--prefix", prefix, "--prefer-offline", join(work, packed.filename)], work);
}, 300_000);

// The installed package with its dependencies is some 20 MB: leave nothing behind.
afterAll(() => {
  for (const dir of [work, home]) rmSync(dir, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds the built command, package.json and the README, nothing else", () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      "README.md",
      "dist-cli/voronka.mjs",
      "package.json",
    ]);
  });

  it("installs with its runtime dependencies only (no tsx, esbuild or test tools)", () => {
    expect(existsSync(voronka)).toBe(true);
    const modules = join(installed, "node_modules");
    for (const dep of Object.keys(pkg.dependencies)) {
      expect(existsSync(join(modules, dep, "package.json")), dep).toBe(true);
    }
    for (const dev of ["tsx", "esbuild", "vitest", "typescript"]) {
      expect(existsSync(join(modules, dev)), dev).toBe(false);
    }
  });
});

describe("the installed command, run outside the repository", () => {
  it("--version and --help", () => {
    const v = run(voronka, ["--version"], home);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = run(voronka, ["--help"], home);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("voronka report <files…>");
    expect(h.stdout).toContain("voronka template");
  });

  it("report: the demo workbook → a report with the add-on's sheets", async () => {
    const out = join(home, "demo-report.xlsx");
    const res = run(voronka, ["report", DEMO, "--out", out, "--lang", "ru"], home);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const demo = new ExcelJS.Workbook();
    await demo.xlsx.readFile(DEMO);
    expect(res.stdout).toMatch(
      new RegExp(`^Прочитано demo-workbook\\.xlsx: ${demo.worksheets.length} листов`),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Воронка",
      "KPI",
      "Скорость",
      "Изменения",
      "Время",
      "Качество",
      "Роли",
    ]);
    // The funnel's first block: its stage column starts with the demo's first stage.
    const funnel = wb.getWorksheet("Воронка")!;
    const column = funnel.getColumn(1).values.map((v) => String(v ?? ""));
    expect(column).toContain("Лид");
  });

  it("report --engine duckdb: DuckDB (an optional dependency) found and the same summary", () => {
    const args = (engine: string) => [
      "report",
      DEMO,
      "--engine",
      engine,
      "--out",
      join(home, `${engine}.xlsx`),
      "--lang",
      "en",
    ];
    const duck = run(voronka, args("duckdb"), home);
    expect(duck.stderr).toBe("");
    expect(duck.status).toBe(0);
    const memory = run(voronka, args("memory"), home);
    const summary = (out: string) => out.replace(/^Report: .*$/m, "");
    expect(summary(duck.stdout)).toBe(summary(memory.stdout));
  });

  it("template: writes out/tracker.xlsx with the template's sheets", async () => {
    const res = run(voronka, ["template", "--lang", "uk"], home);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(home, "out/tracker.xlsx"));
    const plan = templatePlan("uk", 0);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...plan.tabs.map((t) => t.name),
      plan.lists.name,
      plan.formulasName,
      SETTINGS_SHEET_NAMES.uk,
    ]);
    for (const tab of plan.tabs) {
      expect(wb.getWorksheet(tab.name)!.getRow(1).values).toEqual([undefined, ...tab.header]);
    }
  });
});

describe("the built command starts without loading its dependencies", () => {
  it("--help and --version work where ExcelJS cannot be found; report needs it", () => {
    // The file alone, in a folder with no node_modules above it.
    const bare = join(work, "bare");
    mkdirSync(bare, { recursive: true });
    const file = join(bare, "voronka.mjs");
    copyFileSync(CLI_OUT, file);
    const help = run(process.execPath, [file, "--help"], bare);
    expect(help.stderr).toBe("");
    expect(help.stdout).toContain("voronka template");
    expect(run(process.execPath, [file, "--version"], bare).stdout.trim()).toBe(pkg.version);
    // The same file does need ExcelJS for a report: so --help above really did without it.
    const report = run(process.execPath, [file, "report", DEMO], bare);
    expect(report.status).toBe(1);
    expect(report.stderr).toMatch(/^voronka: failed: Cannot find module 'exceljs'/);
    expect(report.stderr.trim().split("\n")).toHaveLength(1);
  });
});
