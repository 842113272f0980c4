/** Deals found by id as people write it: exactly, else by name key (case, spaces). */
import { nameKey } from "../core/values";
import type { Deal } from "./types";

/** Lazy id lookup: no per-deal string work unless someone asks. */
export function dealLookup(deals: readonly Deal[]): (id: string) => Deal | undefined {
  let exact: Map<string, Deal> | null = null;
  let keyed: Map<string, Deal> | null = null;
  return (id: string) => {
    if (!exact) {
      exact = new Map();
      for (const d of deals) if (d.id && !exact.has(d.id)) exact.set(d.id, d);
    }
    const hit = exact.get(id);
    if (hit) return hit;
    if (!keyed) {
      keyed = new Map();
      for (const d of deals) {
        const k = nameKey(d.id);
        if (k && !keyed.has(k)) keyed.set(k, d);
      }
    }
    return keyed.get(nameKey(id));
  };
}
