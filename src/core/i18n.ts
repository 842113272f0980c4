/**
 * The one i18n module: the three languages Voronka speaks, how a locale picks one, and how a
 * catalog's text is looked up and filled. Every catalog is a table of `Localized` texts written
 * with `l(en, ru, uk)` (compact, which keeps the Apps Script bundle small).
 *
 * Placeholders: `{name}` is a value; `{n:one|other}` (English) or `{n:one|few|many}` (Russian,
 * Ukrainian) picks the plural form of the number n through `Intl.PluralRules`.
 */

export type Lang = "en" | "ru" | "uk";

export const LANGS: readonly Lang[] = ["en", "ru", "uk"];

export function isLang(v: unknown): v is Lang {
  return v === "en" || v === "ru" || v === "uk";
}

/** The language of a locale such as `ru_RU` or `uk-UA`; English for any other. */
export function langOf(locale: string | null | undefined): Lang {
  const l = (locale ?? "").toLowerCase();
  if (l.startsWith("ru")) return "ru";
  if (l.startsWith("uk") || l.startsWith("ua")) return "uk";
  return "en";
}

/** A text in every language. */
export type Localized = Record<Lang, string>;

/** One text in English, Russian and Ukrainian (positional: catalogs are long). */
export function l(en: string, ru: string, uk: string): Localized {
  return { en, ru, uk };
}

/** A catalog: texts by key. */
export type Catalog = Readonly<Record<string, Localized>>;

export type Vars = Record<string, string | number>;

const LOCALES: Record<Lang, string> = { en: "en-US", ru: "ru-RU", uk: "uk-UA" };

/** The BCP 47 locale a language formats numbers and dates with. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/**
 * The plural form of n among `forms`: English one|other, Russian and Ukrainian one|few|many.
 * Fractions are "other" in Russian and Ukrainian, which reads right with the last form.
 */
export function plural(lang: Lang, n: number, forms: readonly string[]): string {
  const category = new Intl.PluralRules(LOCALES[lang]).select(n);
  const i = category === "one" ? 0 : category === "few" || lang === "en" ? 1 : 2;
  return forms[Math.min(i, forms.length - 1)] ?? "";
}

/** How many plural forms a `{n:…}` placeholder lists in the language. */
export function pluralFormCount(lang: Lang): number {
  return lang === "en" ? 2 : 3;
}

const PLACEHOLDER = /\{(\w+)(?::([^}]*))?\}/g;

/** Placeholder names of a text ("{file}", "{n:a|b}" → file, n), sorted, each once. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const x of text.matchAll(PLACEHOLDER)) if (x[1]) names.add(x[1]);
  return [...names].sort();
}

/**
 * Fills the placeholders of a text. A value missing from `vars` leaves its placeholder as it
 * is; `show` turns a value into text (default: `String`).
 */
export function fill(
  text: string,
  vars: Vars,
  lang: Lang = "en",
  show: (v: string | number) => string = String,
): string {
  return text.replace(PLACEHOLDER, (m, name: string, forms?: string) => {
    const v = vars[name];
    if (forms !== undefined) return plural(lang, Number(v), forms.split("|"));
    return v === undefined ? m : show(v);
  });
}

/** The text of `key` in `lang` (English when the language lacks it), placeholders filled. */
export function translate<C extends Catalog>(
  catalog: C,
  lang: Lang,
  key: keyof C & string,
  vars?: Vars,
): string {
  const entry = catalog[key];
  const text = entry?.[lang] || entry?.en || key;
  return vars ? fill(text, vars, lang) : text;
}

/** A catalog seen from one language: `{ key: text }` (for code that reads texts as fields). */
export function inLang<K extends string>(
  catalog: Record<K, Localized>,
  lang: Lang,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(catalog) as K[]) out[key] = catalog[key][lang] || catalog[key].en;
  return out;
}
