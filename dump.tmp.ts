import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { buildModel } from "/work/wt/i12-report/src/model/build";
import { planReport } from "/work/wt/i12-report/src/report/plan";
import { readInput } from "/work/wt/i12-report/src/adapters/xlsx/read";
const [which, period, lang, sheet] = process.argv.slice(2);
let tabs: any[];
if (which === "maven") {
  const csv = Papa.parse(readFileSync("/work/shared/datasets/maven-crm/sales_pipeline.csv","utf8"),{skipEmptyLines:true}).data as string[][];
  tabs = [{name:"sales_pipeline", values: csv}];
} else {
  tabs = await readInput("/work/wt/i12-report/examples/demo-workbook.xlsx");
}
const { model } = buildModel(tabs, { timeZone: "UTC" } as any);
const plan = planReport(model, { lang: lang as any, period: period as any, today: "2026-11-30" });
for (const s of plan.sheets) {
  if (sheet && s.key !== sheet) continue;
  console.log(`=== ${s.name}`);
  for (const b of s.blocks) {
    console.log(`--- ${b.id}: ${b.title}`); if (b.note) console.log(`  note: ${b.note}`);
    console.log("  " + b.header.join(" | ")); console.log("  " + b.formats.join(" | "));
    for (const r of b.rows.slice(0, 30)) console.log("  " + r.join(" | "));
    if (b.rows.length > 30) console.log(`  ... ${b.rows.length} rows`);
  }
}
