/** Kept only for server files until they move to `./i18n` (i16-rooms is splitting them). */
export { LANGS, type Lang, type Localized, langOf as langFromLocale } from "./i18n";
