/** Spreadsheet service calls for one full build, counted by the recording fake. */
import type { RawTab } from "../src/model/types";
import { type BenchData, makeData, type StageLogGen } from "./data";
import { errText, now, tryImport } from "./util";

export interface ServicesResult {
  rows: number;
  /** How many copies of the base rows (1: independent data of `rows` rows). */
  times: number;
  calls: number | null;
  writes: number | null;
  ms: number | null;
  sheets: string[];
  /** Calls per method, for the report when the counts differ between sizes. */
  byMethod: Record<string, number>;
  note?: string;
}

interface FakeServices {
  r: { log: unknown[]; writes: number; clear(): void; counts(): Record<string, number> };
  ss: unknown;
  install(target?: Record<string, unknown>): () => void;
}

/**
 * The 1k data repeated `times` times, each copy's deal ids made unique: the same report shape
 * (every rate, period, rep and drop the same) from 100× the rows, so any change in service calls
 * comes from the row count alone.
 */
function replicate(data: BenchData, times: number): BenchData {
  const rep = (tab: RawTab, idCol: number): RawTab => {
    const [header, ...body] = tab.values;
    const out: unknown[][] = [header];
    for (let c = 0; c < times; c++) {
      for (const row of body) {
        const copy = row.slice();
        if (c > 0 && copy[idCol] !== "") copy[idCol] = `${copy[idCol]}-${c}`;
        out.push(copy);
      }
    }
    return { name: tab.name, values: out };
  };
  return {
    ...data,
    stageLog: rep(data.stageLog, 0),
    calls: rep(data.calls, 5),
    deals: data.deals * times,
  };
}

export async function runServices(
  rows: number,
  gen: StageLogGen | null,
  times = 1,
): Promise<ServicesResult> {
  const empty: ServicesResult = {
    rows: rows * times,
    times,
    calls: null,
    writes: null,
    ms: null,
    sheets: [],
    byMethod: {},
  };
  const fakes = await tryImport<{
    createFakeServices: (i: Record<string, unknown>) => FakeServices;
  }>("../test/fakes/spreadsheet");
  if ("missing" in fakes) return { ...empty, note: `fake: ${fakes.missing}` };
  const b = await tryImport<{
    buildReport?: (
      ss: unknown,
      req: { options: Record<string, unknown> },
    ) => { sheets: { name?: string }[]; message?: string };
  }>("../src/adapters/sheets/build");
  if ("missing" in b) return { ...empty, note: `build: ${b.missing}` };
  const buildReport = b.mod.buildReport;
  if (typeof buildReport !== "function") return { ...empty, note: "buildReport not exported yet" };
  const base = makeData(rows, 42, true, gen);
  const data = times > 1 ? replicate(base, times) : base;
  const svc = fakes.mod.createFakeServices({
    sheets: { [data.stageLog.name]: data.stageLog.values, [data.calls.name]: data.calls.values },
    timeZone: "Etc/UTC",
    locale: "en_US",
  });
  const uninstall = svc.install();
  try {
    svc.r.clear();
    const t0 = now();
    const res = buildReport(svc.ss, { options: { lang: "en", period: "month" } });
    const ms = now() - t0;
    return {
      rows: rows * times,
      times,
      calls: svc.r.log.length,
      writes: svc.r.writes,
      ms,
      sheets: res.sheets.map((s) => String(s.name ?? "?")),
      byMethod: svc.r.counts(),
      note: res.message,
    };
  } catch (e) {
    return { ...empty, note: `error: ${errText(e)}` };
  } finally {
    uninstall();
  }
}
