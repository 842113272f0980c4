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

/**
 * Enabled controls whose border is below 3:1 against what is behind them (WCAG 1.4.11; axe does
 * not check borders): selects, text boxes, the stage arrows and the period toggle.
 */
export async function weakBorders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const behind = (e: Element): number[] => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const e of document.querySelectorAll(
      "select, input[type=text], input[type=number], input[type=search], button.icon, .segs",
    )) {
      if ((e as HTMLInputElement).disabled) continue;
      const border = rgb(getComputedStyle(e).borderTopColor).slice(0, 3);
      const a = lum(border);
      const b = lum(behind(e));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 3)
        out.push(
          `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}: ${ratio.toFixed(2)}:1`,
        );
    }
    return out;
  });
}

/** Tabs forward until `pred` holds for the focused element (at most `max` presses). */
export async function tabTo(
  page: Page,
  pred: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 200,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (pred(await focused(page))) return;
  }
  throw new Error("never reached by Tab");
}
