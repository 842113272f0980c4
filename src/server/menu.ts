/**
 * The add-on menu. `onOpen` runs in AuthMode.NONE for a document where the add-on is installed
 * but not yet used: it may only build the menu, so it touches nothing but `getUi()` (and reads
 * the user's locale inside a try, falling back to English).
 */
import { type Lang, l, langOf, translate } from "../core/i18n";

/** The menu's items, by the key of MENU_ITEMS. */
export const MENU_LABELS = {
  sidebar: l("Open sidebar", "Открыть панель", "Відкрити панель"),
  template: l("Create tracker template", "Создать шаблон трекера", "Створити шаблон трекера"),
  help: l("Formula help", "Справка по формулам", "Довідка з формул"),
};

/** The menu items: label key → the top-level function it calls. */
export const MENU_ITEMS = [
  { key: "sidebar", fn: "showSidebar" },
  { key: "template", fn: "createTrackerTemplate" },
  { key: "help", fn: "showFormulaHelp" },
] as const;

function menuLang(): Lang {
  try {
    return langOf(Session.getActiveUserLocale());
  } catch (_e) {
    return "en";
  }
}

export function onOpen(_e?: unknown): void {
  const lang = menuLang();
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS)
    menu = menu.addItem(translate(MENU_LABELS, lang, item.key), item.fn);
  menu.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}
