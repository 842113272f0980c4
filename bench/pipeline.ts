/** Our pipeline on generated data: raw tabs → buildModel → planReport, timed and measured. */
import { type Figures, figuresFromPlan } from "./figures";
import { loadTabs, type SavedTabs } from "./rows";
import { errText, heapMiB, median, now, peakRssMiB, RssSampler, tryImport } from "./util";

type BuildModel = (
  tabs: unknown[],
  opts: { timeZone: string; releaseRows?: boolean; collect?: () => void },
) => { model: { stages: string[]; deals: unknown[]; calls: unknown[]; issues: unknown[] } };
type PlanReport = (
  model: unknown,
  options: Record<string, unknown>,
) => {
  sheets: { key: string; blocks: { id: string; rows: unknown[][] }[] }[];
};

export interface PipelineResult {
  modelMs: number[];
  planMs: number[];
  totalMs: number[];
  /** Process CPU time (user + system) of model + plan per run: less sensitive to other load. */
  cpuMs: number[];
  cpuMedianMs: number | null;
  modelMedianMs: number | null;
  planMedianMs: number | null;
  totalMedianMs: number | null;
  /**
   * MiB: RSS with the raw rows only (after GC), the peak RSS while model + plan ran (sampled every
   * 5 ms from a worker thread) in the first run, as a user's one build in a fresh process, and
   * the largest over all runs (later runs start with the pages the earlier ones left to the
   * process), the process's max RSS (includes reading the rows back: the copies it reads die in
   * old space until a GC), and the peak heapUsed seen
   * between phases.
   */
  rssDataMiB: number;
  peakRssMiB: number;
  peakRssAllRunsMiB: number;
  processMaxRssMiB: number;
  peakHeapMiB: number;
  deals: number;
  calls: number;
  issues: number;
  /** Deals naming who booked them (the team workload's check that its Deals tab was read). */
  bookedBy: number;
  stages: string[];
  sheets: string[];
  figures: Figures | null;
  missing?: string;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Several full GCs: the first frees what came before (the generator's garbage, the last run's
 * model and plan), the later ones let V8 hand the emptied pages back, so the RSS is the raw
 * rows' own (as after getValues()).
 */
function settle(): void {
  for (let i = 0; i < 3; i++) gc?.();
}

/**
 * Each run reads the rows afresh from `saved` and hands them to buildModel, which drops them
 * once read (releaseRows, with one GC: `collect`), as the command does: the bench holds no
 * other copy.
 */
export async function runPipeline(saved: SavedTabs, runs: number): Promise<PipelineResult> {
  settle();
  const base: PipelineResult = {
    modelMs: [],
    planMs: [],
    totalMs: [],
    cpuMs: [],
    cpuMedianMs: null,
    modelMedianMs: null,
    planMedianMs: null,
    totalMedianMs: null,
    rssDataMiB: 0,
    peakRssMiB: 0,
    peakRssAllRunsMiB: 0,
    processMaxRssMiB: 0,
    peakHeapMiB: 0,
    deals: 0,
    calls: 0,
    issues: 0,
    bookedBy: 0,
    stages: [],
    sheets: [],
    figures: null,
  };
  const m = await tryImport<{ buildModel?: BuildModel }>("../src/model/index");
  if ("missing" in m || typeof m.mod.buildModel !== "function") {
    return { ...base, missing: "missing" in m ? m.missing : "buildModel not exported yet" };
  }
  const buildModel = m.mod.buildModel;
  const p = await tryImport<{ planReport?: PlanReport }>("../src/report/plan");
  const planReport = "mod" in p ? p.mod.planReport : undefined;
  let peakHeap = 0;
  let firstPeakRss = 0;
  let peakRss = 0;
  let plan: ReturnType<PlanReport> | null = null;
  let model: ReturnType<BuildModel>["model"] | null = null;
  const sampler = new RssSampler();
  await sampler.start();
  try {
    for (let i = 0; i < runs; i++) {
      model = null;
      plan = null;
      let tabs: unknown[] | null = loadTabs(saved);
      settle();
      if (i === 0) base.rssDataMiB = process.memoryUsage().rss / 1048576;
      sampler.reset();
      const c0 = process.cpuUsage();
      const t0 = now();
      model = buildModel(tabs, { timeZone: "UTC", releaseRows: true, collect: gc }).model;
      tabs = null;
      const t1 = now();
      peakHeap = Math.max(peakHeap, heapMiB());
      base.modelMs.push(t1 - t0);
      if (planReport) {
        plan = planReport(model, { lang: "en", period: "month" });
        const t2 = now();
        peakHeap = Math.max(peakHeap, heapMiB());
        base.planMs.push(t2 - t1);
        base.totalMs.push(t2 - t0);
        const c = process.cpuUsage(c0);
        base.cpuMs.push((c.user + c.system) / 1000);
      }
      if (i === 0) firstPeakRss = sampler.peakMiB();
      peakRss = Math.max(peakRss, sampler.peakMiB());
    }
  } catch (e) {
    await sampler.stop();
    return { ...base, missing: `failed: ${errText(e)}` };
  }
  await sampler.stop();
  if (!model) return { ...base, missing: "no model" };
  return {
    ...base,
    modelMedianMs: median(base.modelMs),
    planMedianMs: base.planMs.length ? median(base.planMs) : null,
    totalMedianMs: base.totalMs.length ? median(base.totalMs) : null,
    cpuMedianMs: base.cpuMs.length ? median(base.cpuMs) : null,
    peakRssMiB: firstPeakRss,
    peakRssAllRunsMiB: peakRss,
    processMaxRssMiB: peakRssMiB(),
    peakHeapMiB: peakHeap,
    deals: model.deals.length,
    calls: model.calls.length,
    issues: model.issues.length,
    bookedBy: model.deals.filter((d) => ((d as { bookedBy?: string }).bookedBy ?? "") !== "")
      .length,
    stages: model.stages,
    sheets: plan ? plan.sheets.map((s) => s.key) : [],
    figures: plan ? figuresFromPlan(plan, model.stages) : null,
    missing: planReport ? undefined : `planReport: ${"missing" in p ? p.missing : "not exported"}`,
  };
}
