/**
 * The figures compared with DuckDB: funnel counts (distinct deals reaching each stage) per month
 * and per rep, and the median days of each stage transition, read from our report plan.
 */
export interface Figures {
  stages: string[];
  /** Month as the report labels it ("Jan 2026") → count per stage (the total row left out). */
  byMonth: Record<string, number[]>;
  /** Rep name → count per stage. */
  byRep: Record<string, number[]>;
  /** "A → B" → count and median days. */
  velocity: Record<string, { count: number; median: number | null }>;
}

interface PlanLike {
  sheets: { key: string; blocks: { id: string; rows: unknown[][] }[] }[];
}

export function figuresFromPlan(plan: PlanLike, stages: string[]): Figures {
  const n = stages.length;
  const blocks = new Map<string, unknown[][]>();
  for (const s of plan.sheets) for (const b of s.blocks) blocks.set(b.id, b.rows);
  const counts = (rows: unknown[][] | undefined, skipTotal: boolean): Record<string, number[]> => {
    const out: Record<string, number[]> = {};
    if (!rows) return out;
    const body = skipTotal ? rows.slice(0, -1) : rows;
    for (const r of body) out[String(r[0])] = r.slice(1, 1 + n).map(Number);
    return out;
  };
  const velocity: Figures["velocity"] = {};
  const transitions = new Set(stages.slice(1).map((s, k) => `${stages[k]} → ${s}`));
  for (const r of blocks.get("velocity.byTransition") ?? []) {
    const label = String(r[0]);
    // Consecutive stages only (the sheet also has "Created → won").
    if (!transitions.has(label)) continue;
    velocity[label] = { count: Number(r[1]), median: r[3] === null ? null : Number(r[3]) };
  }
  return {
    stages,
    byMonth: counts(blocks.get("funnel.byPeriod"), true),
    byRep: counts(blocks.get("funnel.byRep"), true),
    velocity,
  };
}

/** Compares two sets of figures; returns the differences (empty when equal). */
export function diffFigures(ours: Figures, duck: Figures, tolerance = 1e-3): string[] {
  const out: string[] = [];
  const cmpCounts = (what: string, a: Record<string, number[]>, b: Record<string, number[]>) => {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (!x || !y)
        out.push(
          `${what} ${k}: ours ${x ? x.join("/") : "missing"}, DuckDB ${y ? y.join("/") : "missing"}`,
        );
      else if (x.join("/") !== y.join("/"))
        out.push(`${what} ${k}: ours ${x.join("/")}, DuckDB ${y.join("/")}`);
    }
  };
  cmpCounts("month", ours.byMonth, duck.byMonth);
  cmpCounts("rep", ours.byRep, duck.byRep);
  const keys = new Set([...Object.keys(ours.velocity), ...Object.keys(duck.velocity)]);
  for (const k of keys) {
    const x = ours.velocity[k];
    const y = duck.velocity[k];
    if (!x || !y) {
      out.push(`velocity ${k}: ${x ? "" : "missing in ours"}${y ? "" : "missing in DuckDB"}`);
      continue;
    }
    const medOk =
      x.median === y.median ||
      (x.median !== null && y.median !== null && Math.abs(x.median - y.median) <= tolerance);
    if (x.count !== y.count || !medOk) {
      out.push(
        `velocity ${k}: ours n=${x.count} median=${x.median}, DuckDB n=${y.count} median=${y.median}`,
      );
    }
  }
  if (Object.keys(ours.byMonth).length === 0)
    out.push("ours: no funnel-by-month block in the plan");
  if (Object.keys(ours.velocity).length === 0)
    out.push("ours: no velocity-by-transition block in the plan");
  return out;
}
