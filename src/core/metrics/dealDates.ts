/**
 * The dates a deal is counted by (one rule for the aggregates, the report and the roles): its own
 * date, the date of its sale, and the sale date only when the export really says it.
 * Values are wall-clock ms (core/calendar.ts); null: not known.
 */

export interface DatedDeal {
  created: number | null;
  closed: number | null;
  /** Per funnel stage, when the deal entered it. */
  stageDates: readonly (number | null)[];
}

/** A deal's own date: created, else its first stage date, else closed. */
export function dealDate(d: DatedDeal): number | null {
  if (d.created !== null) return d.created;
  for (const x of d.stageDates) if (x !== null) return x;
  return d.closed;
}

/** The date a won deal is counted on: closed, else the last stage's date, else its own date. */
export function saleDate(d: DatedDeal): number | null {
  if (d.closed !== null) return d.closed;
  for (let k = d.stageDates.length - 1; k >= 0; k--) {
    const x = d.stageDates[k];
    if (x !== null && x !== undefined) return x;
  }
  return dealDate(d);
}

/** When a won deal closed, only if known (closed, or a dated stage after the first). */
export function knownSaleDate(d: DatedDeal): number | null {
  if (d.closed !== null) return d.closed;
  for (let k = d.stageDates.length - 1; k > 0; k--) {
    const x = d.stageDates[k];
    if (x !== null && x !== undefined) return x;
  }
  return null;
}
