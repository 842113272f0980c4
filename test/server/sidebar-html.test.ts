/** dist/sidebar.html is one self-contained file. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineSafe } from "../../scripts/build-sidebar";
import { ROOT, readDist } from "./dist";

function sidebarSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sidebarSources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("dist/sidebar.html", () => {
  it("inlines its script and styles and loads nothing from elsewhere", () => {
    const html = readDist("sidebar.html");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html.match(/<style\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc=|<link\b|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<body data-view="sidebar">');
    expect(html).not.toContain("voronka:");
    // No eval-like constructs in the sidebar's code.
    expect(html).not.toMatch(/\beval\(|new Function\(|insertAdjacentHTML|document\.write/);
    // The only innerHTML is Preact's own (its dangerouslySetInnerHTML prop), which the sidebar's
    // sources never use.
    const count = (text: string) => text.match(/innerHTML/g)?.length ?? 0;
    const preact = readFileSync(join(ROOT, "node_modules/preact/dist/preact.module.js"), "utf8");
    expect(count(html)).toBe(count(preact));
    for (const file of sidebarSources(join(ROOT, "sidebar"))) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(
        /innerHTML|dangerouslySetInnerHTML|outerHTML/,
      );
    }
  });

  it("inlineSafe keeps closing tags and comment openers out of inline code", () => {
    expect(inlineSafe('x="</script><!--"', "script")).toBe('x="<\\/script><\\!--"');
    expect(inlineSafe("a{content:'</STYLE>'}", "style")).toBe("a{content:'<\\/STYLE>'}");
  });
});
