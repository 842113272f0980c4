/**
 * Apps Script for tests of the built bundle: gas-local loads the project's script files (dist/,
 * as clasp pushes it) into one bare node:vm context (only the JavaScript built-ins: no require,
 * process, module or Buffer) with the globals a test provides (SpreadsheetApp, HtmlService, …),
 * a fresh globals object per load. On top of it, `run` evaluates code inside that context, so a
 * test can hand the functions Dates made in the script's own realm, as Sheets does.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import gasLocal from "gas-local";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const DIST_CODE = join(DIST, "Code.js");

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

/**
 * Loads the project's script files into a fresh bare context whose globals are a copy of
 * `globals`: dist/ as it is, or, given `code` (e.g. dist/Code.js read once while another test
 * file may be rebuilding dist/), a private folder holding just that code as Code.js.
 */
export function loadGas(globals: Record<string, unknown> = {}, code?: string): GasVm {
  const folder = code === undefined ? DIST : mkdtempSync(join(tmpdir(), "voronka-gas-"));
  let context: vm.Context;
  try {
    if (code !== undefined) writeFileSync(join(folder, "Code.js"), code);
    // gas-local contextifies the object it is given: a new one per load keeps loads apart.
    context = gasLocal.require(folder, { ...globals }, { filter: (f) => extname(f) === ".js" });
  } finally {
    // The code is in the context now: the private folder has done its job.
    if (code !== undefined) rmSync(folder, { recursive: true, force: true });
  }
  const source = code ?? readFileSync(DIST_CODE, "utf8");
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
