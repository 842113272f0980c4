import type { FunctionSpec } from "../src/functions/spec";

/**
 * The JSDoc block Sheets reads for autocomplete. Sheets shows every @param as required, so
 * optional ones say so in words.
 */
export function jsdocFor(fn: FunctionSpec): string {
  const clean = (s: string) => s.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();
  const lines = ["/**", ` * ${clean(fn.summary.en)}`];
  const optional = fn.params.filter((p) => p.optional).map((p) => p.name);
  if (optional.length > 0)
    lines.push(` * Optional: ${optional.join(", ")} (leave them out to use the defaults).`);
  for (const p of fn.params) {
    const opt = p.optional ? "[optional] " : "";
    lines.push(` * @param {${p.type}} ${p.name} ${opt}${clean(p.description.en)}`);
  }
  lines.push(` * @return {${fn.returns.type}} ${clean(fn.returns.description.en)}`);
  lines.push(" * @customfunction", " */");
  return lines.join("\n");
}
