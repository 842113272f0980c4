/** The three languages Voronka speaks, chosen from a locale such as `ru_RU` or `uk-UA`. */
export type Lang = "en" | "ru" | "uk";

export const LANGS: readonly Lang[] = ["en", "ru", "uk"];

export function langFromLocale(locale: string | null | undefined): Lang {
  const l = (locale ?? "").toLowerCase();
  if (l.startsWith("ru")) return "ru";
  if (l.startsWith("uk") || l.startsWith("ua")) return "uk";
  return "en";
}

/** A text in every language. */
export type Localized = Record<Lang, string>;
