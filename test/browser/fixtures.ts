/** Spreadsheets for the browser tests. Dates are text (as an export pastes them) or Dates. */
import { readFileSync } from "node:fs";

/** The first `n` opportunities of the real Maven CRM export, as a raw tab (all text). */
export function mavenPipeline(n: number): unknown[][] {
  const text = readFileSync("/work/shared/datasets/maven-crm/sales_pipeline.csv", "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.slice(0, n + 1).map((l) => l.split(","));
}

function iso(day: number, hour = 10): string {
  const d = new Date(Date.UTC(2026, 0, 5) + day * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${String(hour).padStart(2, "0")}:15`;
}

/**
 * A calls tab whose rep column has a header no detector knows ("Who called"): the user has to
 * map it in the sidebar.
 */
export function callsWithOddRep(): unknown[][] {
  const reps = ["Anna", "Boris", "Chen"];
  const rows: unknown[][] = [["Date", "Who called", "Duration", "Result"]];
  for (let i = 0; i < 60; i++) {
    rows.push([
      iso(i % 50, 9 + (i % 8)),
      reps[i % 3],
      30 + ((i * 37) % 400),
      i % 4 ? "ok" : "no answer",
    ]);
  }
  return rows;
}

/** A stage log of deals moving through four stages over ten weeks. */
export function stageLog(stages: string[], reps: string[], sources: string[]): unknown[][] {
  const rows: unknown[][] = [["Deal ID", "Stage", "Date", "Rep", "Source"]];
  for (let i = 0; i < 40; i++) {
    const reached = i % 7 === 0 ? stages.length - 1 : i % stages.length;
    for (let s = 0; s <= reached; s++) {
      rows.push([
        `D-${100 + i}`,
        stages[s],
        iso(i + s * 3, 11),
        reps[i % reps.length],
        sources[i % sources.length],
      ]);
    }
  }
  return rows;
}

export const NOTES: unknown[][] = [
  ["Meeting notes", ""],
  ["Call the bank on Monday", "!"],
];

/** Strings that must show literally and never run. */
export const HOSTILE = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `</script><script>window.__pwned='script'</script>`,
  quotes: `Q "double" 'single' \`back\``,
  rtl: "\u202Eevil\u202C ‏שלום",
  emoji: "📞 Звонки 🚀👩🏽‍💻",
  entity: "&amp; &lt;b&gt; $" + "{x}",
  long: `Very long name ${"x".repeat(70)}`,
  svg: `<svg onload="window.__pwned='svg'">`,
} as const;
