/**
 * One measurement in its own process (so peak memory is its own):
 *   tsx bench/worker.ts <task> '<json args>'
 * Prints progress on stderr and one result line on stdout (see util.emit).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBundle } from "./bundle";
import { makeData, projectStageLogGen, tabsOf } from "./data";
import { runDuck } from "./duck";
import { runFunctions } from "./functions";
import { runPipeline } from "./pipeline";
import { removeTabs, type SavedTabs, saveTabs } from "./rows";
import { runServices } from "./services";
import { makeTeamData } from "./teamData";
import { emit, errText, now, peakRssMiB, profiled, RESULT_TAG } from "./util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const a = JSON.parse(json ?? "{}") as Record<string, unknown>;
  const gen = a.gen === "bench" ? null : await projectStageLogGen();
  switch (task) {
    case "save": {
      // The rows generated and written to temp files in a process of their own.
      const t0 = now();
      if (a.team) {
        const t = makeTeamData(Number(a.size), Number(a.seed ?? 42));
        const saved = saveTabs(t.tabs);
        emit({
          saved,
          deals: t.deals,
          generator: t.generator,
          genMs: now() - t0,
          logRows: t.logRows,
        });
        return;
      }
      const data = makeData(
        Number(a.size),
        Number(a.seed ?? 42),
        Boolean(a.calls),
        gen,
        a.order !== "grouped",
      );
      const saved = saveTabs(tabsOf(data));
      emit({ saved, deals: data.deals, generator: data.generator, genMs: now() - t0 });
      return;
    }
    case "pipeline": {
      // Generating the rows leaves the allocator's pages behind in a process (70–100 MiB of
      // RSS that the build would be charged with): a child makes them, this process only reads
      // them back, each run its own copy.
      const made = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), "save", json ?? "{}"],
        { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
      );
      const line = (made.stdout ?? "").split("\n").find((l) => l.startsWith(RESULT_TAG));
      if (!line) throw new Error(`generating the rows failed (exit ${made.status})`);
      const { saved, deals, generator, genMs, logRows } = JSON.parse(
        line.slice(RESULT_TAG.length),
      ) as {
        logRows?: number;
        saved: SavedTabs;
        deals: number;
        generator: string;
        genMs: number;
      };
      try {
        const r = await profiled(() => runPipeline(saved, Number(a.runs)));
        emit({ genMs, dealsGenerated: deals, generator, rawRows: saved.rows, logRows, ...r });
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
