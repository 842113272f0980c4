/**
 * The deals a checklist names (`voronka_agg_graded_deals`): the in-memory engine's rows, and the
 * lookup the Quality sheet finds a grade's deal by, whichever engine made the rows.
 */
import { nameKey } from "../core/values";
import { dealLookup } from "../model/dealLookup";
import type { Model } from "../model/types";
import type { GradedDealRow } from "./types";

/**
 * One row per distinct graded id that names a deal (dealLookup: exactly, else by name key);
 * undefined when the model has no grades, as SQL has no view without a checklist.
 */
export function gradedDealRows(model: Model): GradedDealRow[] | undefined {
  if (model.grades.length === 0) return undefined;
  const dealById = dealLookup(model.deals);
  const seen = new Set<string>();
  const rows: GradedDealRow[] = [];
  for (const g of model.grades) {
    if (g.id === "" || seen.has(g.id)) continue;
    seen.add(g.id);
    const d = dealById(g.id);
    if (d) rows.push({ gradedId: g.id, dealRep: d.rep, dealStatus: d.status });
  }
  return rows;
}

/**
 * A graded id's row: exactly, else by name key (a tab read back may spell an id otherwise than
 * the checklist: a number, another case). Statuses are compared in lower case.
 */
export function gradedDealLookup(
  rows: readonly GradedDealRow[],
): (id: string) => GradedDealRow | undefined {
  const exact = new Map<string, GradedDealRow>();
  const keyed = new Map<string, GradedDealRow>();
  for (const r of rows) {
    const row = { ...r, dealStatus: statusOf(r.dealStatus) };
    if (!exact.has(r.gradedId)) exact.set(r.gradedId, row);
    const k = nameKey(r.gradedId);
    if (k && !keyed.has(k)) keyed.set(k, row);
  }
  return (id) => exact.get(id) ?? keyed.get(nameKey(id));
}

function statusOf(s: string): GradedDealRow["dealStatus"] {
  const k = String(s).trim().toLowerCase();
  return k === "won" || k === "lost" ? k : "open";
}
