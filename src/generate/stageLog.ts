/** A long stage-change log for benchmarks (fast enough for 1M rows). */

import { at } from "../core/indexed";
import type { RawTab } from "../model/types";
import { DAY, pad, pick, rng } from "./rng";
import { STAGE_DAYS, STEP } from "./shape";
import { type GenLang, wordsFor } from "./words";

/**
 * A stage-change log of exactly `rows` data rows (plus the header), fast enough for 1M rows:
 * for benchmarks. Stages Lead → Meeting → Proposal → Payment (or the Russian names).
 */
export function generateStageLog(rows: number, seed = 1, lang: GenLang = "en"): RawTab {
  const w = wordsFor(lang);
  const r = rng(seed);
  const out: unknown[][] = new Array(rows + 1);
  out[0] = w.headers.stageLog.map((h) => h[1]);
  const start = Date.UTC(2025, 0, 1);
  let n = 1;
  let deal = 0;
  while (n <= rows) {
    deal++;
    const id = `D-${pad(deal, 7)}`;
    const rep = pick(r, w.reps);
    const source = pick(r, w.sources);
    let t = start + Math.floor(r() * 365) * DAY + Math.floor((540 + r() * 540) * 60_000);
    for (let k = 0; k < 4 && n <= rows; k++) {
      if (k > 0) {
        if (r() >= at(STEP, k)) break;
        t += Math.floor(Math.max(0.05, -Math.log(1 - r()) * at(STAGE_DAYS, k)) * DAY);
      }
      out[n++] = [
        id,
        at(w.stages, k),
        new Date(t),
        rep,
        source,
        k === 3 ? 1000 + Math.floor(r() * 9000) : "",
      ];
    }
  }
  return { name: w.tabs.stageLog, values: out };
}
