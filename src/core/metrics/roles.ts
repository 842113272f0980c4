/**
 * The SDR → hunter → farmer model's counting rules (SPEC §7), pure: who has which role on a day,
 * which stages are the meeting's booked / confirmed / held steps, and one Booking per deal whose
 * meeting was booked, attributed to the SDR who booked it. What a booking led to (confirmed, held,
 * sale) is counted per booking: by the data's last day, or within a window of days after it.
 */
import { nameKey } from "../values";

/** Day numbers (whole days since 1970-01-01, wall clock); NaN: unknown. */
export type Day = number;

export type RoleName = "sdr" | "hunter" | "farmer";

export interface RoleEntry {
  rep: string;
  role: RoleName;
  /** First day of the role (wall ms), null: always. */
  since: number | null;
}

/** Seed 002's daily plan for an SDR: calls ≥ 60 s, meetings booked, meetings held per working day. */
export interface RoleNorms {
  longCallsMin: number;
  longCallsMax: number;
  bookedMin: number;
  bookedMax: number;
  heldMin: number;
}

export const DEFAULT_ROLE_NORMS: RoleNorms = {
  longCallsMin: 80,
  longCallsMax: 100,
  bookedMin: 3,
  bookedMax: 5,
  heldMin: 3,
};

const MS_PER_DAY = 86_400_000;

function dayOf(ms: number | null): Day {
  return ms === null ? Number.NaN : Math.floor(ms / MS_PER_DAY);
}

/** Roles per rep over time: the entry with the latest `since` on or before the day wins. */
export class RoleBook {
  private byRep = new Map<string, { role: RoleName; since: Day }[]>();
  private names = new Map<string, string>();

  constructor(entries: readonly RoleEntry[] = []) {
    for (const e of entries) {
      const k = nameKey(e.rep);
      if (k === "") continue;
      let list = this.byRep.get(k);
      if (!list) {
        list = [];
        this.byRep.set(k, list);
        this.names.set(k, e.rep.trim());
      }
      list.push({
        role: e.role,
        since: e.since === null ? Number.NEGATIVE_INFINITY : dayOf(e.since),
      });
    }
    for (const list of this.byRep.values()) list.sort((a, b) => a.since - b.since);
  }

  get size(): number {
    return this.byRep.size;
  }

  /** Whether the rep's role never changes (one role, or none). */
  isFixed(rep: string): boolean {
    const list = this.byRep.get(nameKey(rep));
    const first = list?.[0];
    return !first || list.every((e) => e.role === first.role);
  }

  /** The rep's role on `day` (NaN: any day, the latest role); the earliest one before it starts. */
  roleOf(rep: string, day: Day = Number.NaN): RoleName | null {
    const list = this.byRep.get(nameKey(rep));
    if (!list) return null;
    // Sorted by `since`: the first entry, then the last that started by `day` (any, for NaN).
    let role: RoleName | null = null;
    for (const e of list) if (role === null || Number.isNaN(day) || e.since <= day) role = e.role;
    return role;
  }

  /** Reps that hold `role` on some day, as first written. */
  reps(role: RoleName): string[] {
    const out: string[] = [];
    for (const [k, list] of this.byRep)
      if (list.some((e) => e.role === role)) out.push(this.names.get(k) ?? k);
    return out;
  }
}

/** Stage indexes of the meeting steps and of the proposal; -1 where the funnel has none. */
export interface MeetingStages {
  booked: number;
  confirmed: number;
  held: number;
  proposal: number;
}

/** The minimal deal the rules read (the model's Deal is one). */
export interface RoleDeal {
  id: string;
  rep: string;
  source: string;
  client: string;
  /** Created / first-touch date. */
  created: number | null;
  /** Index in `Model.stages` of the furthest stage reached; -1 when none. */
  reached: number;
  /** Per stage index, when the deal first entered it (null: reached without a date, or not reached). */
  stageDates: (number | null)[];
  status: "won" | "lost" | "open";
  /** When it was won or lost, if known. */
  closed: number | null;
  amount: number | null;
  /** Targeted lead (yes/no); null when the tab has no such column. */
  targeted: boolean | null;
  /** Who booked the meeting ("Booked by", "Назначил встречу"), when the tab says so. */
  bookedBy?: string;
}

/** What a booking keeps of its deal (shown in the diagnosis's list, grouped in tables). */
export type BookingDeal = Pick<RoleDeal, "id" | "rep" | "source" | "targeted" | "status">;

/** A booking, or alike bookings together (`deals` of them; aggregates' rows). */
export interface Booking {
  deal: BookingDeal;
  /** How many alike bookings; their known amounts' sum and count. */
  deals: number;
  revenue: number;
  amounts: number;
  /** The SDR who booked it ("" = the team without an SDR). */
  sdr: string;
  /** Booked day, else held day; NaN when neither is dated. */
  day: Day;
  confirmed: boolean;
  held: boolean;
  won: boolean;
  confirmedDay: Day;
  heldDay: Day;
  saleDay: Day;
}

/** When a won deal was sold, if known: closed, else its latest dated stage after the first. */
export function saleDayOf(d: RoleDeal): Day {
  if (d.closed !== null) return dayOf(d.closed);
  for (let k = d.stageDates.length - 1; k > 0; k--) {
    const x = d.stageDates[k];
    if (x !== null && x !== undefined) return dayOf(x);
  }
  return Number.NaN;
}

/** A deal's own day: created, else its first dated stage, else closed. */
export function dealDayOf(d: RoleDeal): Day {
  if (d.created !== null) return dayOf(d.created);
  for (const x of d.stageDates) if (x !== null) return dayOf(x);
  return dayOf(d.closed);
}

/**
 * The SDR a deal is attributed to: "booked by" when given, else the owner when the owner is an
 * SDR on that day, else "" (the team without an SDR).
 */
export function sdrOf(d: RoleDeal, roles: RoleBook, day: Day): string {
  const by = (d.bookedBy ?? "").trim();
  if (by !== "") return by;
  return d.rep !== "" && roles.roleOf(d.rep, day) === "sdr" ? d.rep.trim() : "";
}

/** Whether a deal has a date in one of the meeting steps. */
function meetingDated(d: RoleDeal, stages: MeetingStages): boolean {
  for (const k of [stages.booked, stages.confirmed, stages.held])
    if (k >= 0 && (d.stageDates[k] ?? null) !== null) return true;
  return false;
}

/**
 * One Booking per deal whose meeting was booked: it reached the booked step (or the held one,
 * when booking is not a stage). Where the data dates meetings, a deal that only passed the
 * meeting on its way to a later stage (a repeat sale with no meeting) is not a booking unless it
 * names who booked it.
 */
export function bookingsOf(
  deals: readonly RoleDeal[],
  stages: MeetingStages,
  roles: RoleBook,
): Booking[] {
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  if (first < 0) return [];
  const dated = deals.some((d) => meetingDated(d, stages));
  const out: Booking[] = [];
  for (const d of deals) {
    if (d.reached < first) continue;
    if (dated && !meetingDated(d, stages) && (d.bookedBy ?? "").trim() === "") continue;
    const at = (k: number) => (k >= 0 ? dayOf(d.stageDates[k] ?? null) : Number.NaN);
    const bookedDay = at(stages.booked);
    const heldDay = at(stages.held);
    const day = Number.isNaN(bookedDay) ? heldDay : bookedDay;
    const won = d.status === "won";
    out.push({
      deal: d,
      deals: 1,
      revenue: d.amount ?? 0,
      amounts: d.amount === null ? 0 : 1,
      sdr: sdrOf(d, roles, day),
      day,
      confirmed: stages.confirmed >= 0 && d.reached >= stages.confirmed,
      held: stages.held >= 0 && d.reached >= stages.held,
      won,
      confirmedDay: at(stages.confirmed),
      heldDay,
      saleDay: won ? saleDayOf(d) : Number.NaN,
    });
  }
  return out;
}

/**
 * Whether an event of a booking happened within `window` days of the booking. An event with no
 * date counts (it happened; when is unknown), as does any event of an undated booking.
 */
export function within(happened: boolean, eventDay: Day, bookingDay: Day, window: number): boolean {
  if (!happened) return false;
  if (Number.isNaN(eventDay) || Number.isNaN(bookingDay)) return true;
  return eventDay - bookingDay <= window;
}

/** What a set of bookings led to: all by the data's last day, or within `window` days of each. */
export interface BookingOutcome {
  booked: number;
  confirmed: number;
  held: number;
  /** Won among the held (the held → sale conversion's numerator). */
  heldWon: number;
  /** Won, held or not. */
  sales: number;
  revenue: number;
}

export function emptyOutcome(): BookingOutcome {
  return { booked: 0, confirmed: 0, held: 0, heldWon: 0, sales: 0, revenue: 0 };
}

export function addBooking(o: BookingOutcome, b: Booking, window = Number.POSITIVE_INFINITY): void {
  const n = b.deals;
  o.booked += n;
  const held = within(b.held, b.heldDay, b.day, window);
  // A held meeting was confirmed (the steps are reached in order), so confirmed ≥ held.
  const conf = b.confirmed && (held || within(true, b.confirmedDay, b.day, window));
  const won = within(b.won, b.saleDay, b.day, window);
  if (conf) o.confirmed += n;
  if (held) o.held += n;
  if (won) {
    o.sales += n;
    o.revenue += b.revenue;
    if (held) o.heldWon += n;
  }
}

/** One-sided z of a fall from share a/n to share b/m (pooled two-proportion test); 0 if no fall. */
export function shareFallZ(a: number, n: number, b: number, m: number): number {
  if (n === 0 || m === 0) return 0;
  const p1 = a / n;
  const p2 = b / m;
  if (p2 >= p1) return 0;
  const p = (a + b) / (n + m);
  const se = Math.sqrt(p * (1 - p) * (1 / n + 1 / m));
  return se === 0 ? 0 : (p1 - p2) / se;
}

/** One-sided z of a fall in a per-day rate from a counts over x days to b counts over y days. */
export function rateFallZ(a: number, x: number, b: number, y: number): number {
  if (x === 0 || y === 0) return 0;
  const r1 = a / x;
  const r2 = b / y;
  if (r2 >= r1) return 0;
  const se = Math.sqrt(a / (x * x) + b / (y * y));
  return se === 0 ? 0 : (r1 - r2) / se;
}
