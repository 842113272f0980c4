/**
 * The template's "Formulas" sheet: one row per custom function of the registry, with a live
 * formula. Functions that read activity columns get formulas over the template's own tabs; the
 * others use the registry's first example that needs no ranges.
 */
import type { Lang } from "../core/lang";
import type { FunctionSpec } from "../functions/spec";
import type { FormulaRow } from "./sheets";

const HEADER: Record<Lang, string[]> = {
  en: ["Function", "What it does", "Formula", "Result", "Expected"],
  ru: ["Функция", "Что делает", "Формула", "Результат", "Ожидается"],
  uk: ["Функція", "Що робить", "Формула", "Результат", "Очікується"],
};

export function formulasHeader(lang: Lang): string[] {
  return HEADER[lang];
}

/** `'Stage log'!B2:B` — a sheet name quoted for a formula. */
export function ref(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Names of the template's tabs as they were actually created (maybe suffixed). */
export interface TemplateRefs {
  deals: string;
  stageLog: string;
  calls: string;
  lists: string;
  /** Funnel stages top to bottom. */
  stages: string[];
}

/** A range reference anywhere in a formula (A1:B2, A:A, Sheet!A1). */
const HAS_RANGE = /(?:\b[A-Z]{1,3}\d*:[A-Z]{1,3}\d*\b)|!/;

function ownFormula(name: string, r: TemplateRefs): string | null {
  const stagesRange = ref(r.lists, `A2:A${r.stages.length + 1}`);
  switch (name) {
    case "CONVERSION":
      return "=CONVERSION(1000, 150)";
    case "REQUIRED_CALLS":
      return "=REQUIRED_CALLS(50, 5%, 21)";
    case "FUNNEL":
      return `=FUNNEL(${ref(r.stageLog, "B2:B")}, ${stagesRange}, ${ref(r.stageLog, "A2:A")})`;
    case "TALK_TIME":
      return `=TALK_TIME(${ref(r.calls, "C2:C")}, 60, "calls")`;
    case "STAGE_VELOCITY":
      return `=STAGE_VELOCITY(${ref(r.stageLog, "A2:A")}, ${ref(r.stageLog, "B2:B")}, ${ref(
        r.stageLog,
        "C2:C",
      )}, ${quoted(r.stages[0] ?? "")}, ${quoted(r.stages[r.stages.length - 1] ?? "")})`;
    default:
      return null;
  }
}

export function formulaRows(fns: FunctionSpec[], lang: Lang, refs: TemplateRefs): FormulaRow[] {
  return fns.map((fn) => {
    const own = ownFormula(fn.name, refs);
    const plain = fn.examples.find((ex) => !HAS_RANGE.test(ex.formula));
    const example = plain ?? fn.examples[0];
    const live = own ?? (plain ? plain.formula : "");
    const shown =
      own ?? example?.formula ?? `=${fn.name}(${fn.params.map((p) => p.name).join(", ")})`;
    return {
      name: fn.name,
      summary: fn.summary[lang],
      shown: shown.startsWith("=") ? shown : `=${shown}`,
      live: live === "" || live.startsWith("=") ? live : `=${live}`,
      expected: own ? "" : (plain?.result ?? ""),
    };
  });
}
