/** Runs the voronka command in-process, collecting what it prints. */
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/report";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
