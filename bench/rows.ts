/**
 * Raw tabs kept in temp files between runs, so each run of model + plan gets fresh rows it may
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
  dir: string;
  /** Per tab: its name and the files of its rows, CHUNK rows each. */
  tabs: { name: string; files: string[] }[];
  /** Data rows over all tabs. */
  rows: number;
}

/** Rows a file: the deserialized copy of one chunk is all the garbage a load makes at a time. */
const CHUNK = 20_000;

export function saveTabs(tabs: RawTab[]): SavedTabs {
  const dir = mkdtempSync(join(tmpdir(), "voronka-bench-rows-"));
  const saved: SavedTabs = { dir, tabs: [], rows: 0 };
  tabs.forEach((tab, t) => {
    const files: string[] = [];
    for (let i = 0; i < tab.values.length; i += CHUNK) {
      const file = join(dir, `${t}-${files.length}.v8`);
      writeFileSync(file, serialize(tab.values.slice(i, i + CHUNK)));
      files.push(file);
    }
    saved.tabs.push({ name: tab.name, files });
    saved.rows += Math.max(0, tab.values.length - 1);
  });
  return saved;
}

export function loadTabs(saved: SavedTabs): RawTab[] {
  // Each chunk copied once more by data.ts's own rule (one string per cell for short texts, one
  // per value for longer ones), so the rows weigh what they did when generated; the
  // deserialized chunk dies young.
  return saved.tabs.map(({ name, files }) => {
    const values: unknown[][] = [];
    for (const file of files)
      for (const row of fresh(deserialize(readFileSync(file)) as unknown[][])) values.push(row);
    return { name, values };
  });
}

export function removeTabs(saved: SavedTabs): void {
  rmSync(saved.dir, { recursive: true, force: true });
}
