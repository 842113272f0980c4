/**
 * dist/Code.js: size, and cold load into a fresh `node:vm` context that has no require, process
 * or module (as Apps Script loads the project for each custom-function call). Each sample gets a
 * unique trailing comment so V8's compilation cache cannot serve it: every sample compiles the
 * whole bundle again.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { errText, median, now } from "./util";

export interface BundleResult {
  bytes: number | null;
  mtime: string | null;
  /** Compile + run the script in a fresh context (median), and the very first sample. */
  loadMedianMs: number | null;
  loadFirstMs: number | null;
  /** Same, plus one custom-function call (`CONVERSION(1000, 150)`), as Sheets does it. */
  loadCallMedianMs: number | null;
  callResult?: string;
  samples: number;
  note?: string;
}

export function runBundle(root: string, samples: number): BundleResult {
  const file = join(root, "dist", "Code.js");
  if (!existsSync(file)) {
    return {
      bytes: null,
      mtime: null,
      loadMedianMs: null,
      loadFirstMs: null,
      loadCallMedianMs: null,
      samples: 0,
      note: "n/a — dist/Code.js not built",
    };
  }
  const code = readFileSync(file, "utf8");
  const st = statSync(file);
  const res: BundleResult = {
    bytes: Buffer.byteLength(code, "utf8"),
    mtime: st.mtime.toISOString(),
    loadMedianMs: null,
    loadFirstMs: null,
    loadCallMedianMs: null,
    samples,
  };
  try {
    const load: number[] = [];
    const loadCall: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = now();
      const ctx = vm.createContext({});
      new vm.Script(`${code}\n//# sample ${i} ${Math.random()}`, {
        filename: "Code.js",
      }).runInContext(ctx);
      const t1 = now();
      load.push(t1 - t0);
      const fn = (ctx as Record<string, unknown>).CONVERSION;
      if (typeof fn === "function") {
        try {
          const v = (fn as (a: number, b: number) => unknown)(1000, 150);
          res.callResult = JSON.stringify(v);
        } catch (e) {
          res.callResult = `error: ${errText(e)}`;
        }
        loadCall.push(now() - t0);
      }
    }
    res.loadFirstMs = load[0];
    res.loadMedianMs = median(load);
    res.loadCallMedianMs = loadCall.length ? median(loadCall) : null;
    if (!loadCall.length) res.callResult = "CONVERSION not a top-level function yet";
  } catch (e) {
    res.note = `load failed: ${errText(e)}`;
  }
  return res;
}
