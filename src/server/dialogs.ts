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

export function showSidebar(): void {
  const lang = userLang(SpreadsheetApp.getActiveSpreadsheet());
  const out = HtmlService.createHtmlOutput(sidebarHtml("sidebar", lang)).setTitle(TITLE[lang]);
  SpreadsheetApp.getUi().showSidebar(out);
}

export function showFormulaHelp(): void {
  const lang = userLang(SpreadsheetApp.getActiveSpreadsheet());
  const out = HtmlService.createHtmlOutput(sidebarHtml("help", lang)).setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModelessDialog(out, helpTitle(lang));
}
