/** The menu's sidebar and formula-help dialog: dist/sidebar.html in the user's language. */
import type { Lang } from "../core/i18n";
import { userLang } from "./call";
import { helpTitle, TITLE } from "./messages";

/** dist/sidebar.html with the language and the view filled in. */
export function sidebarHtml(view: "sidebar" | "help", lang: Lang): string {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").getContent();
  return html
    .replace('<html lang="en">', `<html lang="${lang}">`)
    .replace('<body data-view="sidebar">', `<body data-view="${view}">`);
}

/** HtmlService drops <meta> tags written in the HTML: the viewport is set on the output. */
function servedHtml(view: "sidebar" | "help", lang: Lang): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(sidebarHtml(view, lang)).addMetaTag(
    "viewport",
    "width=device-width, initial-scale=1",
  );
}

export function showSidebar(): void {
  const lang = userLang(SpreadsheetApp.getActiveSpreadsheet());
  const out = servedHtml("sidebar", lang).setTitle(TITLE[lang]);
  SpreadsheetApp.getUi().showSidebar(out);
}

export function showFormulaHelp(): void {
  const lang = userLang(SpreadsheetApp.getActiveSpreadsheet());
  const out = servedHtml("help", lang).setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModelessDialog(out, helpTitle(lang));
}
