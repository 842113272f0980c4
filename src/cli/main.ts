/**
 * `voronka` entry point: `voronka report <files…>`, `--help`, `--version`.
 * Every failure is one line on stderr and a non-zero exit (VORONKA_DEBUG=1 shows the stack).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { InputError } from "../adapters/xlsx/errors";
import { langArgument, parseCli, USAGE, UsageError } from "./args";
import { inGuardedChild, runGuarded, sendErr, shouldGuard } from "./guard";
import { message } from "./messages";
import { type Io, runReport } from "./report";
import { systemLang, terminalText } from "./terminal";

export function version(): string {
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
    io.err(`voronka: ${message(lang, "failed", { reason: msg.split("\n")[0] })}`);
    if (process.env.VORONKA_DEBUG && e instanceof Error) io.err(e.stack ?? "");
    return 1;
  }
}

/** The process entry (bin/voronka.mjs, `tsx src/cli/main.ts`): runs and sets the exit code. */
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

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) void runCli();
