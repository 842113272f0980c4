/** Our pipeline on generated data: raw tabs → buildModel → planReport, timed and measured. */
import { type BenchData, tabsOf } from "./data";
import { type Figures, figuresFromPlan } from "./figures";
import { errText, heapMiB, median, now, peakRssMiB, RssSampler, tryImport } from "./util";

type BuildModel = (
  tabs: unknown[],
  opts: { timeZone: string },
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
   * 5 ms from a worker thread), the process's max RSS (includes generating the data), and the
   * peak heapUsed seen between phases.
   */
  rssDataMiB: number;
  peakRssMiB: number;
  processMaxRssMiB: number;
  peakHeapMiB: number;
  deals: number;
  calls: number;
  issues: number;
  stages: string[];
  sheets: string[];
  figures: Figures | null;
  missing?: string;
}

export async function runPipeline(data: BenchData, runs: number): Promise<PipelineResult> {
  // Several full GCs: the first frees the generator's garbage, the later ones let V8 hand the
  // emptied pages back, so the RSS below is the raw rows' own (as after getValues()).
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
  const rssDataMiB = process.memoryUsage().rss / 1048576;
  const base: PipelineResult = {
    modelMs: [],
    planMs: [],
    totalMs: [],
    cpuMs: [],
    cpuMedianMs: null,
    modelMedianMs: null,
    planMedianMs: null,
    totalMedianMs: null,
    rssDataMiB,
    peakRssMiB: 0,
    processMaxRssMiB: 0,
    peakHeapMiB: 0,
    deals: 0,
    calls: 0,
    issues: 0,
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
  const tabs = tabsOf(data);
  let peakHeap = 0;
  let plan: ReturnType<PlanReport> | null = null;
  let model: ReturnType<BuildModel>["model"] | null = null;
  const sampler = new RssSampler();
  await sampler.start();
  try {
    for (let i = 0; i < runs; i++) {
      model = null;
      plan = null;
      const c0 = process.cpuUsage();
      const t0 = now();
      model = buildModel(tabs, { timeZone: "UTC" }).model;
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
    }
  } catch (e) {
    await sampler.stop();
    return { ...base, missing: `failed: ${errText(e)}` };
  }
  const peakRss = sampler.peakMiB();
  await sampler.stop();
  if (!model) return { ...base, missing: "no model" };
  return {
    ...base,
    modelMedianMs: median(base.modelMs),
    planMedianMs: base.planMs.length ? median(base.planMs) : null,
    totalMedianMs: base.totalMs.length ? median(base.totalMs) : null,
    cpuMedianMs: base.cpuMs.length ? median(base.cpuMs) : null,
    peakRssMiB: peakRss,
    processMaxRssMiB: peakRssMiB(),
    peakHeapMiB: peakHeap,
    deals: model.deals.length,
    calls: model.calls.length,
    issues: model.issues.length,
    stages: model.stages,
    sheets: plan ? plan.sheets.map((s) => s.key) : [],
    figures: plan ? figuresFromPlan(plan, model.stages) : null,
    missing: planReport ? undefined : `planReport: ${"missing" in p ? p.missing : "not exported"}`,
  };
}
