/**
 * One funnel is one pipeline (model/build/pipelineChoice.ts): the command's words for it — the
 * summary line, the --explain lines, and the error for a --pipeline that names none.
 */
import { InputError } from "../adapters/xlsx/errors";
import { type Lang, l, translate } from "../core/i18n";
import { quoted } from "../model/stageSource";
import type { PipelineChoice } from "../model/types";
import { formatCount, message } from "./messages";

const WORDS = {
  column: l(
    "Pipelines: from the column {header} of {tab}",
    "Воронки: из столбца {header} листа {tab}",
    "Воронки: зі стовпця {header} аркуша {tab}",
  ),
  stagePrefix: l(
    "Pipelines: from the C<n>: prefix of Bitrix24's stage codes in {header} of {tab} (no prefix: the default pipeline, C0)",
    "Воронки: по префиксу C<n>: кодов этапов Битрикс24 в {header} листа {tab} (без префикса — основная воронка, C0)",
    "Воронки: за префіксом C<n>: кодів етапів Бітрікс24 у {header} аркуша {tab} (без префікса — основна воронка, C0)",
  ),
};

/** "“C6” (165), “C2” (23)": the pipelines left out, most deals first. */
function othersOf(p: PipelineChoice, lang: Lang): string {
  return p.pipelines
    .filter((x) => x.name !== p.chosen)
    .map((x) => `${quoted(x.name, lang)} (${formatCount(lang, x.deals)})`)
    .join(", ");
}

/** The summary line: the pipeline reported and the deals of the others left out; null: none. */
export function pipelineSummary(p: PipelineChoice | undefined, lang: Lang): string | null {
  if (!p || p.leftOut === 0) return null;
  const chosen = p.pipelines.find((x) => x.name === p.chosen);
  return message(lang, "pipelineSummary", {
    chosen: quoted(p.chosen, lang),
    deals: chosen?.deals ?? 0,
    why: message(lang, p.asked !== null && !p.unknown ? "pipelineAsked" : "pipelineMost"),
    n: p.leftOut,
    others: othersOf(p, lang),
  });
}

/** --explain: where the pipelines were read, then the summary line. */
export function pipelineExplainLines(p: PipelineChoice | undefined, lang: Lang): string[] {
  if (!p || p.sources.length === 0) return [];
  const out = p.sources.map((s) =>
    translate(WORDS, lang, s.from, {
      header: quoted(s.header, lang),
      tab: quoted(s.tab, lang),
    }),
  );
  const line = pipelineSummary(p, lang);
  if (line) out.push(`  ${line}`);
  return out;
}

/** The settings tab's pipeline when it names none of the deals' (the flag's is an error). */
export function tabPipelineLine(p: PipelineChoice | undefined, lang: Lang): string | null {
  if (!p?.unknown || p.asked === null) return null;
  return message(lang, "tabPipelineUnknown", {
    name: p.asked,
    pipelines: p.pipelines.map((x) => x.name).join(", ") || "—",
  });
}

/** A --pipeline that names no pipeline of the deals: one sentence listing them. */
export function checkAskedPipeline(asked: string | undefined, p: PipelineChoice | undefined): void {
  if (asked === undefined) return;
  if (!p || p.pipelines.length === 0) throw new InputError("noPipelines", { name: asked });
  if (p.unknown)
    throw new InputError("unknownPipeline", {
      name: asked,
      pipelines: p.pipelines.map((x) => `${x.name} (${x.deals})`).join(", "),
    });
}
