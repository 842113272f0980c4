/** Data check sheet: every row or cell the data layer left out, and why. */
import { localeOf } from "../core/i18n";
import type { DataIssueReason } from "../model/types";
import type { Context } from "./context";
import { reasonLabel, t } from "./i18n";
import type { CellValue, SheetPlan } from "./types";

/** Rows listed on the sheet at most (the summary counts all); keeps the sheet within Sheets' limits. */
export const DATA_CHECK_MAX_ROWS = 20_000;

export function planDataCheck(ctx: Context): SheetPlan | null {
  const issues = ctx.model.issues;
  if (issues.length === 0) return null;
  const lang = ctx.opt.lang;
  const byReason = new Map<DataIssueReason, number>();
  for (const i of issues) byReason.set(i.reason, (byReason.get(i.reason) ?? 0) + 1);
  const summary: CellValue[][] = [...byReason]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => [reasonLabel(lang, r), n]);
  summary.push([t(lang, "total"), issues.length]);
  const shown = issues.length > DATA_CHECK_MAX_ROWS ? issues.slice(0, DATA_CHECK_MAX_ROWS) : issues;
  const rows: CellValue[][] = shown.map((i) => [
    i.tab,
    i.row,
    i.column > 0 ? i.column : null,
    i.header,
    i.value,
    reasonLabel(lang, i.reason),
    i.detail ?? "",
  ]);
  return {
    key: "dataCheck",
    name: "",
    blocks: [
      {
        id: "dataCheck.summary",
        title: t(lang, "dataCheck.summary"),
        header: [t(lang, "problem"), t(lang, "count")],
        rows: summary,
        formats: ["text", "integer"],
        highlights: [{ row: summary.length - 1, col: -1, style: "total" }],
        note: pipelinesNote(ctx),
      },
      {
        id: "dataCheck.rows",
        title: t(lang, "dataCheck.rows"),
        note:
          shown.length < issues.length
            ? t(lang, "dataCheck.capped", { shown: shown.length, total: issues.length })
            : undefined,
        header: [
          t(lang, "tab"),
          t(lang, "row"),
          t(lang, "column"),
          t(lang, "header"),
          t(lang, "value"),
          t(lang, "problem"),
          t(lang, "detail"),
        ],
        rows,
        formats: ["text", "integer", "integer", "text", "text", "text", "text"],
      },
    ],
  };
}

/** Which pipeline the report is for and which were left out (one funnel is one pipeline). */
function pipelinesNote(ctx: Context): string | undefined {
  const p = ctx.model.pipelines;
  if (!p) return undefined;
  const lang = ctx.opt.lang;
  const unknown =
    p.unknown && p.asked !== null ? t(lang, "dataCheck.unknownPipeline", { asked: p.asked }) : "";
  if (p.leftOut === 0) return unknown || undefined;
  const n = (x: number) => x.toLocaleString(localeOf(lang));
  const chosen = p.pipelines.find((x) => x.name === p.chosen);
  const others = p.pipelines
    .filter((x) => x !== chosen)
    .map((x) => `“${x.name}” (${n(x.deals)})`)
    .join(", ");
  const text = t(lang, "dataCheck.pipelines", {
    chosen: p.chosen,
    deals: n(chosen?.deals ?? 0),
    count: chosen?.deals ?? 0,
    others,
  });
  return unknown ? `${unknown} ${text}` : text;
}
