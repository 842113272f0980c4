/** The add-on's own sheets: the settings tab and report sheets, never read as raw data. */
import type { RawTab } from "./types";

/** The settings tab's name in each language (English is the default). */
export const SETTINGS_SHEET_NAMES: Record<"en" | "ru" | "uk", string> = {
  en: "Voronka settings",
  ru: "Настройки Voronka",
  uk: "Налаштування Voronka",
};
/** The first cell of the settings tab (its marker, whatever the tab is called). */
export const SETTINGS_MARKER = "Voronka settings";

/** The add-on's own sheets by name: the settings tab and report sheets renamed "… (Voronka)". */
export function isOwnSheetName(name: string): boolean {
  const k = name.trim().toLowerCase();
  if (/\(voronka(?: \d+)?\)$/.test(k)) return true;
  if (!k.includes("voronka")) return false;
  return /settings|настройки|налаштування/.test(k);
}

/** A tab whose first cell is the settings marker. */
export function isSettingsTab(tab: RawTab): boolean {
  const first = tab.values[0]?.[0];
  return typeof first === "string" && first.trim() === SETTINGS_MARKER;
}
