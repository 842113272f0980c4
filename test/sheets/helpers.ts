/** Raw tabs for the Sheets tests. */

export const MINI_STAGES = ["Lead", "Meeting", "Proposal", "Paid"];
const REPS = ["Anna", "Boris", "Vera"];
const SOURCES = ["Google", "Yandex"];

/**
 * A deals tab with `rows` data rows over Jan–Apr 2026. The shape (periods, reps, sources,
 * conversions) is the same for any multiple of 120 rows: reached stage and rep follow `i`.
 */
export function dealsTab(rows: number, opts: { badDates?: number } = {}): unknown[][] {
  const out: unknown[][] = [["Deal ID", "Rep", "Source", "Created", "Stage", "Amount"]];
  const pattern = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3];
  for (let i = 0; i < rows; i++) {
    const month = Math.floor((i * 4) / rows);
    const dayOfMonth = 1 + (i % 28);
    const created =
      opts.badDates && i < opts.badDates
        ? "31.02.2026x"
        : new Date(Date.UTC(2026, month, dayOfMonth));
    const stage = MINI_STAGES[pattern[i % 10]];
    out.push([
      `D${i + 1}`,
      REPS[Math.floor(i / 10) % 3],
      SOURCES[Math.floor(i / 30) % 2],
      created,
      stage,
      stage === "Paid" ? 1000 + (i % 7) * 100 : "",
    ]);
  }
  return out;
}

export function callsTab(rows: number): unknown[][] {
  const out: unknown[][] = [["Date", "Rep", "Duration"]];
  for (let i = 0; i < rows; i++) {
    const month = Math.floor((i * 4) / rows);
    out.push([new Date(Date.UTC(2026, month, 1 + (i % 28), 10)), REPS[i % 3], (i % 5) * 30]);
  }
  return out;
}
