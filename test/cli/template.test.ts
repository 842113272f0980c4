/**
 * `voronka template`: the add-on's tracker template as an .xlsx, read back with ExcelJS (what
 * Google Sheets imports), and its cells handed to the detection (what the add-on will see).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellValue } from "../../src/adapters/xlsx/read";
import { DROPDOWN_ROWS, templateWorkbook } from "../../src/adapters/xlsx/template";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/report";
import { runTemplate } from "../../src/cli/template";
import { LANGS, type Lang } from "../../src/core/i18n";
import { FUNCTIONS } from "../../src/functions/registry";
import { detectTabs, mappingFromRows, SETTINGS_SHEET_NAMES } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import { formulasHeader } from "../../src/template/formulas";
import { type TemplatePlan, templatePlan } from "../../src/template/plan";

const NOW = Date.UTC(2026, 2, 15, 12, 0);
const TODAY = Math.floor(NOW / 86_400_000);

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd };
  return { io: value, out, err };
}

async function written(lang: Lang): Promise<{ wb: ExcelJS.Workbook; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), "voronka-template-"));
  const { io: x } = io(dir);
  const { outPath } = await runTemplate(
    { kind: "template", out: "t.xlsx", lang, force: false, quiet: true },
    x,
    NOW,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(outPath);
  return { wb, path: outPath };
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

/** Every cell of every sheet, with where it is. */
function everyCell(wb: ExcelJS.Workbook): { where: string; cell: ExcelJS.Cell }[] {
  const out: { where: string; cell: ExcelJS.Cell }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        out.push({ where: `${ws.name}!${cell.address}`, cell });
      }),
    );
  }
  return out;
}

describe.each(LANGS)("voronka template --lang %s", (lang) => {
  const plan = templatePlan(lang, TODAY);
  const ready = written(lang);

  it("has the plan's tabs in order, then the lists, formulas and settings tabs", async () => {
    const { wb } = await ready;
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...plan.tabs.map((t) => t.name),
      plan.lists.name,
      plan.formulasName,
      SETTINGS_SHEET_NAMES[lang],
    ]);
  });

  it("raw tabs: the header in the language (frozen), the example rows, dates as dates", async () => {
    const { wb } = await ready;
    for (const tab of plan.tabs) {
      const ws = wb.getWorksheet(tab.name)!;
      expect(ws.getRow(1).values).toEqual([undefined, ...tab.header]);
      expect(ws.actualRowCount).toBe(tab.rows.length + 1);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      tab.rows.forEach((row, r) => {
        row.forEach((planned, c) => {
          const got = ws.getCell(r + 2, c + 1).value;
          if (typeof planned === "string" && /^\d{4}-\d{2}-\d{2}/.test(planned)) {
            // "2026-03-02" or "2026-03-02 10:15" → that wall-clock moment as an Excel date.
            expect(got).toBeInstanceOf(Date);
            const iso = (got as Date).toISOString().replace("T", " ");
            expect(iso.slice(0, planned.length)).toBe(planned);
          } else {
            expect(got ?? "").toBe(planned);
          }
        });
      });
    }
  });

  it("dropdowns: each planned column offers its list's column, rows 2 to 1000", async () => {
    const { wb } = await ready;
    const cols = plan.lists.columns;
    const lists = wb.getWorksheet(plan.lists.name)!;
    cols.forEach((c, i) => {
      const column = lists
        .getColumn(i + 1)
        .values.slice(2)
        .filter((v) => v !== undefined && v !== null);
      expect(column).toEqual(c.values);
    });
    let dropdowns = 0;
    for (const tab of plan.tabs) {
      const ws = wb.getWorksheet(tab.name)!;
      for (const d of tab.dropdowns) {
        const L = letter(cols.findIndex((c) => c.key === d.list) + 1);
        for (const row of [2, DROPDOWN_ROWS + 1]) {
          const rule = ws.getCell(row, d.col + 1).dataValidation;
          expect(rule, `${tab.name} ${letter(d.col + 1)}${row}`).toMatchObject({
            type: "list",
            formulae: [`'${plan.lists.name}'!$${L}$2:$${L}$${DROPDOWN_ROWS + 1}`],
            errorStyle: "warning",
          });
        }
        expect(ws.getCell(DROPDOWN_ROWS + 2, d.col + 1).dataValidation).toBeUndefined();
        dropdowns++;
      }
      // Columns without a planned dropdown have none.
      const planned = new Set(tab.dropdowns.map((d) => d.col));
      for (let c = 0; c < tab.header.length; c++) {
        if (!planned.has(c)) expect(ws.getCell(2, c + 1).dataValidation).toBeUndefined();
      }
    }
    expect(dropdowns).toBe(plan.tabs.reduce((s, t) => s + t.dropdowns.length, 0));
  });

  it("formulas sheet: a note that they need the add-on, every function's formula as text", async () => {
    const { wb } = await ready;
    const ws = wb.getWorksheet(plan.formulasName)!;
    expect(String(ws.getCell("A1").value)).toContain("Voronka");
    const header = formulasHeader(lang);
    expect(ws.getRow(3).values).toEqual([undefined, header[0], header[1], header[2], header[4]]);
    const names: string[] = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      const name = String(ws.getCell(r, 1).value);
      names.push(name);
      const formula = ws.getCell(r, 3);
      expect(formula.type).toBe(ExcelJS.ValueType.String);
      expect(String(formula.value).startsWith(`=${name}(`)).toBe(true);
    }
    expect(names).toEqual(FUNCTIONS.map((f) => f.name));
  });

  it("no cell anywhere is a formula", async () => {
    const { wb } = await ready;
    // ExcelJS reports shared formulas as Formula too.
    const formulas = everyCell(wb).filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula);
    expect(formulas.map((f) => f.where)).toEqual([]);
  });

  it("read back, each raw tab is detected as its kind; the settings tab switches the lists off", async () => {
    const { wb } = await ready;
    // Each sheet's cells as a grid, as Sheets' getValues gives them after the import.
    const tabs: RawTab[] = wb.worksheets.map((ws) => {
      const values: unknown[][] = [];
      ws.eachRow((row, n) => {
        values[n - 1] = (row.values as unknown[]).slice(1).map(cellValue);
      });
      return { name: ws.name, values: Array.from(values, (r) => r ?? []) };
    });
    const raw = tabs.filter((t) => plan.tabs.some((p) => p.name === t.name));
    expect(detectTabs(raw).map((d) => [d.tab, d.kind])).toEqual(
      plan.tabs.map((t) => [t.name, t.kind]),
    );
    const settings = tabs.find((t) => t.name === SETTINGS_SHEET_NAMES[lang])!;
    const mapping = mappingFromRows(settings.values);
    expect(mapping?.tabs).toEqual([
      { name: plan.lists.name, kind: null, headerRow: 0, columns: {} },
    ]);
  });
});

describe("voronka template, then voronka report on it", () => {
  it.each(LANGS)(
    "%s: the example rows are the deals; the lists tab is switched off, not data",
    async (lang) => {
      const { wb, path } = await written(lang);
      const plan = templatePlan(lang, TODAY);
      const dealsTab = plan.tabs.find((t) => t.kind === "deals")!;
      // Independent count: the deals sheet's non-blank rows below its header, read by ExcelJS.
      let dealRows = 0;
      wb.getWorksheet(dealsTab.name)?.eachRow((row, n) => {
        if (
          n > 1 &&
          (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== "")
        )
          dealRows++;
      });
      expect(dealRows).toBeGreaterThan(0);
      const x = io(join(path, ".."));
      expect(await main(["report", path, "--out", "r.xlsx", "--lang", lang, "--force"], x.io)).toBe(
        0,
      );
      const summary = x.out.join("\n");
      // "… → N deals" (сделок — N / угод — N): the deals are the example rows, none from the lists.
      const deals = /(\d+) deals|сделок — (\d+)|угод — (\d+)/.exec(summary);
      expect(Number(deals?.[1] ?? deals?.[2] ?? deals?.[3])).toBe(dealRows);
      expect(x.err.join("\n")).not.toContain(plan.lists.name);
      expect(x.err.join("\n")).not.toContain(SETTINGS_SHEET_NAMES[lang]);
    },
  );
});

describe("text that looks like a formula stays text", () => {
  it("any string in a plan cell is written as that string (property)", async () => {
    const formulaLike = fc.oneof(
      fc.string(),
      fc.constantFrom("=", "+", "-", "@").chain((p) => fc.string().map((s) => p + s)),
      fc.constant('=HYPERLINK("http://x","y")'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(formulaLike, { minLength: 1, maxLength: 6 }), async (texts) => {
        const base = templatePlan("en", TODAY);
        const plan: TemplatePlan = {
          ...base,
          tabs: [{ ...base.tabs[0]!, rows: [texts.map((t) => `x${t}`), texts] }],
        };
        const wb = templateWorkbook(plan, { note: "", header: ["A"], rows: [] });
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(await wb.xlsx.writeBuffer());
        const ws = back.getWorksheet(plan.tabs[0]!.name)!;
        texts.forEach((t, c) => {
          if (c >= plan.tabs[0]!.header.length) return;
          const cell = ws.getCell(3, c + 1);
          if (t === "") expect(cell.value).toBeNull();
          else {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.value).toBe(t);
          }
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe("where it writes", () => {
  it("never overwrites a file outside out/ without --force; out/ is rewritten", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voronka-template-"));
    writeFileSync(join(dir, "mine.xlsx"), "keep me");
    const x = io(dir);
    expect(await main(["template", "--out", "mine.xlsx"], x.io)).toBe(1);
    expect(x.err).toEqual(["voronka: mine.xlsx already exists (add --force to overwrite it)"]);
    expect(readFileSync(join(dir, "mine.xlsx"), "utf8")).toBe("keep me");

    expect(await main(["template", "--out", "mine.xlsx", "--force", "-q"], io(dir).io)).toBe(0);
    expect(readFileSync(join(dir, "mine.xlsx")).subarray(0, 2).toString()).toBe("PK");

    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/tracker.xlsx"), "old");
    const y = io(dir);
    expect(await main(["template", "--lang", "uk"], y.io)).toBe(0);
    expect(readFileSync(join(dir, "out/tracker.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(y.out[0]).toMatch(/^Шаблон: out\/tracker\.xlsx \(Дзвінки, /);
    expect(existsSync(join(dir, "out/tracker.xlsx.tmp"))).toBe(false);
  });
});
