/**
 * `voronka report`: read the files → the same detection, model and report plan as the
 * add-on → write the .xlsx → print the funnel summary. Offline the time zone is UTC.
 * Every line printed comes from the message catalog (messages.ts) in the command's language.
 */
import { existsSync, statSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { planTabs, readAggregatesTabs } from "../adapters/planFromTabs";
import { settingsFromRows } from "../adapters/sheets/settings";
import { InputError, readInput } from "../adapters/xlsx/read";
import { writeReport } from "../adapters/xlsx/write";
import { callRepDays, DEFAULT_LONG_CALL_SECONDS } from "../aggregates/memory";
import { withAggregatesSummary } from "../aggregates/summary";
import type { Aggregates } from "../aggregates/types";
import type { Lang } from "../core/i18n";
import { at } from "../core/indexed";
import { nameKey } from "../core/values";
import { mappingToBuild } from "../model/corrections";
import { buildModel, isSettingsTab } from "../model/index";
import { type ModelSummary, modelSummary } from "../model/summary";
import type { Model, RawTab } from "../model/types";
import type { ReportOptions } from "../report/options";
import { planReportFrom } from "../report/plan";
import type { ReportPlan } from "../report/types";
import { OPTION_KEYS, toReportOptions } from "../shared/options";
import { cleanSettings } from "../shared/settings";
import type { CsvHead } from "../sql/direct";
import { type Command, OPTION_FLAGS } from "./args";
import {
  bigTabs,
  chooseEngine,
  duckdbAggregates,
  readHeadOrAll,
  readsTheSame,
  sampleTabs,
} from "./engine";
import { explainLines, notRecognised } from "./explain";
import { type MessageKey, type MessageParams, message } from "./messages";
import { insideOutDir, makeOutputFolder, outputIsInput, pathTaken } from "./output";
import { checkAskedPipeline, pipelineSummary, tabPipelineLine } from "./pipelines";
import { profileStep } from "./profile";
import { funnelSummary } from "./summary";

export { insideOutDir } from "./output";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Working directory the relative paths are resolved against. */
  cwd: string;
}

export type ReportCommand = Extract<Command, { kind: "report" }>;

/** Inputs above this many rows (or bytes) get progress lines on stderr. */
export const LARGE_ROWS = 100_000;
export const LARGE_BYTES = 5 * 1024 * 1024;

export interface ReportResult {
  plan: ReportPlan;
  model: Model;
  outPath: string;
}

function modelIsEmpty(m: Model): boolean {
  return (
    m.deals.length === 0 &&
    m.calls.length === 0 &&
    (m.callDays?.length ?? 0) === 0 &&
    m.timeEntries.length === 0 &&
    m.plans.length === 0 &&
    m.grades.length === 0
  );
}

/**
 * DuckDB counts the raw calls; a calls summary tab (a telephony dashboard's rep-days, small and
 * read whole into the model) adds its rep-days as the in-memory engine adds them.
 */
function withCallSummaries(agg: Aggregates, model: Model): Aggregates {
  if (!model.callDays?.length) return agg;
  const summaries = callRepDays({ ...model, calls: [] }, agg.longCallSeconds);
  return { ...agg, repDays: [...agg.repDays, ...summaries] };
}

function headersOf(tab: RawTab, lang: Lang): string {
  const row = tab.values[0] ?? [];
  const names = row.map((v) => String(v ?? "").trim()).filter((s) => s !== "");
  const shown = names.slice(0, 6).join(", ");
  return names.length > 6 ? `${shown}, …` : shown || message(lang, "noHeaderRow");
}

export async function runReport(cmd: ReportCommand, io: Io): Promise<ReportResult> {
  const started = Date.now();
  profileStep("start (node, modules)");
  const lang = cmd.lang;
  const say = (key: MessageKey, params?: MessageParams) => message(lang, key, params);
  const outPath = resolve(io.cwd, cmd.out);
  const inputs = cmd.files.map((f) => resolve(io.cwd, f));
  // Checked before reading and again before the move into place.
  const guardOutput = () => {
    if (outputIsInput(outPath, inputs)) throw new InputError("outIsInput", { out: cmd.out });
  };
  guardOutput();
  if (pathTaken(outPath) && !cmd.force && !insideOutDir(outPath, io.cwd)) {
    throw new InputError("outExists", { out: cmd.out });
  }

  let bytes = 0;
  for (const p of inputs) if (existsSync(p)) bytes += statSync(p).isFile() ? statSync(p).size : 0;
  const large = bytes > LARGE_BYTES;
  const progress = (key: MessageKey, params?: MessageParams) => {
    if (cmd.quiet) return;
    const seconds = ((Date.now() - started) / 1000).toLocaleString(lang === "en" ? "en-US" : lang, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    io.err(`… ${say(key, params)} (${seconds} ${lang === "en" ? "s" : "с"})`);
  };

  // 1. Read every file: .xlsx → every worksheet, .csv or an HTML .xls → one tab.
  const tabs: RawTab[] = [];
  const fileOfTab = new Map<RawTab, string>();
  const budget = { rows: 0 };
  const heads = new Map<string, { head: CsvHead; shown: string }>();
  for (const [i, input] of inputs.entries()) {
    const shown = at(cmd.files, i);
    if (large) {
      progress("progressReading", { file: basename(input), n: i + 1, total: inputs.length });
    }
    // A big UTF-8 CSV is read to its head only: DuckDB may read the rest itself (engine.ts).
    const read = await readHeadOrAll(input, shown, budget, cmd.engine);
    for (const t of read.tabs) {
      // Tab names must stay unique across files (the data check names them).
      let name = t.name;
      for (let n = 2; tabs.some((o) => o.name === name); n++) name = `${t.name} (${n})`;
      const tab: RawTab = { ...t, name };
      if (tab.notes) tab.notes = tab.notes.map((note) => ({ ...note, tab: name }));
      tabs.push(tab);
      fileOfTab.set(tab, basename(input));
      if (read.head) heads.set(name, { head: read.head, shown });
    }
  }
  profileStep("read files (heads)");
  // The engine: DuckDB builds the model on a sample of the big tabs and counts every row itself.
  const big = bigTabs(tabs, heads);
  const engine = await chooseEngine(cmd.engine, big, lang, (l) => !cmd.quiet && io.err(l));
  // Heads DuckDB does not read whole, as our readers would, are read whole now.
  const direct = new Map<string, CsvHead>();
  for (const [name, { head, shown }] of heads) {
    // `heads` holds names of tabs read above.
    const i = tabs.findIndex((t) => t.name === name);
    const headTab = at(tabs, i);
    const m = big.get(name)?.mapping;
    if (engine === "duckdb" && m && readsTheSame(headTab, m)) {
      direct.set(name, head);
      continue;
    }
    // A head is a CSV's: one tab.
    const whole = at(await readInput(head.path, shown, budget), 0);
    const tab: RawTab = { ...whole, name };
    if (tab.notes) tab.notes = tab.notes.map((note) => ({ ...note, tab: name }));
    fileOfTab.set(tab, fileOfTab.get(headTab) ?? basename(head.path));
    tabs[i] = tab;
  }
  profileStep("detect + choose engine");
  // Rows read, with the rows of the files DuckDB reads (estimated until it has counted them).
  const rowsNow = () =>
    tabs.reduce((s, t) => s + Math.max(0, t.values.length - 1), 0) +
    [...direct.values()].reduce((s, h) => s + h.rows - Math.max(0, h.tab.values.length - 1), 0);
  const rows = rowsNow();
  const showProgress = large || rows > LARGE_ROWS;
  if (rows === 0) throw new InputError("noDataRows", { files: cmd.files.join(", ") });

  // 2. The same detection and model as the add-on.
  if (showProgress) progress("progressModel", { rows });
  // A workbook with our settings tab (the tracker template, a downloaded spreadsheet) is read
  // with the corrections it keeps, as the add-on would; the tab itself is not data.
  const settingsTab = tabs.find(isSettingsTab);
  const stored = settingsTab ? settingsFromRows(settingsTab.values) : null;
  const saved = stored?.mapping ?? null;
  // The Roles sheet's norms and the report options set in the settings tab (by hand or in the
  // sidebar) hold here too; a flag wins over an option. Filters come from flags only.
  const {
    roleNorms,
    options: tabOptions = {},
    pipeline: tabPipeline,
  } = cleanSettings(stored?.sidebar);
  const optionValues = { ...tabOptions, ...cmd.options };
  const fromTab = OPTION_KEYS.filter(
    (k) => tabOptions[k] !== undefined && cmd.options?.[k] === undefined,
  );
  if (fromTab.length > 0 && !cmd.quiet) {
    const list = fromTab.map((k) => `--${OPTION_FLAGS[k]} ${tabOptions[k]}`).join(", ");
    io.err(say("optionsFromSettings", { options: list }));
  }
  const longCallSeconds = optionValues.longCallSeconds;
  const buildTabs = engine === "duckdb" ? sampleTabs(tabs, big) : tabs;
  // In memory nothing reads a data row after the build: the model drops the rows once read and,
  // where the child runs with --expose-gc (guard.ts), collects them before it makes the deals.
  // DuckDB's aggregates read the tabs again (duckdbAggregates), so there they stay.
  const inMemory = engine !== "duckdb";
  const built = buildModel(buildTabs, {
    timeZone: "UTC",
    mapping: mappingToBuild(buildTabs, saved),
    releaseRows: inMemory,
    collect: inMemory ? (globalThis as { gc?: () => void }).gc : undefined,
    // The flag wins over the settings tab's pipeline (a name no pipeline has: the data check says so).
    pipeline: cmd.pipeline ?? tabPipeline ?? null,
  });
  profileStep("build model");
  checkAskedPipeline(cmd.pipeline, built.model.pipelines);
  const unknownTabPipeline = tabPipelineLine(built.model.pipelines, lang);
  if (unknownTabPipeline && !cmd.quiet) io.err(unknownTabPipeline);
  const { detections } = built;
  // Aggregates tabs (SPEC §8: views a SQL engine computed), when there are some, plan the report.
  const read = readAggregatesTabs(tabs, built, "UTC", longCallSeconds);
  const { model } = read;
  if (cmd.explain) io.out(`${explainLines(tabs, read.built, lang).join("\n")}\n`);
  const recognised = recognisedTabs(detections, tabs);
  const skipped: string[] = [];
  for (const tab of tabs) {
    // The settings tab, and tabs it switches off, are left out without a word.
    if (tab === settingsTab || saved?.tabs.some((t) => t.name === tab.name && t.kind === null))
      continue;
    if (recognised !== null && !recognised.has(tab.name)) {
      const file = fileOfTab.get(tab) ?? tab.name;
      // Reference tables (accounts, products, teams) are left out, never an error; a file
      // with no header row is named as such.
      const why = notRecognised(tab, lang);
      if (why.reference) {
        skipped.push(say("referenceSkipped", { file, why: why.text }));
        continue;
      }
      const headers = why.text ?? headersOf(tab, lang);
      // A one-tab file names one table explicitly: not recognising it is an error.
      if (!/\.xlsx$/i.test(file)) {
        if (why.text) throw new InputError("fileNoHeader", { file, why: why.text });
        throw new InputError("csvUnrecognised", { file, headers });
      }
      skipped.push(say("tabSkipped", { file, tab: tab.name, headers }));
    }
  }
  if (!cmd.quiet)
    for (const d of detections) if (d.teamOnly) io.err(say("teamOnlyCalls", { tab: d.tab }));
  if (read.stagesMissing && modelIsEmpty(model)) {
    const names = detections.filter((d) => d.kind === "aggregates").map((d) => `"${d.tab}"`);
    throw new InputError("aggregatesNoStages", { tabs: names.join(", ") });
  }
  if (modelIsEmpty(model) && !read.agg) {
    const names = tabs.map((t) => `"${t.name}" (${headersOf(t, lang)})`).join("; ");
    throw new InputError("nothingRecognised", { tabs: names });
  }
  if (!cmd.quiet) for (const msg of skipped) io.err(msg);

  profileStep("aggregates tabs + checks");
  // 3. The same report plan.
  if (showProgress) progress("progressPlan");
  // Today (UTC, as offline dates are read): the run-rate forecast is for the period holding it.
  const today = new Date().toISOString().slice(0, 10);
  const options: ReportOptions = {
    lang: cmd.lang,
    period: cmd.period,
    today,
    roleNorms,
    ...(cmd.reps ? { reps: cmd.reps } : {}),
    ...(cmd.sources ? { sources: cmd.sources } : {}),
    ...(cmd.from ? { from: cmd.from } : {}),
    ...(cmd.to ? { to: cmd.to } : {}),
    ...toReportOptions(optionValues),
  };
  // Aggregates tabs already hold what an engine computes: DuckDB runs only without them.
  const sqlAgg =
    engine === "duckdb" && !read.agg
      ? withCallSummaries(
          await duckdbAggregates(
            tabs,
            built,
            longCallSeconds ?? DEFAULT_LONG_CALL_SECONDS,
            direct,
            profileStep,
          ),
          model,
        )
      : null;
  profileStep("aggregates (engine)");
  const agg = sqlAgg ?? read.agg;
  if (!cmd.quiet) {
    // Views that counted the calls themselves keep their threshold: say so when it differs.
    if (agg && longCallSeconds !== undefined && agg.longCallSeconds !== longCallSeconds)
      io.err(say("longCallFixed", { used: agg.longCallSeconds, asked: longCallSeconds }));
    if (cmd.reps || cmd.sources) {
      const known = modelSummary(model);
      for (const line of unknownNames(cmd, agg ? withAggregatesSummary(known, agg) : known))
        io.err(line);
    }
  }
  // From DuckDB's aggregates; a model built on a sample keeps only its small tables.
  const sampled = direct.size > 0 || buildTabs.some((t, i) => t !== tabs[i]);
  const plan = !sqlAgg
    ? planTabs(read, options)
    : planReportFrom(
        sqlAgg,
        sampled
          ? // The pipelines' deals as DuckDB counted them over every row (sql/pipelineCounts.ts).
            { ...model, pipelines: built.model.pipelines, deals: [], calls: [] }
          : model,
        options,
      );

  profileStep("plan report");
  // 4. Write next to the target, then move into place (a failure leaves no half file).
  if (showProgress) progress("progressWrite");
  await makeOutputFolder(outPath, cmd.out, io.cwd);
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeReport(plan, tmp);
    guardOutput();
    await rename(tmp, outPath);
    profileStep("write xlsx");
  } catch (e) {
    await rm(tmp, { force: true });
    if (e instanceof InputError) throw e;
    throw new InputError("cannotWrite", { out: cmd.out, reason: (e as Error).message });
  }

  if (!cmd.quiet) {
    const files =
      inputs.length === 1 ? basename(at(inputs, 0)) : say("filesCount", { n: inputs.length });
    io.out(
      say("readSummary", {
        files,
        tabs: tabs.length,
        // In memory the tabs hold no data rows any more: the count taken before the build.
        rows: inMemory ? rows : rowsNow(),
        deals: agg ? agg.deals.reduce((n, r) => n + r.deals, 0) : model.deals.length,
        calls: agg ? agg.repDays.reduce((n, r) => n + r.calls, 0) : model.calls.length,
        stages: agg ? agg.stages.length : model.stages.length,
      }),
    );
    const pipelineLine = pipelineSummary(built.model.pipelines, lang);
    if (pipelineLine) io.out(pipelineLine);
    const table = funnelSummary(plan);
    if (table) io.out(`\n${table}\n`);
    if (model.issues.length > 0) io.out(say("leftOut", { n: model.issues.length }));
    const rel = relative(io.cwd, outPath);
    io.out(
      say("reportWritten", {
        path: rel.startsWith("..") ? outPath : rel,
        sheets: plan.sheets.map((s) => s.name).join(", "),
      }),
    );
  }
  return { plan, model, outPath };
}

/** A line for each --rep or --source that names nobody in the data (a typo filters out all). */
function unknownNames(cmd: ReportCommand, known: ModelSummary): string[] {
  const lines: string[] = [];
  for (const [flag, asked, names] of [
    ["--rep", cmd.reps, known.reps],
    ["--source", cmd.sources, known.sources],
  ] as const) {
    const keys = new Set(names.map((n) => nameKey(n)));
    for (const name of asked ?? []) {
      if (keys.has(nameKey(name))) continue;
      const shown = names.slice(0, 8).join(", ") + (names.length > 8 ? ", …" : "");
      lines.push(message(cmd.lang, "unknownName", { flag, name, names: shown || "—" }));
    }
  }
  return lines;
}

/**
 * Names of the tabs the detection recognised, from buildModel's `detections`; null when the
 * shape is not one we know (then only "nothing recognised at all" is an error).
 */
function recognisedTabs(detections: unknown, tabs: RawTab[]): Set<string> | null {
  if (!Array.isArray(detections)) return null;
  const names = new Set<string>();
  detections.forEach((d, i) => {
    if (!d || typeof d !== "object") return;
    const o = d as { tab?: unknown; name?: unknown; kind?: unknown };
    const name =
      typeof o.tab === "string" ? o.tab : typeof o.name === "string" ? o.name : tabs[i]?.name;
    if (name !== undefined && o.kind) names.add(name);
  });
  return names;
}
