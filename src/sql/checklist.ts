/**
 * The checklists SQL reads (the Quality sheet's grades): only each one's deal id column, for
 * `voronka_agg_graded_deals`. Pure: no Node, no Apps Script.
 */

export interface ChecklistSource {
  table: string;
  columns: { id: string };
}

/**
 * The checklist tabs' deal id headers, in the samples' order (undefined: no id column, so the
 * model reads no grade from it), named as the deals tables are: `checklist`, then
 * `moreChecklists` in order (default checklist, checklist_2…).
 */
export function checklistsOf(
  idHeaders: readonly (string | undefined)[],
  tables: { checklist?: string; moreChecklists?: string[] },
): ChecklistSource[] {
  const base = tables.checklist ?? "checklist";
  const out: ChecklistSource[] = [];
  idHeaders.forEach((id, i) => {
    const table = i === 0 ? base : (tables.moreChecklists?.[i - 1] ?? `${base}_${i + 1}`);
    if (id !== undefined) out.push({ table, columns: { id } });
  });
  return out;
}
