/**
 * The formula help the sidebar shows, from the registry. The sidebar bundles it at build time,
 * so the help text never travels through (or weighs on) the Apps Script server bundle.
 */
import type { Lang } from "../core/i18n";
import type { FormulaHelp } from "../shared/wire";
import { FUNCTIONS } from "./registry";

export function formulaHelpFor(lang: Lang): FormulaHelp {
  return {
    lang,
    functions: FUNCTIONS.map((f) => ({
      name: f.name,
      summary: f.summary[lang],
      params: f.params.map((p) => ({
        name: p.name,
        description: p.description[lang],
        optional: p.optional === true,
      })),
      returns: f.returns.description[lang],
      examples: f.examples.map((ex) => ({
        formula: ex.formula,
        result: ex.result,
        ...(ex.note ? { note: ex.note[lang] } : {}),
      })),
    })),
  };
}
