/**
 * `voronka template`: the tracker template the add-on's menu adds, as an .xlsx to import into
 * Google Sheets. Today's date (UTC) anchors the example rows, as the add-on uses the
 * spreadsheet's today.
 */
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { InputError } from "../adapters/xlsx/errors";
import { writeTemplateXlsx } from "../adapters/xlsx/template";
import { dayNumber, instantToWall } from "../core/calendar";
import { FUNCTIONS } from "../functions/registry";
import type { TabKind } from "../model/types";
import { formulaRows, formulasHeader, formulasOfflineNote } from "../template/formulas";
import { type TemplatePlan, templatePlan } from "../template/plan";
import type { Command } from "./args";
import { type Io, insideOutDir } from "./report";

export type TemplateCommand = Extract<Command, { kind: "template" }>;

export async function runTemplate(
  cmd: TemplateCommand,
  io: Io,
  now: number = Date.now(),
): Promise<{ plan: TemplatePlan; outPath: string }> {
  const outPath = resolve(io.cwd, cmd.out);
  if (existsSync(outPath) && !cmd.force && !insideOutDir(outPath, io.cwd)) {
    throw new InputError(`${cmd.out} already exists (add --force to overwrite it)`);
  }
  const plan = templatePlan(cmd.lang, dayNumber(instantToWall(now, "UTC")));
  // A new workbook: every tab keeps the plan's name.
  const tab = (kind: TabKind) => plan.tabs.find((t) => t.kind === kind)?.name ?? "";
  const rows = formulaRows(FUNCTIONS, cmd.lang, {
    calls: tab("calls"),
    deals: tab("deals"),
    stageLog: tab("stageLog"),
    lists: plan.lists.name,
    stages: plan.stages,
  });
  // No live "Result" column: without the add-on nothing computes the formulas.
  const header = formulasHeader(cmd.lang).filter((_, i) => i !== 3);
  const formulas = { note: formulasOfflineNote(cmd.lang), header, rows };

  await mkdir(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeTemplateXlsx(plan, formulas, tmp);
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new InputError(`${cmd.out}: cannot write the template (${(e as Error).message})`);
  }
  if (!cmd.quiet) {
    const rel = relative(io.cwd, outPath);
    const names = [...plan.tabs.map((t) => t.name), plan.lists.name, plan.formulasName];
    io.out(`Template: ${rel.startsWith("..") ? outPath : rel} (${names.join(", ")})`);
    io.out("Import it in Google Sheets (File → Import); the formulas need the Voronka add-on.");
  }
  return { plan, outPath };
}
