/**
 * dist/sidebar.html: the sidebar as ONE self-contained file (Apps Script serves it with
 * HtmlService.createHtmlOutputFromFile("sidebar")). sidebar/main.ts is bundled with esbuild and
 * inlined with sidebar/styles.css and layout.css into sidebar/index.html; nothing is loaded from
 * elsewhere. Preact (the view library) is bundled in with the script.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, transform } from "esbuild";

/** Makes text safe inside an inline <script>/<style>: no closing tag, no comment opener. */
export function inlineSafe(code: string, tag: "script" | "style"): string {
  const close = new RegExp(`</(${tag})`, "gi");
  return code.replace(close, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export async function bundleSidebar(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "sidebar/main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify: true,
    legalComments: "none",
    write: false,
    charset: "utf8",
  });
  const js = inlineSafe(result.outputFiles[0]!.text, "script");
  // The base look, then the sidebar's parts (one <style>), minified: the page has a size budget.
  const source = ["styles.css", "layout.css"]
    .map((f) => readFileSync(join(root, "sidebar", f), "utf8"))
    .join("\n");
  const minified = await transform(source, { loader: "css", minify: true, charset: "utf8" });
  const css = inlineSafe(minified.code, "style");
  const html = readFileSync(join(root, "sidebar/index.html"), "utf8");
  const out = html
    .replace("<!-- voronka:styles -->", () => `<style>\n${css}</style>`)
    .replace("<!-- voronka:script -->", () => `<script>\n${js}</script>`);
  if (out.includes("voronka:")) throw new Error("sidebar/index.html: a placeholder was not filled");
  return out;
}

export async function buildSidebar(root: string, dist: string): Promise<void> {
  writeFileSync(join(dist, "sidebar.html"), await bundleSidebar(root));
}
