/** The mapping the generated tabs were made with: what detection should find. */
import { at } from "../core/indexed";
import type { WorkbookMapping } from "../model/mapping";
import type { GenKind, Words } from "./words";

export function generatedMapping(w: Words): WorkbookMapping {
  const tabs: WorkbookMapping["tabs"] = [];
  for (const kind of Object.keys(w.headers) as GenKind[]) {
    const columns: Record<string, number> = {};
    const headers: Record<string, { column: number; text: string }> = {};
    const stageColumns: { stage: string; column: number }[] = [];
    const criteria: { name: string; column: number }[] = [];
    w.headers[kind].forEach(([key, header], i) => {
      if (key.startsWith("@")) stageColumns.push({ stage: at(w.stages, +key.slice(1)), column: i });
      else if (key.startsWith("#")) criteria.push({ name: header, column: i });
      else {
        columns[key] = i;
        headers[key] = { column: i, text: header };
      }
    });
    const t: WorkbookMapping["tabs"][number] = {
      name: w.tabs[kind],
      kind,
      headerRow: 0,
      columns,
      headers,
    };
    if (stageColumns.length) {
      t.stageColumns = stageColumns;
      t.entryStage = w.stages[0];
    }
    if (criteria.length) t.criteria = criteria;
    tabs.push(t);
  }
  return { version: 1, stages: [...w.stages], tabs };
}
