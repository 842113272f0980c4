/**
 * Accessibility probes for the browser tests: axe-core (injected from node_modules, no network)
 * for WCAG 2.1 A/AA, the page's live regions, what has focus, and words broken across lines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface AxeResult {
  violations: {
    id: string;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/** axe-core's WCAG 2.1 A and AA violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // The script element is removed again: the page keeps exactly its own one.
    const tag = await page.addScriptTag({ content: AXE_SOURCE });
    await tag.evaluate((e) => (e as Element).remove());
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResult> } })
      .axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} (${(n.failureSummary ?? "").replace(/\s+/g, " ")})`)
          .join("; ")}`,
    );
  });
}

/** Every element a screen reader treats as live (by role or aria-live), as "role#testid". */
export async function liveRegions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        "[aria-live], [role=status], [role=alert], [role=log], [role=marquee], [role=timer]",
      ),
    ].map(
      (e) =>
        `${e.getAttribute("role") ?? `aria-live=${e.getAttribute("aria-live")}`}#${(e as HTMLElement).dataset.testid ?? ""}`,
    ),
  );
}

/** What has focus: its test id (or tag), its data-focus and its accessible label, if any. */
export async function focused(
  page: Page,
): Promise<{ tag: string; testid: string; focus: string; field: string; label: string }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    const by = e?.getAttribute("aria-labelledby");
    return {
      tag: e?.tagName.toLowerCase() ?? "",
      testid: e?.dataset.testid ?? "",
      focus: e?.dataset.focus ?? "",
      field: e?.dataset.field ?? "",
      label:
        e?.getAttribute("aria-label") ??
        (by
          ? (document.getElementById(by)?.textContent ?? "")
          : (e?.closest("label")?.textContent ?? "")),
    };
  });
}

/**
 * Words drawn on two lines (a word's box splits in two), in the page's visible text. Words
 * longer than `longest` characters (a 70-letter test name) may break; nothing else should.
 */
export async function brokenWords(page: Page, longest = 30): Promise<string[]> {
  return page.evaluate((max) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      const parent = n.parentElement;
      if (!parent || parent.closest("option, script, style, .alert-empty")) continue;
      // A break after a hyphen or a slash is a break between words.
      for (const m of text.matchAll(/[^\s\-/‐–—]+/g)) {
        if (m[0].length > max) continue;
        const range = document.createRange();
        range.setStart(n, m.index ?? 0);
        range.setEnd(n, (m.index ?? 0) + m[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  }, longest);
}
