/**
 * `voronka template`: the tracker template the add-on's menu adds, as an .xlsx to import into
 * Google Sheets. Today's date (UTC) anchors the example rows, as the add-on uses the
 * spreadsheet's today. The output follows the report's rules (output.ts).
 */
import { rename, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { InputError } from "../adapters/xlsx/errors";
import { writeTemplateXlsx } from "../adapters/xlsx/template";
import { dayNumber, instantToWall } from "../core/calendar";
import { FUNCTIONS } from "../functions/registry";
import type { TabKind } from "../model/types";
import { formulaRows, formulasHeader, formulasOfflineNote } from "../template/formulas";
import { type TemplatePlan, templatePlan } from "../template/plan";
import type { Command } from "./args";
import { message } from "./messages";
import { insideOutDir, makeOutputFolder, pathTaken } from "./output";
import type { Io } from "./report";

export type TemplateCommand = Extract<Command, { kind: "template" }>;

export async function runTemplate(
  cmd: TemplateCommand,
  io: Io,
  now: number = Date.now(),
): Promise<{ plan: TemplatePlan; outPath: string }> {
  const outPath = resolve(io.cwd, cmd.out);
  if (pathTaken(outPath) && !cmd.force && !insideOutDir(outPath, io.cwd)) {
    throw new InputError("outExists", { out: cmd.out });
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

  await makeOutputFolder(outPath, cmd.out, io.cwd);
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeTemplateXlsx(plan, formulas, tmp);
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    const reason = (e as Error).message;
    throw new InputError("cannotWriteTemplate", { out: cmd.out, reason });
  }
  if (!cmd.quiet) {
    const rel = relative(io.cwd, outPath);
    const sheets = [...plan.tabs.map((t) => t.name), plan.lists.name, plan.formulasName];
    const path = rel.startsWith("..") ? outPath : rel;
    io.out(message(cmd.lang, "templateWritten", { path, sheets: sheets.join(", ") }));
    io.out(message(cmd.lang, "templateImport"));
  }
  return { plan, outPath };
}
