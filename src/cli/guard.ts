/**
 * The report runs in a child process with a known heap limit. The child's lines reach the
 * parent over IPC and are printed from there; whatever else the child writes to stderr (V8's
 * "FATAL ERROR … heap out of memory" and its native stack) is held back, and a crash becomes
 * one sentence. VORONKA_DEBUG=1 shows what was held back.
 */
import { spawn } from "node:child_process";
import type { Lang } from "../core/i18n";
import { InternalError } from "../core/indexed";
import { message } from "./messages";
import { terminalText } from "./terminal";

/** The heap the report may use, in MB (stated in --help and the README). */
export const HEAP_LIMIT_MB = 2048;

const CHILD_ENV = "VORONKA_CHILD";

/** True in the guarded child: lines go to the parent over IPC. */
export function inGuardedChild(): boolean {
  return process.env[CHILD_ENV] === "1" && typeof process.send === "function";
}

/** Lines for the parent to print on stderr (the child's io.err). */
export function sendErr(line: string): void {
  process.send?.({ err: line });
}

/** Only a report is worth a second process; --help and --version answer at once. */
export function shouldGuard(argv: string[]): boolean {
  return process.env[CHILD_ENV] !== "1" && argv[0] === "report" && !argv.includes("--help");
}

/** Runs this same command in a child with HEAP_LIMIT_MB of heap; resolves to the exit code. */
export function runGuarded(argv: string[], lang: Lang): Promise<number> {
  // VORONKA_HEAP_MB lowers (or raises) the limit: tests use it to run out of memory on purpose.
  const heap = Number(process.env.VORONKA_HEAP_MB) || HEAP_LIMIT_MB;
  const script = process.argv[1];
  if (script === undefined) throw new InternalError("the guarded run needs the script's path");
  const args = [
    ...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")),
    `--max-old-space-size=${heap}`,
    // One full GC once a stage log is read frees its raw rows before the model grows
    // (BuildOptions.collect): V8 alone would wait for the next heap limit.
    "--expose-gc",
    script,
    ...argv,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      stdio: ["inherit", "inherit", "pipe", "ipc"],
      env: { ...process.env, [CHILD_ENV]: "1" },
    });
    let said = false;
    let held = "";
    child.on("message", (m: { err?: unknown }) => {
      if (typeof m?.err !== "string") return;
      if (m.err.startsWith("voronka:")) said = true;
      process.stderr.write(`${terminalText(m.err)}\n`);
    });
    child.stderr?.on("data", (d: Buffer) => {
      held = (held + d.toString("utf8")).slice(-64 * 1024);
    });
    child.on("error", (e) => {
      process.stderr.write(`voronka: ${message(lang, "crashed", { reason: e.message })}\n`);
      done(1);
    });
    child.on("close", (code, signal) => {
      if (process.env.VORONKA_DEBUG && held) process.stderr.write(held);
      if (code === 0) return done(0);
      // Ctrl-C reaches both processes: stop as the user asked, without a message.
      if (signal === "SIGINT" || signal === "SIGTERM") return done(130);
      const oom = /heap out of memory|Allocation failed|invalid table size|Out of memory/i.test(
        held,
      );
      if (oom) {
        process.stderr.write(`voronka: ${message(lang, "outOfMemory", { max: heap })}\n`);
        return done(1);
      }
      if (!said) {
        const reason = signal ?? `exit code ${code}`;
        process.stderr.write(`voronka: ${message(lang, "crashed", { reason })}\n`);
      }
      done(code && code > 0 ? code : 1);
    });
  });
}
