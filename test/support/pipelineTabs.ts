/** Tabs of two pipelines, for the pipeline tests of the model and of both engines. */
import type { RawTab } from "../../src/model/types";

const day = (n: number) => `2026-03-${String(n).padStart(2, "0")}`;

/** A deals tab with two pipelines and a stage log of every deal (Partners: every third one). */
export function withStageLog(): { tabs: RawTab[]; salesIds: Set<string> } {
  const deals: unknown[][] = [["Deal ID", "Created", "Stage", "Pipeline", "Amount"]];
  const log: unknown[][] = [["Deal ID", "Stage", "Date"]];
  const salesIds = new Set<string>();
  const sales = ["Lead", "Demo", "Proposal", "Won"];
  // Partners shares Demo and Won with Sales: its deals would count there.
  const partners = ["Intro", "Pilot", "Demo", "Won"];
  for (let i = 0; i < 36; i++) {
    const partner = i % 3 === 0;
    const path = partner ? partners : sales;
    const reached = (partner ? i / 3 : i) % path.length;
    const id = `D${i}`;
    if (!partner) salesIds.add(id);
    deals.push([id, day(1 + (i % 9)), path[reached], partner ? "Partners" : "Sales", 100 + i]);
    for (let k = 0; k <= reached; k++) log.push([id, path[k], day(1 + (i % 9) + 2 * k)]);
  }
  return {
    tabs: [
      { name: "Deals", values: deals },
      { name: "Stage log", values: log },
    ],
    salesIds,
  };
}

/** The same tabs with only the Sales pipeline's deals, in the deals tab and the log. */
export function onlySales(tabs: RawTab[], ids: Set<string>): RawTab[] {
  return tabs.map((t) => ({
    ...t,
    values: t.values.filter((r, i) => i === 0 || ids.has(String(r[0]))),
  }));
}
