/**
 * Serves the built sidebar on 127.0.0.1 and bridges `google.script.run` in the page to the
 * built server bundle (dist/Code.js) running in a node:vm context over the fake spreadsheet.
 *
 * Like Apps Script, arguments and results cross as JSON; a result holding a Date, a function or
 * anything JSON cannot carry is recorded as a violation (Apps Script would drop it).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { GasContext } from "../server/dist";
import { wireProblems } from "../server/wire";

export interface RpcCall {
  name: string;
  args: unknown[];
  ok: boolean;
  message?: string;
}

export interface Bridge {
  calls: RpcCall[];
  violations: string[];
  /** Extra delay per call (ms), to make races visible. */
  delayMs: number;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export async function serve(html: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === "/" || req.url?.startsWith("/?")) {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(html());
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** Installs `google.script.run` in every page load of `page`, wired to `ctx`. */
export async function bridge(page: Page, ctx: () => GasContext): Promise<Bridge> {
  const state: Bridge = { calls: [], violations: [], delayMs: 20 };
  await page.exposeFunction("__voronkaRpc", async (name: string, argsJson: string) => {
    await new Promise((ok) => setTimeout(ok, state.delayMs));
    const args = JSON.parse(argsJson) as unknown[];
    try {
      const fn = ctx()[name];
      if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
      const value = (fn as (...a: unknown[]) => unknown)(...args);
      const problems = wireProblems(value, `${name}()`);
      state.violations.push(...problems);
      state.calls.push({ name, args, ok: true });
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      const message =
        e instanceof Error || (e && typeof e === "object" && "message" in e)
          ? String((e as { message: unknown }).message)
          : String(e);
      state.calls.push({ name, args, ok: false, message });
      return JSON.stringify({ ok: false, message });
    }
  });
  await page.addInitScript(() => {
    type Handler = ((v: unknown) => void) | null;
    const w = window as unknown as {
      __voronkaRpc: (name: string, args: string) => Promise<string>;
      google: unknown;
    };
    const make = (ok: Handler, fail: Handler): unknown => {
      const base: Record<string, unknown> = {
        withSuccessHandler: (fn: Handler) => make(fn, fail),
        withFailureHandler: (fn: Handler) => make(ok, fn),
        withUserObject: () => make(ok, fail),
      };
      return new Proxy(base, {
        get(target, key) {
          if (typeof key !== "string") return undefined;
          if (key in target) return target[key];
          return (...args: unknown[]) => {
            w.__voronkaRpc(key, JSON.stringify(args)).then((raw) => {
              const r = JSON.parse(raw) as { ok: boolean; value?: unknown; message?: string };
              if (r.ok) ok?.(r.value);
              else fail?.(Object.assign(new Error(r.message), { name: "ScriptError" }));
            });
          };
        },
      });
    };
    w.google = { script: { run: make(null, null), host: { close() {} } } };
  });
  return state;
}
