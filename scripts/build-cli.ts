/**
 * `npm run build` (and `npm ci` / `npm pack`, through `prepare`) → dist-cli/voronka.mjs: the `voronka`
 * command as one plain-JavaScript ES module for Node, which package.json's `bin` points at.
 *
 * package.json's `dependencies` (ExcelJS) stay outside the bundle, installed by npm as they are
 * (a native package such as DuckDB's could not be bundled anyway), and are loaded only when a
 * command needs them: ExcelJS alone takes ~0.3 s to load, `voronka --help` should not. Everything
 * else the command imports (e.g. htmlparser2, a devDependency) is bundled, inside esbuild's lazy
 * module wrappers when only a command reaches it.
 */
import { readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT = join(root, "dist-cli", "voronka.mjs");

/**
 * esbuild hoists every `import … from "<external>"` to the top of an ES module, which would load
 * ExcelJS at start even though the modules that import it are themselves imported lazily. This
 * plugin turns each such import into a `require` inside a CommonJS wrapper, which esbuild
 * evaluates only when the importing module first runs. (A dependency the code loads with
 * `await import("pkg")`, e.g. an ES-module-only or native one, is left as that dynamic import.)
 */
function lazyExternals(names: string[]): Plugin {
  const filter = new RegExp(
    `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`,
  );
  return {
    name: "lazy-externals",
    setup(b) {
      b.onResolve({ filter }, (args) =>
        args.namespace === "lazy-external" || args.kind === "dynamic-import"
          ? { path: args.path, external: true }
          : { path: args.path, namespace: "lazy-external" },
      );
      b.onLoad({ filter: /.*/, namespace: "lazy-external" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
}

export async function buildCli(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  rmSync(dirname(CLI_OUT), { recursive: true, force: true });
  await build({
    entryPoints: [join(root, "src/cli/main.ts")],
    outfile: CLI_OUT,
    bundle: true,
    format: "esm",
    platform: "node",
    target: `node${String(pkg.engines.node).replace(/^>=\s*/, "")}`,
    plugins: [lazyExternals(Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }))],
    define: { __VORONKA_VERSION__: JSON.stringify(pkg.version) },
    // The `require` the wrappers above call, resolved from the command's own folder. main.ts
    // runs itself when it is the process's entry (import.meta.url = argv[1]).
    banner: {
      js: [
        "#!/usr/bin/env node",
        'import { createRequire as __voronkaCreateRequire } from "node:module";',
        "const require = __voronkaCreateRequire(import.meta.url);",
      ].join("\n"),
    },
    tsconfig: join(root, "tsconfig.json"),
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
  console.log(`dist-cli/voronka.mjs ${(statSync(CLI_OUT).size / 1024).toFixed(1)} KiB`);
}
