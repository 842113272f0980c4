/**
 * The Roles sheet's diagnosis as blocks: per person the situations found (rolesDiagnosis.ts),
 * the numbers behind each and what to check, and the held-but-lost bookings to listen to.
 */
import { type RoleNorms, shareFallZ } from "../core/metrics/roles";
import { ratio } from "../core/stats";
import { type Context, dayIso } from "./context";
import { t } from "./i18n";
import { type RolesData, sourceGroup } from "./rolesData";
import {
  type DiagnosisResult,
  diagnose,
  fell,
  MIN_ROLE_DROP,
  type PersonDiagnosis,
  relChange,
  type Situation,
} from "./rolesDiagnosis";
import { num, pct, rt } from "./rolesI18n";
import type { Block, CellValue, Highlight } from "./types";

/** The sentences behind one person's situations (or the all-clear line). */
function numbers(
  ctx: Context,
  data: RolesData,
  norms: RoleNorms,
  d: PersonDiagnosis,
  wd: [number, number],
  heads: number,
  result: DiagnosisResult,
): Record<Situation | "none", string> {
  const lang = ctx.opt.lang;
  const { prev: a, last: b } = d;
  const day = (x: number, i: 0 | 1) => (wd[i] * heads === 0 ? null : x / (wd[i] * heads));
  const pair = (x: number | null, y: number | null, f: (v: number | null) => string) => ({
    prev: f(x),
    last: f(y),
  });
  const n1 = (v: number | null) => num(lang, v, 1);
  const p0 = (v: number | null) => pct(lang, v);
  const thr = Math.max(ctx.opt.dropThreshold, MIN_ROLE_DROP);
  const step = (what: string, x: number, n: number, y: number, m: number) => {
    const fellNow = fell(relChange(ratio(x, n), ratio(y, m)), shareFallZ(x, n, y, m), thr);
    return rt(lang, fellNow ? "num.fell" : "num.change", {
      what,
      ...pair(ratio(x, n), ratio(y, m), p0),
    });
  };

  const few: string[] = [
    rt(lang, "num.perDayNorm", {
      what: rt(lang, "bookedPerDay"),
      ...pair(day(a.booked, 0), day(b.booked, 1), n1),
      norm: `${norms.bookedMin}–${norms.bookedMax}`,
    }),
  ];
  if (data.hasCalls && data.hasTalk) {
    few.push(
      rt(lang, "num.perDayNorm", {
        what: rt(lang, "longCallsPerDay", { sec: ctx.opt.longCallSeconds }),
        ...pair(day(a.longCalls, 0), day(b.longCalls, 1), n1),
        norm: `${norms.longCallsMin}–${norms.longCallsMax}`,
      }),
      rt(lang, "num.change", {
        what: rt(lang, "minutesPerDay"),
        ...pair(day(a.talkSec / 60, 0), day(b.talkSec / 60, 1), n1),
      }),
    );
  } else if (data.hasCalls) {
    few.push(
      rt(lang, "num.change", {
        what: t(lang, "calls"),
        ...pair(a.calls, b.calls, (v) => num(lang, v, 0)),
      }),
    );
  }
  few.push(
    rt(lang, "num.change", {
      what: t(lang, "leads"),
      ...pair(a.leads, b.leads, (v) => num(lang, v, 0)),
    }),
  );
  if (data.hasTargeted)
    few.push(
      rt(lang, "num.change", {
        what: rt(lang, "targetedLeads"),
        ...pair(
          ratio(a.targeted, a.targeted + a.nonTargeted),
          ratio(b.targeted, b.targeted + b.nonTargeted),
          p0,
        ),
      }),
    );

  const held: string[] = [];
  if (data.stages.confirmed >= 0) {
    held.push(step(rt(lang, "bookedConfirmed"), a.confirmed, a.booked, b.confirmed, b.booked));
    held.push(step(rt(lang, "confirmedHeld"), a.held, a.confirmed, b.held, b.confirmed));
  } else {
    held.push(step(rt(lang, "bookedHeld"), a.held, a.booked, b.held, b.booked));
  }

  const paid: string[] = [step(rt(lang, "heldSale"), a.heldWon, a.held, b.heldWon, b.held)];
  if (data.hasTargeted)
    paid.push(
      rt(lang, "num.change", {
        what: rt(lang, "targetedBooked"),
        ...pair(
          ratio(a.bookedTargeted, a.bookedGraded),
          ratio(b.bookedTargeted, b.bookedGraded),
          p0,
        ),
      }),
    );
  const bySource = sourcesOf(ctx, data, d, result);
  if (bySource) paid.push(rt(lang, "num.sources", { list: bySource }));
  const listed = d.lost.rows.length;
  if (listed > 0)
    paid.push(
      listed < d.lost.total
        ? rt(lang, "num.lostLatest", { n: d.lost.total, k: listed })
        : rt(lang, "num.lost", { n: d.lost.total }),
    );

  return {
    fewBooked: few.join(" "),
    bookedNotHeld: held.join(" "),
    heldNotPaid: paid.join(" "),
    none: rt(lang, "num.ok", {
      booked: n1(day(b.booked, 1)),
      held: p0(ratio(b.held, b.booked)),
      sale: p0(ratio(b.heldWon, b.held)),
    }),
  };
}

/**
 * "Ads 12 (held → sale 8%), Website 20 (40%)": the person's bookings of the last period by
 * source, what they led to by the data's last day (the period is at least W days old).
 */
function sourcesOf(
  ctx: Context,
  data: RolesData,
  d: PersonDiagnosis,
  result: DiagnosisResult,
): string {
  if (!ctx.hasSource) return "";
  const lang = ctx.opt.lang;
  return data.sources
    .list(sourceGroup(result.last, d.who === "" ? null : d.who))
    .sort((a, b) => b.x.booked - a.x.booked || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 5)
    .map((e) =>
      rt(lang, "num.source", {
        source: e.name || t(lang, "noSource"),
        n: e.x.booked,
        conv: pct(lang, ratio(e.x.heldWon, e.x.held)),
      }),
    )
    .join(", ");
}

export function planDiagnosis(ctx: Context, data: RolesData, norms: RoleNorms): Block[] {
  const lang = ctx.opt.lang;
  if (!data.hasBookings) return [];
  const result = diagnose(ctx, data, norms);
  if (!result) {
    return [
      {
        id: "roles.diagnosis",
        title: rt(lang, "block.diagnosis.wait"),
        note: rt(lang, "block.diagnosis.waitNote", {
          w: ctx.opt.cohortWindowDays ?? data.window ?? 0,
        }),
        header: [rt(lang, "who"), rt(lang, "situation")],
        rows: [],
        formats: ["text", "text"],
      },
    ];
  }
  const wd: [number, number] = [data.workdays(result.prev), data.workdays(result.last)];
  const heads = Math.max(1, result.people.length - 1);
  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  const listen: CellValue[][] = [];
  for (const d of result.people) {
    const name = d.who === "" ? t(lang, "team") : d.who;
    const lines = numbers(ctx, data, norms, d, wd, d.who === "" ? heads : 1, result);
    if (d.situations.length === 0) {
      rows.push([name, rt(lang, "sit.none"), lines.none, rt(lang, "check.none")]);
      continue;
    }
    for (const s of d.situations) {
      highlights.push({ row: rows.length, col: 1, style: "warn" });
      rows.push([name, rt(lang, `sit.${s}`), lines[s], rt(lang, `check.${s}`)]);
      // The team's held-but-lost bookings are listed when no SDR's are: its line says "listed
      // below" too, and the team is judged last.
      if (s === "heldNotPaid" && (d.who !== "" || listen.length === 0))
        for (const b of d.lost.rows) {
          listen.push([
            d.who !== "" ? name : b.sdr === "" ? rt(lang, "noSdr") : b.sdr,
            b.id,
            b.source || t(lang, "noSource"),
            b.targeted === null ? "" : t(lang, b.targeted ? "yes" : "no"),
            dayIso(b.bookedDay),
            b.heldDay === null ? null : dayIso(b.heldDay),
            b.rep,
          ]);
        }
    }
  }
  const thr = Math.round(Math.max(ctx.opt.dropThreshold, MIN_ROLE_DROP) * 100);
  const blocks: Block[] = [
    {
      id: "roles.diagnosis",
      title: rt(lang, "block.diagnosis", {
        last: ctx.periods.label(result.last),
        prev: ctx.periods.label(result.prev),
      }),
      note:
        result.newer >= 0
          ? rt(lang, "block.diagnosis.note", {
              w: result.window,
              newer: ctx.periods.label(result.newer),
              thr,
            })
          : rt(lang, "block.diagnosis.noNewer", { w: result.window, thr }),
      header: [rt(lang, "who"), rt(lang, "situation"), rt(lang, "numbers"), rt(lang, "toCheck")],
      rows,
      formats: ["text", "text", "text", "text"],
      highlights,
    },
  ];
  if (listen.length > 0)
    blocks.push({
      id: "roles.listen",
      title: rt(lang, "block.listen"),
      header: [
        rt(lang, "sdr"),
        rt(lang, "dealId"),
        t(lang, "source"),
        t(lang, "targeted"),
        rt(lang, "bookedOn"),
        rt(lang, "heldOn"),
        rt(lang, "hunter"),
      ],
      rows: listen,
      formats: ["text", "text", "text", "text", "date", "date", "text"],
    });
  return blocks;
}
