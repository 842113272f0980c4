/**
 * One measurement in its own process (so peak memory is its own):
 *   tsx bench/worker.ts <task> '<json args>'
 * Prints progress on stderr and one result line on stdout (see util.emit).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBundle } from "./bundle";
import { makeData, projectStageLogGen, tabsOf } from "./data";
import { runDuck } from "./duck";
import { runFunctions } from "./functions";
import { runPipeline } from "./pipeline";
import { removeTabs, saveTabs } from "./rows";
import { runServices } from "./services";
import { emit, errText, now, peakRssMiB, profiled } from "./util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const a = JSON.parse(json ?? "{}") as Record<string, unknown>;
  const gen = a.gen === "bench" ? null : await projectStageLogGen();
  switch (task) {
    case "pipeline": {
      const t0 = now();
      // The generated rows go to a file and out of memory: every run reads its own copy.
      const { saved, deals, generator } = (() => {
        const data = makeData(
          Number(a.size),
          Number(a.seed ?? 42),
          Boolean(a.calls),
          gen,
          a.order !== "grouped",
        );
        return { saved: saveTabs(tabsOf(data)), deals: data.deals, generator: data.generator };
      })();
      const genMs = now() - t0;
      try {
        const r = await profiled(() => runPipeline(saved, Number(a.runs)));
        emit({ genMs, dealsGenerated: deals, generator, ...r });
      } finally {
        removeTabs(saved);
      }
      return;
    }
    case "duck": {
      const data = makeData(
        Number(a.size),
        Number(a.seed ?? 42),
        false,
        gen,
        a.order !== "grouped",
      );
      const r = await runDuck(data, a.stages as string[], Number(a.runs));
      emit({ ...r, peakRssMiB: peakRssMiB() });
      return;
    }
    case "functions":
      emit(await profiled(() => runFunctions(Number(a.rows), Number(a.runs))));
      return;
    case "services":
      emit(await profiled(() => runServices(Number(a.rows), gen, Number(a.times ?? 1))));
      return;
    case "bundle":
      emit(runBundle(root, Number(a.samples)));
      return;
    default:
      throw new Error(`unknown task ${task}`);
  }
}

main().catch((e) => {
  emit({ error: errText(e) });
  process.exitCode = 0;
});
