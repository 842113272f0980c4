/**
 * Writes examples/demo-workbook.xlsx: the example-data generator's raw tabs (Russian headers,
 * fixed seed) as a plain workbook, dates as dates. `npm run demo` builds the report from it.
 *
 *   npx tsx scripts/make-example.ts [--out examples/demo-workbook.xlsx] [--seed 42]
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { settingsToRows } from "../src/adapters/sheets/settings";
import { generateWorkbook } from "../src/generate/index";
import { MAPPING_VERSION, SETTINGS_SHEET_NAMES } from "../src/model/index";
import type { RawTab } from "../src/model/types";

export const DEMO_SEED = 42;

/**
 * The demo team's own norms for the Roles sheet, kept in its settings tab as an owner would set
 * them: its SDRs make about a tenth of the seed's 80–100 long calls a day (they also qualify and
 * follow up), so the seed's defaults would paint every day red.
 */
export const DEMO_ROLE_NORMS = {
  longCallsMin: 8,
  longCallsMax: 12,
  bookedMin: 3,
  bookedMax: 5,
  heldMin: 3,
};

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** The raw tabs as an ExcelJS workbook: bold frozen header, dates with a date format. */
export function tabsToWorkbook(tabs: RawTab[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Voronka example generator";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const tab of tabs) {
    const ws = wb.addWorksheet(tab.name.slice(0, 31));
    const widths: number[] = [];
    tab.values.forEach((row, r) => {
      const xr = ws.getRow(r + 1);
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const cell = xr.getCell(c + 1);
        if (isDate(v)) {
          const ms = v.getTime();
          cell.value = v;
          cell.numFmt = ms % 86_400_000 === 0 ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
          widths[c] = Math.max(widths[c] ?? 0, ms % 86_400_000 === 0 ? 10 : 16);
        } else {
          cell.value = v as ExcelJS.CellValue;
          widths[c] = Math.max(widths[c] ?? 0, Math.min(30, String(v).length));
        }
      });
    });
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
    widths.forEach((w, c) => {
      ws.getColumn(c + 1).width = Math.max(10, w + 2);
    });
  }
  return wb;
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: "examples/demo-workbook.xlsx" },
      seed: { type: "string", default: String(DEMO_SEED) },
      scale: { type: "string", default: "0.1" },
    },
  });
  const out = values.out as string;
  const { tabs } = generateWorkbook({
    seed: Number(values.seed),
    lang: "ru",
    reps: 4,
    months: 4,
    scale: Number(values.scale),
    team: true,
  });
  const settings: RawTab = {
    name: SETTINGS_SHEET_NAMES.ru,
    values: settingsToRows({
      mapping: { version: MAPPING_VERSION, stages: [], tabs: [] },
      sidebar: { roleNorms: DEMO_ROLE_NORMS },
    }),
  };
  tabs.push(settings);
  mkdirSync(dirname(out), { recursive: true });
  await tabsToWorkbook(tabs).xlsx.writeFile(out);
  const rows = tabs.reduce((s, t) => s + t.values.length - 1, 0);
  const kb = Math.round(statSync(out).size / 1024);
  console.log(
    `${out}: ${tabs.length} tabs (${tabs.map((t) => t.name).join(", ")}), ${rows} rows, ${kb} KB`,
  );
}

await run();
