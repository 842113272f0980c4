import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README, renderReference, updateReadme } from "../../scripts/gen-readme";
import { jsdocFor } from "../../scripts/jsdoc";
import { LANGS } from "../../src/core/i18n";
import { callFunction, IMPLEMENTATIONS } from "../../src/functions/index";
import { FUNCTIONS } from "../../src/functions/registry";
import * as server from "../../src/server/functions";

/** Parameter names of a JS function, from its source. */
function paramNames(f: (...a: never[]) => unknown): string[] {
  const src = f.toString();
  const inside = src.slice(src.indexOf("(") + 1, src.indexOf(")"));
  return inside
    .split(",")
    .map((s) => s.replace(/[=:?].*$/s, "").trim())
    .filter(Boolean);
}

describe("registry", () => {
  it("one entry per implementation and per server wrapper, parameters matching", () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(IMPLEMENTATIONS).sort());
    for (const fn of FUNCTIONS) {
      const wrapper = (server as unknown as Record<string, (...a: never[]) => unknown>)[fn.name];
      expect(typeof wrapper, fn.name).toBe("function");
      expect(paramNames(wrapper), fn.name).toEqual(fn.params.map((p) => p.name));
    }
  });
  it("every text is localized; optional parameters come last; examples exist", () => {
    for (const fn of FUNCTIONS) {
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      for (const lang of LANGS) {
        expect(fn.summary[lang].length, `${fn.name} ${lang}`).toBeGreaterThan(10);
        expect(fn.returns.description[lang].length).toBeGreaterThan(3);
        for (const p of fn.params)
          expect(p.description[lang].length, `${fn.name}.${p.name}`).toBeGreaterThan(3);
      }
      const firstOptional = fn.params.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(fn.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
      expect(fn.examples.length).toBeGreaterThan(0);
      for (const ex of fn.examples) expect(ex.formula.startsWith(`=${fn.name}(`)).toBe(true);
    }
  });
  it("JSDoc has @customfunction, one @param per parameter, optional ones explained", () => {
    for (const fn of FUNCTIONS) {
      const doc = jsdocFor(fn);
      expect(doc).toContain("@customfunction");
      expect(doc.match(/@param /g)?.length).toBe(fn.params.length);
      const optional = fn.params.filter((x) => x.optional).length;
      expect(doc.match(/\[optional\]/g)?.length ?? 0).toBe(optional);
      expect(doc).not.toMatch(/\*\/[\s\S]*\*\//);
    }
  });
});

describe("README reference", () => {
  it("is up to date (run `npm run docs`)", () => {
    const readme = readFileSync(README, "utf8");
    expect(updateReadme(readme)).toBe(readme);
    for (const fn of FUNCTIONS) expect(readme).toContain(`### ${fn.name}`);
    expect(renderReference()).toContain("REQUIRED_CALLS(target, rates, [working_days])");
  });
});

// ---- Every example made only of literals holds ------------------------------------------------

/** Splits at top-level separators. */
function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "(" || ch === "{")) depth++;
    if (!quoted && (ch === ")" || ch === "}")) depth--;
    if (!quoted && depth === 0 && seps.includes(ch)) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** A literal argument as Sheets would pass it, or undefined for a cell reference. */
function literal(s: string): unknown {
  if (s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1);
  if (s.startsWith("{") && s.endsWith("}")) {
    const rows = splitTop(s.slice(1, -1), ";").map((r) => splitTop(r, ",").map(literal));
    return rows.some((r) => r.some((c) => c === undefined)) ? undefined : rows;
  }
  const frac = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) return Number(pct[1]) / 100;
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return Number(s);
  return undefined;
}

describe("registry examples", () => {
  const cases = FUNCTIONS.flatMap((fn) =>
    fn.examples.map((ex) => ({ fn: fn.name, formula: ex.formula, result: ex.result })),
  );
  it.each(cases)("$formula", ({ fn, formula, result }) => {
    const args = splitTop(formula.slice(fn.length + 2, -1), ",").map(literal);
    if (args.some((a) => a === undefined)) return; // uses cell references: documented only
    const got = callFunction(fn, args, { timeZone: "UTC", lang: "en" });
    if (/^[\d.\s|-]+$/.test(result)) {
      const want = result.split("|").map((x) => Number(x.trim()));
      const flat = Array.isArray(got) ? got.flat() : [got];
      expect(flat.length).toBe(want.length);
      for (let i = 0; i < flat.length; i++) expect(flat[i] as number).toBeCloseTo(want[i], 2);
    } else {
      // Descriptive results: every number they mention appears in the output.
      const flat = (Array.isArray(got) ? got.flat() : [got]).map(String);
      for (const n of result.match(/\d+(?:\.\d+)?(?=[ ,)%]|$)/g) ?? []) {
        const num = Number(n);
        const asRate = result.includes(`${n}%`) ? num / 100 : num;
        expect(
          flat.some((v) => Math.abs(Number(v) - asRate) < 1e-9),
          `${n} in ${formula}`,
        ).toBe(true);
      }
    }
  });
});
