/**
 * Deals: a new lead walks the funnel (with the planted drop), and the finished deals become the
 * Deals, Stage log and Call checklist tabs.
 */
import { at } from "../core/indexed";
import { DAY, expDraw, pad, pick } from "./rng";
import { SOURCE_QUALITY, STAGE_DAYS, STEP } from "./shape";
import type { Words } from "./words";

export interface GenDeal {
  id: string;
  rep: number;
  source: number;
  client: string;
  created: number;
  /** Entry time of each stage reached, from the lead (index 0) on. */
  dates: number[];
  status: "won" | "lost" | "open";
  closed: number | null;
  amount: number;
  cost: number;
  targeted: boolean;
}

/** What a walk through the funnel needs to know besides the randomness. */
export interface FunnelShape {
  idPrefix: string;
  revenueScale: number;
  /** The data's end (exclusive): nothing happens on or after it. */
  end: number;
  /** The planted drop: leads created in [from, to) enter `stage` at half the usual rate. */
  drop: { stage: number; from: number; to: number } | null;
}

function pickSource(r: () => number): number {
  let x = r();
  for (const [i, { weight }] of SOURCE_QUALITY.entries()) {
    x -= weight;
    if (x < 0) return i;
  }
  return SOURCE_QUALITY.length - 1;
}

/** A lead taken on a call at `at`, walked through the funnel as far as it gets by `end`. */
export function newDeal(
  r: () => number,
  w: Words,
  shape: FunnelShape,
  rep: number,
  takenAt: number,
  index: number,
): GenDeal {
  const source = pickSource(r);
  const q = at(SOURCE_QUALITY, source);
  const targeted = r() < q.targeted;
  const amount = Math.round((300 + r() * r() * 4700) * shape.revenueScale) * 10;
  const deal: GenDeal = {
    id: `${shape.idPrefix}-${pad(index + 1, 6)}`,
    rep,
    source,
    client: `${pick(r, w.clients)} ${index % 97}`,
    created: takenAt,
    dates: [takenAt],
    status: "open",
    closed: null,
    amount,
    cost: Math.round(amount * (0.5 + r() * 0.25)),
    targeted,
  };
  const { drop, end } = shape;
  let t = takenAt;
  for (let k = 1; k < 4; k++) {
    let p = at(STEP, k);
    if (k === 1) p *= q.meeting * (targeted ? 1 : 0.15);
    t += Math.max(0.05, expDraw(r, at(STAGE_DAYS, k))) * DAY;
    if (drop && k === drop.stage && takenAt >= drop.from && takenAt < drop.to) p *= 0.5;
    if (t >= end || r() >= Math.min(0.95, p)) break;
    deal.dates.push(Math.round(t / 60_000) * 60_000);
  }
  const reached = deal.dates.length - 1;
  if (reached === 3) {
    deal.status = "won";
    deal.closed = at(deal.dates, 3);
  } else {
    const lostAt = at(deal.dates, reached) + Math.max(1, expDraw(r, 6)) * DAY;
    if (lostAt < end && r() < 0.8) {
      deal.status = "lost";
      deal.closed = Math.round(lostAt / 60_000) * 60_000;
    }
  }
  return deal;
}

export interface DealTabs {
  deals: unknown[][];
  stageLog: unknown[][];
  checklist: unknown[][];
  won: number;
  lost: number;
}

/** The Deals, Stage log and Call checklist tabs (with their headers) from the finished deals. */
export function dealTabs(r: () => number, w: Words, reps: string[], deals: GenDeal[]): DealTabs {
  const dealRows: unknown[][] = [w.headers.deals.map((h) => h[1])];
  const logRows: unknown[][] = [];
  const checkRows: unknown[][] = [w.headers.checklist.map((h) => h[1])];
  let won = 0;
  let lost = 0;
  for (const d of deals) {
    const reached = d.dates.length - 1;
    const rep = at(reps, d.rep);
    const source = at(w.sources, d.source);
    const stageCell =
      d.status === "won" ? w.won : d.status === "lost" ? w.lost : at(w.stages, reached);
    const row: unknown[] = [
      d.id,
      new Date(d.created),
      rep,
      source,
      d.client,
      stageCell,
      reached >= 2 ? d.amount : "",
      reached >= 2 ? d.cost : "",
      d.targeted ? w.yes : w.no,
    ];
    for (let k = 1; k < 4; k++) row.push(k <= reached ? new Date(at(d.dates, k)) : "");
    dealRows.push(row);
    if (d.status === "won") won++;
    if (d.status === "lost") lost++;
    for (const [k, day] of d.dates.entries()) {
      logRows.push([d.id, at(w.stages, k), new Date(day), rep, source, k === 3 ? d.amount : ""]);
    }
    if (d.status === "lost" && d.closed !== null)
      logRows.push([d.id, w.lost, new Date(d.closed), rep, source, ""]);
    // A graded call for deals that got to a meeting; better scores for the ones that paid.
    if (reached >= 1 && r() < 0.3) {
      const pWell = d.status === "won" ? 0.85 : 0.55;
      const marks = w.criteria.map(() => r() < pWell);
      checkRows.push([
        d.id,
        rep,
        new Date(Math.floor(at(d.dates, 1) / DAY) * DAY),
        ...marks.map((x) => (x ? w.yes : w.no)),
        marks.filter(Boolean).length,
      ]);
    }
  }
  logRows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  logRows.unshift(w.headers.stageLog.map((h) => h[1]));
  return { deals: dealRows, stageLog: logRows, checklist: checkRows, won, lost };
}
