/** dist/sidebar.html is one self-contained file. */
import { describe, expect, it } from "vitest";
import { inlineSafe } from "../../scripts/build-sidebar";
import { readDist } from "./dist";

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
    expect(html).not.toMatch(
      /\beval\(|new Function\(|\.innerHTML\s*=|insertAdjacentHTML|document\.write/,
    );
  });

  it("inlineSafe keeps closing tags and comment openers out of inline code", () => {
    expect(inlineSafe('x="</script><!--"', "script")).toBe('x="<\\/script><\\!--"');
    expect(inlineSafe("a{content:'</STYLE>'}", "style")).toBe("a{content:'<\\/STYLE>'}");
  });
});
