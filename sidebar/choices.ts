/** Pure rules for carrying the user's choices over a fresh state from the server. */

/** The saved choice among the names that still exist; nothing saved = all. */
export function pick(all: string[], saved: string[] | undefined): Set<string> {
  if (!saved || saved.length === 0) return new Set(all);
  const keep = all.filter((x) => saved.includes(x));
  return new Set(keep.length > 0 ? keep : all);
}

/** After a correction: keep the choice, and include names that just appeared. */
export function carry(before: string[], chosen: Set<string>, now: string[]): Set<string> {
  const old = new Set(before);
  return new Set(now.filter((x) => chosen.has(x) || !old.has(x)));
}

/** The server's stages in the user's order: known ones where the user put them, new ones after. */
export function keepOrder(userOrder: string[], fresh: string[]): string[] {
  const now = new Set(fresh);
  const kept = userOrder.filter((s) => now.has(s));
  const seen = new Set(kept);
  return [...kept, ...fresh.filter((s) => !seen.has(s))];
}
