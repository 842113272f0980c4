/**
 * The command reads a workbook's settings tab as the add-on does: the Roles sheet's norms kept
 * there (by hand or by the sidebar) are the norms the report shows.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { settingsToRows } from "../../src/adapters/sheets/settings";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/report";
import { generateWorkbook } from "../../src/generate/index";
import { MAPPING_VERSION, SETTINGS_SHEET_NAMES } from "../../src/model/index";

async function workbook(dir: string, norms: Record<string, number> | null): Promise<string> {
  const { tabs } = generateWorkbook({
    seed: 7,
    lang: "en",
    reps: 4,
    months: 3,
    scale: 0.05,
    team: true,
  });
  const wb = new ExcelJS.Workbook();
  for (const t of tabs) wb.addWorksheet(t.name).addRows(t.values as ExcelJS.CellValue[][]);
  if (norms) {
    const rows = settingsToRows({
      mapping: { version: MAPPING_VERSION, stages: [], tabs: [] },
      sidebar: { roleNorms: norms },
    });
    wb.addWorksheet(SETTINGS_SHEET_NAMES.en).addRows(rows);
  }
  const path = join(dir, norms ? "with-norms.xlsx" : "defaults.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

/** Every text cell of the report's Roles sheet. */
async function rolesText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Roles");
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out.join("\n");
}

describe("voronka report and the settings tab's role norms", () => {
  it("uses the norms the settings tab keeps, and the seed's defaults without one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voronka-norms-"));
    const io: Io = { out: () => {}, err: () => {}, cwd: dir };
    const odd = { longCallsMin: 7, longCallsMax: 9, bookedMin: 2, bookedMax: 6, heldMin: 4 };
    for (const [norms, want, not] of [
      [odd, "(norm 7–9)", "80–100"],
      [null, "80–100", "(norm 7–9)"],
    ] as const) {
      const input = await workbook(dir, norms);
      const out = `${input}.report.xlsx`;
      expect(await main(["report", input, "--out", out, "--lang", "en", "-q"], io)).toBe(0);
      const text = (await rolesText(out)).toLowerCase();
      expect(text).toContain(want);
      expect(text).not.toContain(not);
    }
  });
});
