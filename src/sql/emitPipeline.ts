/**
 * One funnel is one pipeline (model/build/pipelineChoice.ts) in SQL: the deals tables' rows of
 * the pipeline reported, and the stage log without the rows of the deals left out.
 */

import { type Emit, inList, keyOf, textOf } from "./emitDeals";
import type { DealsSource } from "./source";

/** Whether a raw row is of the pipeline reported (model/build/pipelineChoice.ts); null: all are. */
function pipelineCond(e: Emit, d: DealsSource): string | null {
  const p = d.pipeline;
  if (!p) return null;
  if (p.by === "column") return inList(keyOf(e, d.columns.pipeline), p.keep, e);
  const stage = keyOf(e, d.columns.stage);
  const prefixed = `${stage} LIKE ${e.q.str(`${p.code}:%`)}`;
  // The default pipeline (C0): a stage without a C<n>: prefix.
  return p.code === "c0"
    ? `(${e.q.replaceAll(stage, "^c[0-9]+:", "")} = ${stage} OR ${prefixed})`
    : prefixed;
}

export function pipelineWhere(e: Emit, d: DealsSource): string {
  const cond = pipelineCond(e, d);
  return cond ? `\n  WHERE ${cond}` : "";
}

/**
 * Keeps the stage log's rows of deals left out (every row of their id in another pipeline) out:
 * " AND <a condition on the log's id>", or "" when no deals table has pipelines.
 */
export function logKept(e: Emit): string {
  const of = (keep: boolean) =>
    [e.src.deals, ...e.src.moreDeals].flatMap((d) => {
      const cond = d ? pipelineCond(e, d) : null;
      return d && cond
        ? [
            `SELECT ${textOf(e, d.columns.id)} FROM ${e.q.table(d.table)} WHERE ${keep ? cond : `NOT ${cond}`}`,
          ]
        : [];
    });
  const out = of(false);
  return out.length === 0
    ? ""
    : ` AND (id NOT IN (${out.join(" UNION ALL ")}) OR id IN (${of(true).join(" UNION ALL ")}))`;
}
