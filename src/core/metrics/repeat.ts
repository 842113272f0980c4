/** Repeat sales: won deals of a client who had won before. One rule for the KPI and Roles sheets. */
import { nameKey } from "../values";

interface WonDeal {
  status: "won" | "lost" | "open";
  client: string;
}

/**
 * Won deals whose client had an earlier won deal, ordering wins by `at` (unknown — null or NaN —
 * last) and then by their place in `deals`.
 */
export function repeatWins<D extends WonDeal>(
  deals: readonly D[],
  at: (d: D) => number | null,
): Set<D> {
  const won: { d: D; at: number; i: number }[] = [];
  deals.forEach((d, i) => {
    if (d.status !== "won" || d.client === "") return;
    const t = at(d);
    won.push({ d, at: t === null || Number.isNaN(t) ? Number.POSITIVE_INFINITY : t, i });
  });
  won.sort((a, b) => a.at - b.at || a.i - b.i);
  const seen = new Set<string>();
  const out = new Set<D>();
  for (const w of won) {
    const k = nameKey(w.d.client);
    if (seen.has(k)) out.add(w.d);
    else seen.add(k);
  }
  return out;
}
