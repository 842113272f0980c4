/**
 * `voronka` entry point: `voronka report <files…>`, `voronka sql`, `voronka template`, `--help`, `--version`.
 * Every failure is one line on stderr and a non-zero exit (VORONKA_DEBUG=1 shows the stack).
 * The commands are imported when they run: ExcelJS alone takes ~0.3 s to load, and `--help`
 * should not wait for it.
 */
import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { InputError } from "../adapters/xlsx/errors";
import { langArgument, parseCli, USAGE, UsageError } from "./args";
import { inGuardedChild, runGuarded, sendErr, shouldGuard } from "./guard";
import { message } from "./messages";
// Type only: erased at build, so ./report (and ExcelJS) load only when `report` runs.
import type { Io } from "./report";
import { firstLine, systemLang, terminalText } from "./terminal";

/** Set by scripts/build-cli.ts in the built command; absent when run from source (tsx). */
declare const __VORONKA_VERSION__: string | undefined;

export function version(): string {
  if (typeof __VORONKA_VERSION__ === "string") return __VORONKA_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

const defaultIo = (): Io => ({
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => (inGuardedChild() ? sendErr(l) : process.stderr.write(`${l}\n`)),
  cwd: process.cwd(),
});

/** Runs the command; resolves to the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: string[], given: Io = defaultIo()): Promise<number> {
  // Every line goes through one sanitizer: user text never carries control characters out.
  const io: Io = {
    ...given,
    out: (l) => given.out(terminalText(l)),
    err: (l) => given.err(terminalText(l)),
  };
  const lang = langArgument(argv) ?? systemLang();
  try {
    const cmd = parseCli(argv);
    if (cmd.kind === "help") {
      io.out(USAGE);
      return 0;
    }
    if (cmd.kind === "version") {
      io.out(version());
      return 0;
    }
    if (cmd.kind === "template") {
      const { runTemplate } = await import("./template");
      await runTemplate(cmd, io);
      return 0;
    }
    if (cmd.kind === "sql") {
      const { runSql } = await import("./sql");
      await runSql(cmd, io);
      return 0;
    }
    const { runReport } = await import("./report");
    await runReport(cmd, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`voronka: ${e.text(lang)}`);
      io.err(message(lang, "tryHelp"));
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`voronka: ${e.text(lang)}`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`voronka: ${message(lang, "failed", { reason: firstLine(msg) })}`);
    if (process.env.VORONKA_DEBUG && e instanceof Error) io.err(e.stack ?? "");
    return 1;
  }
}

/** The process entry (the built command in dist-cli/, `tsx src/cli/main.ts`): runs and sets the exit code. */
export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `voronka report … | head` closes the pipe early: stop quietly instead of an EPIPE stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // The report runs in a child with a known heap limit, so running out of memory is one line.
  if (shouldGuard(argv)) {
    process.exitCode = await runGuarded(argv, langArgument(argv) ?? systemLang());
    return;
  }
  process.exitCode = await main(argv);
}

/**
 * True when this module is the process's entry. npm installs the command as a symlink
 * (`<prefix>/bin/voronka` → the package's dist-cli/voronka.mjs), so compare real paths.
 */
function isEntry(argv1: string | undefined): boolean {
  if (!argv1) return false;
  try {
    return pathToFileURL(realpathSync(argv1)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntry(process.argv[1])) void runCli();
