/**
 * `npm run build` → dist/: the Apps Script project clasp pushes.
 * - Code.js: a classic script. The bundle is an IIFE that sets one global, followed by a real
 *   top-level `function` per custom function (with its JSDoc, so Sheets autocompletes it) and per
 *   entry point (onOpen, onInstall, sidebar calls), each delegating to the bundle.
 * - sidebar.html: the sidebar as one self-contained file.
 * - appsscript.json: the manifest.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { FUNCTIONS } from "../src/functions/registry";
import { ENTRY_POINTS } from "../src/server/entrypoints";
import { formulaSource } from "../src/template/formulas";
import { buildSidebar } from "./build-sidebar";
import { jsdocFor } from "./jsdoc";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
export const BUNDLE_GLOBAL = "Voronka";

/**
 * The server reads the registry only for the tracker template's Formulas sheet (parameter help
 * lives in the JSDoc below and in the sidebar's own bundle). Serving it just what that sheet
 * reads (`formulaSource`) keeps Code.js small: Sheets may load it for every formula.
 */
const slimRegistry: Plugin = {
  name: "slim-registry",
  setup(b) {
    b.onResolve({ filter: /[\\/]functions[\\/]registry$/ }, (args) => ({
      path: args.path,
      namespace: "slim-registry",
    }));
    b.onLoad({ filter: /.*/, namespace: "slim-registry" }, () => {
      const slim = FUNCTIONS.map(formulaSource);
      return { contents: `export const FUNCTIONS = ${JSON.stringify(slim)};`, loader: "js" };
    });
  },
};

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // The bundle's one global holds just the functions the wrappers below call (src/server/index.ts
  // exports more, for tests; code only those use is left out). It is a plain assignment to a
  // `var` declared after the IIFE (hoisted): esbuild's globalName would add export helpers and a
  // getter per function. The tsconfig is named since stdin has no path to find it by; its
  // `strict` makes the script "use strict", as before.
  const called = [...FUNCTIONS.map((f) => f.name), ...ENTRY_POINTS.map((ep) => ep.name)].join(", ");
  const result = await build({
    stdin: {
      contents: `import { ${called} } from "./src/server/index";\ndeclare var ${BUNDLE_GLOBAL}: unknown;\n${BUNDLE_GLOBAL} = { ${called} };\n`,
      resolveDir: root,
      sourcefile: "server-entry.ts",
      loader: "ts",
    },
    footer: { js: `var ${BUNDLE_GLOBAL};` },
    tsconfig: join(root, "tsconfig.json"),
    bundle: true,
    format: "iife",
    platform: "neutral",
    target: "es2020",
    // Every custom-function call in Sheets may load the whole project: keep it small.
    minify: true,
    plugins: [slimRegistry],
    legalComments: "none",
    write: false,
    charset: "utf8",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild returned no bundle");
  const bundle = output.text;

  const wrappers: string[] = [];
  for (const fn of FUNCTIONS) {
    const params = fn.params.map((p) => p.name).join(", ");
    // Named parameters for Sheets' autocomplete; the call passes them on without repeating them.
    wrappers.push(
      `${jsdocFor(fn)}\nfunction ${fn.name}(${params}) {\n  return ${BUNDLE_GLOBAL}.${fn.name}(...arguments);\n}\n`,
    );
  }
  for (const ep of ENTRY_POINTS) {
    const params = ep.params.join(", ");
    wrappers.push(
      `/** ${ep.description} */\nfunction ${ep.name}(${params}) {\n  return ${BUNDLE_GLOBAL}.${ep.name}(${params});\n}\n`,
    );
  }

  const code = `// Voronka — built by scripts/build.ts; do not edit.\n${bundle}\n${wrappers.join("\n")}`;
  writeFileSync(join(dist, "Code.js"), code);
  copyFileSync(join(root, "appsscript.json"), join(dist, "appsscript.json"));
  await buildSidebar(root, dist);
  console.log(
    `dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB, ${FUNCTIONS.length} functions, ${ENTRY_POINTS.length} entry points`,
  );
}

await main();
