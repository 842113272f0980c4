/**
 * A small Apps Script stand-in for tests of the built bundle: loads dist/Code.js into a bare
 * node:vm context (only the JavaScript built-ins: no require, process, module or Buffer) with the
 * globals a test provides (SpreadsheetApp, HtmlService, …).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_CODE = join(ROOT, "dist", "Code.js");

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ exists and is newer than every source the build reads. */
export function distIsFresh(): boolean {
  const files = ["Code.js", "sidebar.html", "appsscript.json"].map((f) => join(ROOT, "dist", f));
  if (!files.every(existsSync)) return false;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  const src = Math.max(...["src", "sidebar", "scripts"].map((d) => newest(join(ROOT, d))));
  return built >= src && built >= statSync(join(ROOT, "appsscript.json")).mtimeMs;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs the build (scripts/build.ts, as `npm run build`) unless dist/ is up to date, under the
 * same lock directory test/server/dist.ts uses, since test files run in parallel.
 */
export function buildDist(force = false): void {
  if (!force && distIsFresh()) return;
  const lock = join(ROOT, "node_modules", ".voronka-build-lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("timed out waiting for another build");
      sleep(200);
    }
  }
  try {
    if (force || !distIsFresh()) {
      execFileSync(
        process.execPath,
        [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/build.ts"],
        {
          cwd: ROOT,
          stdio: "pipe",
        },
      );
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface GasVm {
  context: vm.Context;
  /** The bundle's source as loaded. */
  code: string;
  /** Evaluates code inside the context (e.g. `new Date(2026, 2, 1)` makes a context-realm Date). */
  run<T = unknown>(code: string): T;
  /** Calls a top-level function by name. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Sets or replaces a global (e.g. a different fake SpreadsheetApp). */
  setGlobal(name: string, value: unknown): void;
}

/** Loads `code` (default: dist/Code.js) into a fresh bare context with `globals`. */
export function loadGas(globals: Record<string, unknown> = {}, code?: string): GasVm {
  const source = code ?? readFileSync(DIST_CODE, "utf8");
  const context = vm.createContext({ ...globals });
  vm.runInContext(source, context, { filename: "Code.js" });
  return {
    context,
    code: source,
    run: <T>(c: string) => vm.runInContext(c, context) as T,
    call: <T>(name: string, ...args: unknown[]) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`no top-level function ${name}`);
      return (fn as (...a: unknown[]) => T)(...args);
    },
    setGlobal: (name, value) => {
      (context as Record<string, unknown>)[name] = value;
    },
  };
}

/** A minimal SpreadsheetApp whose active spreadsheet has a time zone and a locale. */
export function fakeSpreadsheetApp(timeZone: string, locale = "en_US"): unknown {
  const ss = {
    getSpreadsheetTimeZone: () => timeZone,
    getSpreadsheetLocale: () => locale,
  };
  return { getActive: () => ss, getActiveSpreadsheet: () => ss };
}

/** A plain host-realm copy of a JSON-like value returned from the context. */
export function toHost<T = unknown>(v: unknown): T {
  return v === undefined ? (v as T) : (JSON.parse(JSON.stringify(v)) as T);
}
