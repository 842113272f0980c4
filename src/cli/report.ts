/**
 * `voronka report`: read the files → the same detection, model and report plan as the
 * add-on → write the .xlsx → print the funnel summary. Offline the time zone is UTC.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { InputError, readInput } from "../adapters/xlsx/read";
import { writeReport } from "../adapters/xlsx/write";
import { buildModel } from "../model/index";
import type { Model, RawTab } from "../model/types";
import { planReport } from "../report/plan";
import type { ReportPlan } from "../report/types";
import type { Command } from "./args";
import { funnelSummary } from "./summary";

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
    m.timeEntries.length === 0 &&
    m.plans.length === 0 &&
    m.grades.length === 0
  );
}

/** True when `path` is inside `<cwd>/out/` (those reports may be rewritten without --force). */
export function insideOutDir(path: string, cwd: string): boolean {
  const rel = relative(resolve(cwd, "out"), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

function headersOf(tab: RawTab): string {
  const row = tab.values[0] ?? [];
  const names = row.map((v) => String(v ?? "").trim()).filter((s) => s !== "");
  const shown = names.slice(0, 6).join(", ");
  return names.length > 6 ? `${shown}, …` : shown || "no header row";
}

export async function runReport(cmd: ReportCommand, io: Io): Promise<ReportResult> {
  const started = Date.now();
  const outPath = resolve(io.cwd, cmd.out);
  const inputs = cmd.files.map((f) => resolve(io.cwd, f));
  if (inputs.includes(outPath))
    throw new InputError(`${cmd.out}: the output would overwrite an input file`);
  if (existsSync(outPath) && !cmd.force && !insideOutDir(outPath, io.cwd)) {
    throw new InputError(`${cmd.out} already exists (add --force to overwrite it)`);
  }

  let bytes = 0;
  for (const p of inputs) if (existsSync(p)) bytes += statSync(p).isFile() ? statSync(p).size : 0;
  const large = bytes > LARGE_BYTES;
  const progress = (msg: string) => {
    if (!cmd.quiet) io.err(`… ${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  // 1. Read every file: .xlsx → every worksheet, .csv → one tab.
  const tabs: RawTab[] = [];
  const fileOfTab = new Map<RawTab, string>();
  for (let i = 0; i < inputs.length; i++) {
    if (large) progress(`reading ${basename(inputs[i])} (${i + 1}/${inputs.length})`);
    const read = await readInput(inputs[i], cmd.files[i]);
    for (const t of read) {
      // Tab names must stay unique across files (the data check names them).
      let name = t.name;
      for (let n = 2; tabs.some((o) => o.name === name); n++) name = `${t.name} (${n})`;
      const tab = { name, values: t.values };
      tabs.push(tab);
      fileOfTab.set(tab, basename(inputs[i]));
    }
  }
  const rows = tabs.reduce((s, t) => s + Math.max(0, t.values.length - 1), 0);
  const showProgress = large || rows > LARGE_ROWS;
  if (rows === 0) throw new InputError(`${cmd.files.join(", ")}: no data rows`);

  // 2. The same detection and model as the add-on.
  if (showProgress) progress(`building the model from ${rows.toLocaleString("en-US")} rows`);
  const { model, detections } = buildModel(tabs, { timeZone: "UTC" });
  const recognised = recognisedTabs(detections, tabs);
  const skipped: string[] = [];
  for (const tab of tabs) {
    if (recognised !== null && !recognised.has(tab.name)) {
      const file = fileOfTab.get(tab) ?? tab.name;
      const csv = /\.(csv|tsv|txt)$/i.test(file);
      const msg = `${csv ? file : `${file}, tab "${tab.name}"`}: no recognisable columns (headers: ${headersOf(tab)})`;
      // A CSV file names one table explicitly: not recognising it is an error.
      if (csv) throw new InputError(msg);
      skipped.push(msg);
    }
  }
  if (modelIsEmpty(model)) {
    const names = tabs.map((t) => `"${t.name}" (${headersOf(t)})`).join("; ");
    throw new InputError(
      `no tab was recognised as calls, deals, stage log, time log, plan or checklist: ${names}`,
    );
  }
  if (!cmd.quiet) for (const msg of skipped) io.err(`skipped ${msg}`);

  // 3. The same report plan.
  if (showProgress) progress("planning the report");
  // Today (UTC, as offline dates are read): the run-rate forecast is for the period holding it.
  const today = new Date().toISOString().slice(0, 10);
  const plan = planReport(model, { lang: cmd.lang, period: cmd.period, today });

  // 4. Write next to the target, then move into place (a failure leaves no half file).
  if (showProgress) progress("writing the workbook");
  await mkdir(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeReport(plan, tmp);
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new InputError(`${cmd.out}: cannot write the report (${(e as Error).message})`);
  }

  if (!cmd.quiet) {
    const files = inputs.length === 1 ? basename(inputs[0]) : `${inputs.length} files`;
    io.out(
      `Read ${files}: ${tabs.length} tab${tabs.length === 1 ? "" : "s"}, ${rows.toLocaleString("en-US")} rows → ${model.deals.length.toLocaleString("en-US")} deals, ${model.calls.length.toLocaleString("en-US")} calls, ${model.stages.length} stages.`,
    );
    const table = funnelSummary(plan);
    if (table) io.out(`\n${table}\n`);
    if (model.issues.length > 0) {
      io.out(
        `${model.issues.length.toLocaleString("en-US")} rows or cells left out: see the Data check sheet.`,
      );
    }
    const rel = relative(io.cwd, outPath);
    io.out(
      `Report: ${rel.startsWith("..") ? outPath : rel} (${plan.sheets.map((s) => s.name).join(", ")})`,
    );
  }
  return { plan, model, outPath };
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
