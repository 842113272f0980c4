/**
 * The Roles sheet's numbers (SPEC §7), the shapes the planner (roles.ts) lays out and the
 * diagnosis (rolesDiagnosis.ts) judges: per (period, person) counters for SDRs, hunters and
 * farmers, bookings by source, and what a period's bookings led to within W days. One route fills
 * them, from the aggregates' rows (rolesFromViews.ts); the tests hold it to a deal-by-deal count.
 */

import {
  type BookingOutcome,
  emptyOutcome,
  type MeetingStages,
  type RoleBook,
} from "../core/metrics/roles";
import { nameKey } from "../core/values";
import type { Names } from "./buckets";

/** Person slots per period in a Grid key (far more than any team). */
const PERSON_SPAN = 1 << 20;

/**
 * Per (period, person) counters; period -1 = the whole range. People are matched by name key
 * through one shared Names index (a Map lookup on the raw text per row, no string work).
 */
export class Grid<T> {
  private cells = new Map<number, T>();
  constructor(
    private readonly people: Names,
    private readonly make: () => T,
  ) {}
  private key(period: number, who: string): number {
    return (period + 2) * PERSON_SPAN + this.people.of(who);
  }
  at(period: number, who: string): T {
    const k = this.key(period, who);
    let c = this.cells.get(k);
    if (!c) {
      c = this.make();
      this.cells.set(k, c);
    }
    return c;
  }
  get(period: number, who: string): T | undefined {
    return this.cells.get(this.key(period, who));
  }
}

export interface SdrCounts extends BookingOutcome {
  calls: number;
  longCalls: number;
  talkSec: number;
  timed: number;
  leads: number;
  targeted: number;
  nonTargeted: number;
  /** Booked meetings with a targeted mark, and of those the targeted ones. */
  bookedGraded: number;
  bookedTargeted: number;
}

export function emptySdr(): SdrCounts {
  return {
    ...emptyOutcome(),
    calls: 0,
    longCalls: 0,
    talkSec: 0,
    timed: 0,
    leads: 0,
    targeted: 0,
    nonTargeted: 0,
    bookedGraded: 0,
    bookedTargeted: 0,
  };
}

export interface HunterCounts {
  held: number;
  /** Won among the meetings held in the period (by the data's last day). */
  heldWon: number;
  proposals: number;
  sales: number;
  revenue: number;
  amounts: number;
}

export interface FarmerCounts {
  clients: Set<string>;
  repeatSales: number;
  repeatRevenue: number;
  repeatAmounts: number;
  newSales: number;
  newRevenue: number;
  newAmounts: number;
}

/** Bookings of one source (one spelling, whatever the order) and what they led to. */
export interface SourceCounts {
  name: string;
  x: SdrCounts;
}

/** Per group (a period and an SDR, say) the bookings by source, as they are added. */
export class SourceTable {
  private groups = new Map<string, Map<string, SourceCounts>>();
  at(group: string, source: string): SdrCounts {
    let g = this.groups.get(group);
    if (!g) {
      g = new Map();
      this.groups.set(group, g);
    }
    const k = nameKey(source);
    let e = g.get(k);
    if (!e) {
      e = { name: source, x: emptySdr() };
      g.set(k, e);
    } else if (source < e.name) e.name = source;
    return e.x;
  }
  list(group: string): SourceCounts[] {
    return [...(this.groups.get(group)?.values() ?? [])];
  }
}

/** A held-but-lost booking to listen to; `sdr` as attributed ("" = the team without an SDR). */
export interface ListenRow {
  sdr: string;
  id: string;
  source: string;
  targeted: boolean | null;
  bookedDay: number;
  heldDay: number | null;
  rep: string;
}

/** An SDR's held-but-lost bookings of a period: the latest held few, and how many in all. */
export interface HeldLost {
  rows: ListenRow[];
  total: number;
}

export interface RolesData {
  /** The cohort window W as the Changes sheet takes it (SPEC §4); null: none. */
  window: number | null;
  roles: RoleBook;
  stages: MeetingStages;
  /** Some booking passes the filters. */
  hasBookings: boolean;
  /** SDRs (by role or named in "booked by"), by name; "" last when some booking has none. */
  sdrs: string[];
  hunters: string[];
  farmers: string[];
  sdr: Grid<SdrCounts>;
  hunter: Grid<HunterCounts>;
  farmer: Grid<FarmerCounts>;
  /** All the team's revenue per period (-1: whole range), for the farmers' share. */
  revenue: Map<number, number>;
  /** Bookings by source, by the data's last day: group "all", or `sourceGroup(period, sdr)`. */
  sources: SourceTable;
  /**
   * The diagnosis's counts of period p's bookings per SDR (name key; "" = the team without an
   * SDR): booked, targeted, and confirmed, held and won among the held within `window` days.
   */
  withinWindow: (p: number, window: number) => Map<string, SdrCounts>;
  /** Per SDR (name key) the held-but-lost bookings of period p (held by the data's last day). */
  heldLost: (p: number) => Map<string, HeldLost>;
  /** Working days per period within the data. */
  workdays: (p: number) => number;
  hasCalls: boolean;
  hasTalk: boolean;
  hasTargeted: boolean;
  hasAmount: boolean;
}

/** The SourceTable group of one period's (-1: all) bookings of an SDR (null: the whole team). */
export function sourceGroup(p: number, sdr: string | null): string {
  return `${p}\u0001${sdr === null ? "\u0002" : nameKey(sdr)}`;
}

/** The listing's order: the latest held first (aggregates/roleViews.ts, as the view keeps them). */
export { latestHeldFirst } from "../aggregates/roleViews";
