/**
 * The built add-on for tests: runs `npm run build` once when dist/ is missing or older than the
 * sources (under a lock, since test files run in parallel), reads dist/ files once per process
 * (waiting out another test file's rebuild), and loads dist/Code.js with test/support/gas-vm.ts
 * into a bare node:vm context with the given Apps Script globals.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type vm from "node:vm";
import { loadGas } from "../support/gas-vm";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const files = ["Code.js", "sidebar.html", "appsscript.json"].map((f) => join(DIST, f));
  if (!files.every(existsSync)) return false;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  const src = Math.max(...["src", "sidebar", "scripts"].map((d) => newest(join(ROOT, d))));
  return built >= src;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ unless it is up to date. */
export function ensureBuilt(): void {
  if (fresh()) return;
  const lock = join(ROOT, "node_modules/.voronka-build-lock");
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
    if (!fresh()) {
      execFileSync(
        process.execPath,
        [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts"],
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

export type GasContext = vm.Context & Record<string, unknown>;

const cache = new Map<string, string>();

/**
 * A dist/ file's text, read once per process. Another test file may be rebuilding dist/ right
 * now (the build empties it first): wait for the file rather than fail.
 */
export function readDist(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  ensureBuilt();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const text = readFileSync(join(DIST, name), "utf8");
      if (text.length > 0) {
        cache.set(name, text);
        return text;
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || Date.now() > deadline) throw e;
    }
    sleep(200);
  }
}

/** dist/Code.js in a fresh bare vm context whose globals are `globals` (and console, as in Apps Script). */
export function loadCode(globals: Record<string, unknown>): GasContext {
  return loadGas({ console, ...globals }, readDist("Code.js")).context as GasContext;
}

/** Calls a top-level function of the loaded bundle. */
export function callTop(ctx: GasContext, name: string, ...args: unknown[]): unknown {
  const fn = ctx[name];
  if (typeof fn !== "function") throw new Error(`no top-level function ${name}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}
