import type { FunctionSpec } from "../src/functions/spec";

/**
 * The JSDoc block Sheets reads for autocomplete. Sheets shows every @param as required, so
 * optional ones say so in words.
 */
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function jsdocFor(fn: FunctionSpec): string {
  const clean = (s: string) => s.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();
  const lines = ["/**", ` * ${clean(fn.summary.en)}`];
  const optional = fn.params.filter((p) => p.optional).map((p) => p.name);
  if (optional.length > 0) lines.push(` * Optional: ${optional.join(", ")} (may be left out).`);
  for (const p of fn.params) {
    // "[optional]" already says it: drop the description's own leading "Optional:".
    const text = p.optional
      ? `[optional] ${capitalize(clean(p.description.en).replace(/^Optional:\s*/i, ""))}`
      : clean(p.description.en);
    lines.push(` * @param {${p.type}} ${p.name} ${text}`);
  }
  lines.push(` * @return {${fn.returns.type}} ${clean(fn.returns.description.en)}`);
  lines.push(" * @customfunction", " */");
  return lines.join("\n");
}
