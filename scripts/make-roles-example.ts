/**
 * Writes examples/roles-workbook.xlsx: a seeded team of SDRs, hunters and a farmer (Russian
 * headers: Команда, Звонки, Сделки) with the three situations of seed 002 planted in March, for
 * the Roles sheet (SPEC §7). `npx voronka report examples/roles-workbook.xlsx --lang ru`.
 *
 *   npx tsx scripts/make-roles-example.ts [--out examples/roles-workbook.xlsx] [--seed 7]
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { generateRolesWorkbook } from "../src/generate/roles";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "examples/roles-workbook.xlsx" },
    seed: { type: "string", default: "7" },
  },
});
const out = values.out as string;
const { tabs } = generateRolesWorkbook({ seed: Number(values.seed), lang: "ru" });
const wb = new ExcelJS.Workbook();
wb.creator = "Voronka example generator";
wb.created = new Date(Date.UTC(2026, 0, 1));
wb.modified = wb.created;
for (const tab of tabs) {
  const ws = wb.addWorksheet(tab.name);
  tab.values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = xr.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = "yyyy-mm-dd hh:mm";
    });
  });
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  tab.values[0]?.forEach((_, c) => {
    ws.getColumn(c + 1).width = 18;
  });
}
mkdirSync(dirname(out), { recursive: true });
await wb.xlsx.writeFile(out);
const rows = tabs.reduce((s, t) => s + t.values.length - 1, 0);
console.log(
  `${out}: ${tabs.map((t) => t.name).join(", ")}; ${rows} rows, ${Math.round(statSync(out).size / 1024)} KB`,
);
