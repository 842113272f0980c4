/**
 * One plain-text sentence saying where the funnel's stages come from and in what order, in the
 * user's language: for `voronka report --explain` and the sidebar (the same words in both).
 */
import type { Lang } from "../core/lang";
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

function orderText(order: StageOrderSource, lang: Lang): string {
  const q = (s: string) => quoted(s, lang);
  switch (order.from) {
    case "sortOrder":
      return {
        en: `in the order its column ${q(order.header)} gives`,
        ru: `в порядке из столбца ${q(order.header)}`,
        uk: `у порядку зі стовпця ${q(order.header)}`,
      }[lang];
    case "pipeline":
      return {
        en: `in ${order.crm}'s default pipeline order`,
        ru: `в порядке стандартной воронки ${order.crm}`,
        uk: `у порядку стандартної воронки ${order.crm}`,
      }[lang];
    case "log":
      return {
        en: "in the order deals entered them",
        ru: "в порядке, в котором сделки в них входили",
        uk: "у порядку, в якому угоди до них входили",
      }[lang];
    case "columns":
      return { en: "in column order", ru: "в порядке столбцов", uk: "у порядку стовпців" }[lang];
    case "settings":
      return {
        en: "in the order set there",
        ru: "в заданном там порядке",
        uk: "у заданому там порядку",
      }[lang];
    default:
      return {
        en: "in the usual order of sales stages",
        ru: "в обычном порядке этапов продаж",
        uk: "у звичайному порядку етапів продажу",
      }[lang];
  }
}

/** Where the stages come from, as one sentence. */
export function stageSourceSentence(src: StageSource, lang: Lang): string {
  const q = (s: string) => quoted(s, lang);
  const tab = q(src.tab ?? "");
  const cols = (src.columns ?? []).map(q).join(", ");
  const order = orderText(src.order, lang);
  switch (src.from) {
    case "settings":
      return {
        en: "The stages come from the settings tab, in the order set there.",
        ru: "Этапы взяты из вкладки настроек, в заданном там порядке.",
        uk: "Етапи взято з вкладки налаштувань, у заданому там порядку.",
      }[lang];
    case "stageLog":
      return {
        en: `The stages come from the stage log ${tab} (column ${cols}), ${order}.`,
        ru: `Этапы взяты из журнала этапов ${tab} (столбец ${cols}), ${order}.`,
        uk: `Етапи взято з журналу етапів ${tab} (стовпець ${cols}), ${order}.`,
      }[lang];
    case "stageColumns":
      return {
        en: `The stages come from the date or checkbox columns of ${tab} (${cols}), ${order}.`,
        ru: `Этапы взяты из столбцов с датами или отметками вкладки ${tab} (${cols}), ${order}.`,
        uk: `Етапи взято зі стовпців з датами або позначками вкладки ${tab} (${cols}), ${order}.`,
      }[lang];
    case "stageColumn":
      return {
        en: `The stages come from the column ${cols} of ${tab}, ${order}.`,
        ru: `Этапы взяты из столбца ${cols} вкладки ${tab}, ${order}.`,
        uk: `Етапи взято зі стовпця ${cols} вкладки ${tab}, ${order}.`,
      }[lang];
    default:
      return {
        en: "No tab gives funnel stages.",
        ru: "Ни одна вкладка не задаёт этапы воронки.",
        uk: "Жодна вкладка не задає етапи воронки.",
      }[lang];
  }
}
