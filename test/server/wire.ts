/**
 * What Apps Script could not carry from the server to the sidebar: Dates, functions, NaN,
 * Infinity, undefined in arrays. Returns one line per problem.
 */
export function wireProblems(v: unknown, path = "result", out: string[] = []): string[] {
  if (v === null || typeof v === "string" || typeof v === "boolean") return out;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) out.push(`${path} is ${v}`);
    return out;
  }
  if (v === undefined) {
    out.push(`${path} is undefined`);
    return out;
  }
  if (typeof v === "function") {
    out.push(`${path} is a function`);
    return out;
  }
  if (Object.prototype.toString.call(v) === "[object Date]") {
    out.push(`${path} is a Date`);
    return out;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      wireProblems(x, `${path}[${i}]`, out);
    });
    return out;
  }
  if (typeof v === "object") {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue; // JSON drops it, as Apps Script does
      wireProblems(x, `${path}.${k}`, out);
    }
    return out;
  }
  out.push(`${path} has type ${typeof v}`);
  return out;
}
