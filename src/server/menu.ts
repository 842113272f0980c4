/**
 * The add-on menu. `onOpen` runs in AuthMode.NONE for a document where the add-on is installed
 * but not yet used: it may only build the menu, so it touches nothing but `getUi()` (and reads
 * the user's locale inside a try, falling back to English).
 */
import { type Lang, langFromLocale } from "../core/lang";

const MENU: Record<Lang, { sidebar: string; template: string; help: string }> = {
  en: { sidebar: "Open sidebar", template: "Create tracker template", help: "Formula help" },
  ru: {
    sidebar: "Открыть панель",
    template: "Создать шаблон трекера",
    help: "Справка по формулам",
  },
  uk: {
    sidebar: "Відкрити панель",
    template: "Створити шаблон трекера",
    help: "Довідка з формул",
  },
};

/** The menu items: label key → the top-level function it calls. */
export const MENU_ITEMS = [
  { key: "sidebar", fn: "showSidebar" },
  { key: "template", fn: "createTrackerTemplate" },
  { key: "help", fn: "showFormulaHelp" },
] as const;

function menuLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch (_e) {
    return "en";
  }
}

export function menuLabels(lang: Lang): { sidebar: string; template: string; help: string } {
  return MENU[lang];
}

export function onOpen(_e?: unknown): void {
  const labels = MENU[menuLang()];
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu = menu.addItem(labels[item.key], item.fn);
  menu.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}
