/** The short funnel table printed to the terminal, taken from the plan's Funnel sheet. */
import { type Lang, localeOf } from "../core/i18n";
import type { Block, CellValue, ReportPlan } from "../report/types";

export function funnelBlock(plan: ReportPlan): Block | null {
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) if (block.id === "funnel.byStage") return block;
  }
  return null;
}

/** Numbers as the report's language writes them: "1,012" and "47.1%", "1 012" and "47,1 %". */
function show(v: CellValue, format: string, lang: Lang): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") {
    const locale = localeOf(lang);
    if (format === "percent") {
      return new Intl.NumberFormat(locale, {
        style: "percent",
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(v);
    }
    if (format === "integer") return new Intl.NumberFormat(locale).format(Math.round(v));
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  }
  return String(v);
}

/** A plain-text table: stage, count, step %, overall %; null when the plan has no funnel. */
export function funnelSummary(plan: ReportPlan): string | null {
  const block = funnelBlock(plan);
  if (!block) return null;
  // A column without a format is shown as general numbers.
  const body = block.rows.map((r) => r.map((v, i) => show(v, block.formats[i] ?? "", plan.lang)));
  const lines = [block.header, ...body];
  const widths = block.header.map((_, i) =>
    Math.max(...lines.map((l) => String(l[i] ?? "").length)),
  );
  const fmt = (l: CellValue[]) =>
    l
      .map((v, i) => {
        const s = String(v ?? "");
        const width = widths[i] ?? 0;
        return i === 0 ? s.padEnd(width) : s.padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [fmt(block.header), rule, ...body.map(fmt)].join("\n");
}
