import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planToWorkbook } from "../../src/adapters/xlsx/write";
import { funnelSummary } from "../../src/cli/summary";
import type { ReportPlan } from "../../src/report/types";

const plan: ReportPlan = {
  lang: "en",
  period: "month",
  sheets: [
    {
      key: "funnel",
      name: "Funnel",
      blocks: [
        {
          id: "funnel.byStage",
          title: "Funnel by stage",
          note: "Weakest step: B → C.",
          header: ["Stage", "Count", "Step conversion", "Overall conversion"],
          rows: [
            ["A", 100, null, 1],
            ["B", 50, 0.5, 0.5],
            ["C", 10, 0.2, 0.1],
          ],
          formats: ["text", "integer", "percent", "percent"],
          highlights: [{ row: 2, col: 2, style: "bad" }],
          chart: { type: "bar", title: "Funnel", categoryCol: 0, seriesCols: [1] },
        },
        {
          id: "funnel.byPeriod",
          title: "By month",
          header: ["Period", "Since", "Revenue", "Change"],
          rows: [
            ["2026-01", "2026-01-01", 1234.5, -0.25],
            ["Total", "2026-02-01", 99, 0.1],
          ],
          formats: ["text", "date", "money", "percent"],
          highlights: [{ row: 1, col: -1, style: "total" }],
          signCols: [3],
        },
      ],
    },
    { key: "dataCheck", name: "Data check", blocks: [] },
  ],
};

async function roundTrip(p: ReportPlan): Promise<ExcelJS.Workbook> {
  const buf = await planToWorkbook(p).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb;
}

describe("xlsx writer", () => {
  it("lays blocks out with titles, notes, headers, formats, fills and native data bars", async () => {
    const wb = await roundTrip(plan);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Funnel", "Data check"]);
    const ws = wb.getWorksheet("Funnel") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Funnel by stage");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("Weakest step: B → C.");
    expect(ws.getCell("A3").value).toBe("Stage");
    expect(ws.getCell("B3").font?.bold).toBe(true);
    // No character bars beside the table: the count column carries a native data bar.
    expect(ws.getCell("E3").value).toBeNull();
    expect(ws.getCell("E4").value).toBeNull();
    expect(ws.getCell("B4").value).toBe(100);
    expect(ws.getCell("B4").numFmt).toBe("#,##0");
    expect(ws.getCell("C4").value).toBeNull();
    expect(ws.getCell("C6").value).toBe(0.2);
    expect(ws.getCell("C6").numFmt).toBe("0.0%");
    expect((ws.getCell("C6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF4CCCC");
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([["B4:B6", "dataBar"]]);
    // Two tables on the sheet: no frozen header over the second table's columns.
    expect((ws.views ?? []).filter((v) => v.state === "frozen")).toEqual([]);
    // Second block: one blank row after the first, no note.
    expect(ws.getCell("A8").value).toBe("By month");
    expect(ws.getCell("A9").value).toBe("Period");
    const since = ws.getCell("B10").value as Date;
    expect(since).toBeInstanceOf(Date);
    expect(since.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(ws.getCell("B10").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("C10").numFmt).toBe("#,##0");
    expect(ws.getCell("D10").font?.color?.argb).toBe("FFCC0000");
    expect(ws.getCell("D11").font?.color?.argb).toBe("FF38761D");
    expect((ws.getCell("A11").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFEEEEEE");
    // Widths from content: no header word is broken, and wrapped headers get their height.
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual("conversion".length);
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual("conversion".length);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(15);
  });

  it("freezes the header of a sheet that holds one table", async () => {
    const one: ReportPlan = {
      ...plan,
      sheets: [{ ...plan.sheets[0], blocks: [plan.sheets[0].blocks[0]] }],
    };
    const ws = (await roundTrip(one)).worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("the terminal summary is a table of stage, count, step and overall", () => {
    const text = funnelSummary(plan) as string;
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Stage\s+Count\s+Step conversion\s+Overall conversion$/);
    expect(lines[2]).toMatch(/^A\s+100\s+—\s+100\.0%$/);
    expect(lines[4]).toMatch(/^C\s+10\s+20\.0%\s+10\.0%$/);
  });

  it("the terminal summary writes numbers as the report's language does", () => {
    const big: ReportPlan = {
      ...plan,
      sheets: [
        {
          ...plan.sheets[0],
          blocks: [
            {
              ...plan.sheets[0].blocks[0],
              rows: [
                ["A", 1012, null, 1],
                ["B", 477, 0.4713, 0.4713],
              ],
            },
          ],
        },
      ],
    };
    const en = funnelSummary(big) as string;
    expect(en).toMatch(/1,012/);
    expect(en).toMatch(/47\.1%/);
    for (const lang of ["ru", "uk"] as const) {
      const text = funnelSummary({ ...big, lang }) as string;
      // Russian and Ukrainian group thousands with a (no-break) space and use a decimal comma.
      expect(text).toMatch(/1\s012/);
      expect(text).toMatch(/47,1\s?%/);
      expect(text).not.toMatch(/1,012|47\.1/);
    }
  });
});
