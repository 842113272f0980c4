/** Two Aggregates compared list by list: rows sorted, numbers equal within a tiny tolerance. */
import { expect } from "vitest";
import type { Aggregates } from "../../src/aggregates/types";

const TOLERANCE = 1e-6;

function rowKey(row: object): string {
  return JSON.stringify(
    Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1e4) / 1e4 : v]),
  );
}

function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (typeof x === "number" && typeof y === "number") {
      if (Math.abs(x - y) > TOLERANCE * Math.max(1, Math.abs(x))) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** Fails with the first rows that differ in each list. */
export function expectSameAggregates(memory: Aggregates, sql: Aggregates): void {
  expect(sql.stages).toEqual(memory.stages);
  expect(sql.longCallSeconds).toBe(memory.longCallSeconds);
  expect(sql.hasClient).toBe(memory.hasClient);
  const lists = [
    "deals",
    "stageEntries",
    "sales",
    "cycles",
    "cycleSpread",
    "spans",
    "cohorts",
    "transitions",
    "transitionSpread",
    "repDays",
    "roleLeads",
    "bookings",
    "bookingReach",
    "roleEvents",
    "repeatClients",
    "heldLost",
    "gradedDeals",
  ] as const;
  // The graded deals are there in both or in neither (no checklist).
  expect({ gradedDeals: sql.gradedDeals !== undefined }).toEqual({
    gradedDeals: memory.gradedDeals !== undefined,
  });
  for (const list of lists) {
    const sorted = (xs: readonly object[]) =>
      [...xs].sort((x, y) => rowKey(x).localeCompare(rowKey(y))) as Record<string, unknown>[];
    const a = sorted(memory[list] ?? []);
    const b = sorted(sql[list] ?? []);
    const differ = a.findIndex((row, i) => !b[i] || !sameRow(row, b[i]));
    expect({ list, rows: b.length, firstDiff: differ < 0 ? null : [a[differ], b[differ]] }).toEqual(
      {
        list,
        rows: a.length,
        firstDiff: null,
      },
    );
  }
}
