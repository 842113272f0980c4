/**
 * The built add-on for tests: runs `npm run build` once when dist/ is missing or older than the
 * sources (under a lock, since test files run in parallel), reads dist/ files once per process
 * (waiting out another test file's rebuild), and loads dist/Code.js with test/support/gas-vm.ts
 * into a bare node:vm context with the given Apps Script globals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type vm from "node:vm";
import { buildDist, loadGas, ROOT } from "../support/gas-vm";

export { ROOT };
export const DIST = join(ROOT, "dist");

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ unless it is up to date (test/support/gas-vm.ts: under a lock, once). */
export function ensureBuilt(): void {
  buildDist();
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
