/**
 * One plain-text sentence saying where the funnel's stages come from and in what order, in the
 * user's language: for `voronka report --explain` and the sidebar (the same words in both).
 */
import { type Lang, type Localized, l, translate } from "../core/i18n";
import type { StageOrderSource, StageSource } from "./build/index";

/** Quoted user text with control characters removed (it may reach a terminal). */
export function quoted(text: string, lang: Lang): string {
  let clean = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    clean += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? " " : ch;
  }
  clean = clean.trim();
  return lang === "en" ? `"${clean}"` : `«${clean}»`;
}

/** In what order the stages come, by `StageOrderSource.from`; `{header}` is quoted user text. */
export const STAGE_ORDER_TEXTS = {
  sortOrder: l(
    "in the order its column {header} gives",
    "в порядке из столбца {header}",
    "у порядку зі стовпця {header}",
  ),
  pipeline: l(
    "in {crm}'s default pipeline order",
    "в порядке стандартной воронки {crm}",
    "у порядку стандартної воронки {crm}",
  ),
  log: l(
    "in the order deals entered them",
    "в порядке, в котором сделки в них входили",
    "у порядку, в якому угоди до них входили",
  ),
  columns: l("in column order", "в порядке столбцов", "у порядку стовпців"),
  settings: l("in the order set there", "в заданном там порядке", "у заданому там порядку"),
  ladder: l(
    "in the usual order of sales stages",
    "в обычном порядке этапов продаж",
    "у звичайному порядку етапів продажу",
  ),
  appearance: l(
    "in an order guessed from their names (the export does not give the pipeline's order): check it and reorder the stages if needed",
    "в порядке, угаданном по названиям (порядка воронки в выгрузке нет): проверьте его и при необходимости переставьте этапы",
    "у порядку, вгаданому за назвами (порядку воронки у вивантаженні немає): перевірте його та за потреби переставте етапи",
  ),
} satisfies Record<StageOrderSource["from"], Localized>;

/** Where the stages come from, by `StageSource.from`; `{tab}`, `{columns}` are quoted user text. */
export const STAGE_SOURCE_TEXTS = {
  settings: l(
    "The stages come from the settings tab, in the order set there.",
    "Этапы взяты из вкладки настроек, в заданном там порядке.",
    "Етапи взято з вкладки налаштувань, у заданому там порядку.",
  ),
  stageLog: l(
    "The stages come from the stage log {tab} (column {columns}), {order}.",
    "Этапы взяты из журнала этапов {tab} (столбец {columns}), {order}.",
    "Етапи взято з журналу етапів {tab} (стовпець {columns}), {order}.",
  ),
  stageColumns: l(
    "The stages come from the date or checkbox columns of {tab} ({columns}), {order}.",
    "Этапы взяты из столбцов с датами или отметками вкладки {tab} ({columns}), {order}.",
    "Етапи взято зі стовпців з датами або позначками вкладки {tab} ({columns}), {order}.",
  ),
  stageColumn: l(
    "The stages come from the column {columns} of {tab}, {order}.",
    "Этапы взяты из столбца {columns} вкладки {tab}, {order}.",
    "Етапи взято зі стовпця {columns} вкладки {tab}, {order}.",
  ),
  aggregates: l(
    "The stages come from the view {columns} in {tab}, in the order of its positions.",
    "Этапы взяты из представления {columns} на вкладке {tab}, в порядке его позиций.",
    "Етапи взято з подання {columns} на вкладці {tab}, у порядку його позицій.",
  ),
  none: l(
    "No tab gives funnel stages.",
    "Ни одна вкладка не задаёт этапы воронки.",
    "Жодна вкладка не задає етапи воронки.",
  ),
} satisfies Record<StageSource["from"], Localized>;

function orderText(order: StageOrderSource, lang: Lang): string {
  return translate(STAGE_ORDER_TEXTS, lang, order.from, {
    header: order.from === "sortOrder" ? quoted(order.header, lang) : "",
    crm: order.from === "pipeline" ? order.crm : "",
  });
}

/** Where the stages come from, as one sentence. */
export function stageSourceSentence(src: StageSource, lang: Lang): string {
  const q = (s: string) => quoted(s, lang);
  return translate(STAGE_SOURCE_TEXTS, lang, src.from, {
    tab: q(src.tab ?? ""),
    columns: (src.columns ?? []).map(q).join(", "),
    order: orderText(src.order, lang),
  });
}
