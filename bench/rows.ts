/**
 * Raw tabs kept in a temp file between runs, so each run of model + plan gets fresh rows it may
 * drop (BuildOptions.releaseRows) while the bench holds nothing else in memory. Rows are allocated
 * again cell by cell in order (new arrays, Dates and strings), as `getValues()` does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { RawTab } from "../src/model/types";
import { fresh } from "./data";

export interface SavedTabs {
  file: string;
  /** Data rows over all tabs. */
  rows: number;
}

export function saveTabs(tabs: RawTab[]): SavedTabs {
  const dir = mkdtempSync(join(tmpdir(), "voronka-bench-rows-"));
  const file = join(dir, "tabs.v8");
  writeFileSync(file, serialize(tabs));
  return { file, rows: tabs.reduce((s, t) => s + Math.max(0, t.values.length - 1), 0) };
}

export function loadTabs(saved: SavedTabs): RawTab[] {
  const tabs = deserialize(readFileSync(saved.file)) as RawTab[];
  // Copied once more by data.ts's own rule (one string per cell for short texts, one per value
  // for longer ones), so the rows weigh what they did when generated; the deserialized copy is
  // garbage the caller's GC frees.
  for (const tab of tabs) tab.values = fresh(tab.values);
  return tabs;
}

export function removeTabs(saved: SavedTabs): void {
  rmSync(join(saved.file, ".."), { recursive: true, force: true });
}
