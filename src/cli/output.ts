/**
 * Where the report may be written. An input is never overwritten, whether the output names it
 * directly, through a symbolic link (the file or a folder on the way) or as a hard link, and
 * --force does not change that. A folder that cannot be made is said in one sentence.
 */
import { lstatSync, realpathSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, isAbsolute, parse, relative, resolve } from "node:path";
import { InputError } from "../adapters/xlsx/errors";
import { succeeds } from "../core/succeeds";

/** True when `path` is inside `<cwd>/out/` (those reports may be rewritten without --force). */
export function insideOutDir(path: string, cwd: string): boolean {
  const rel = relative(resolve(cwd, "out"), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** The file behind a path (links followed), or null when there is none. */
function identity(path: string): { real: string; dev: number; ino: number } | null {
  try {
    const s = statSync(path);
    return { real: realpathSync(path), dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/** True when writing `out` would replace the contents of one of `inputs`. */
export function outputIsInput(out: string, inputs: string[]): boolean {
  const o = identity(out);
  for (const input of inputs) {
    if (resolve(input) === resolve(out)) return true;
    const i = identity(input);
    if (!o || !i) continue;
    if (o.real === i.real || (o.dev === i.dev && o.ino === i.ino)) return true;
  }
  return false;
}

/** True when something (a file, or a link even to nothing) stands at `path`. */
export function pathTaken(path: string): boolean {
  return succeeds(() => lstatSync(path));
}

/** Makes the output's folder; a file on the way is refused with one sentence. */
export async function makeOutputFolder(outPath: string, shown: string, cwd: string): Promise<void> {
  try {
    await mkdir(dirname(outPath), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOTDIR") {
      throw new InputError("cannotWrite", { out: shown, reason: code ?? String(e) });
    }
    // The nearest existing ancestor is a file: name it.
    let dir = dirname(outPath);
    const root = parse(dir).root;
    while (dir !== root && !pathTaken(dir)) dir = dirname(dir);
    const rel = relative(cwd, dir);
    throw new InputError("outUnderFile", { out: shown, dir: rel.startsWith("..") ? dir : rel });
  }
}
