/**
 * The one i18n module, and the one test every catalog passes: every key in every language, no
 * empty text, the same placeholders, plural forms the language needs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KIND_LABELS, SIDEBAR_TEXTS } from "../../sidebar/i18n";
import { BUDGET_TEXTS } from "../../src/adapters/sheets/budget";
import {
  EXPLAIN_KINDS,
  EXPLAIN_REASONS,
  EXPLAIN_REFERENCES,
  EXPLAIN_WORDS,
} from "../../src/cli/explain";
import { MESSAGES as CLI_MESSAGES } from "../../src/cli/messages";
import {
  type Catalog,
  fill,
  isLang,
  LANGS,
  type Localized,
  l,
  langOf,
  placeholders,
  plural,
  pluralFormCount,
  translate,
} from "../../src/core/i18n";
import { ERROR_PLACES, FUNCTION_ERRORS } from "../../src/functions/errors";
import { funnelHeaders } from "../../src/functions/funnel";
import { FUNCTIONS } from "../../src/functions/registry";
import { reverseFunnelHeaders } from "../../src/functions/required";
import { FIELD_LABELS } from "../../src/model/fields";
import { STAGE_ORDER_TEXTS, STAGE_SOURCE_TEXTS } from "../../src/model/stageSource";
import { LABELS } from "../../src/report/i18n";
import { ROLE_LABELS } from "../../src/report/rolesI18n";
import { MENU_LABELS } from "../../src/server/menu";
import { MESSAGES as SERVER_MESSAGES, TITLE } from "../../src/server/messages";
import { FORMULAS_HEADERS, FORMULAS_OFFLINE_NOTE } from "../../src/template/formulas";
import { TEMPLATE_WORDS } from "../../src/template/plan";
import { ROLE_FORMULA_TEXTS } from "../../src/template/roleFormulas";

/** The custom functions' help (summaries, parameters, results, example notes) as one catalog. */
function functionHelp(): Catalog {
  const out: Record<string, Localized> = {};
  for (const fn of FUNCTIONS) {
    out[`${fn.name}.summary`] = fn.summary;
    out[`${fn.name}.returns`] = fn.returns.description;
    for (const p of fn.params) out[`${fn.name}.${p.name}`] = p.description;
    fn.examples.forEach((x, i) => {
      if (x.note) out[`${fn.name}.example${i}`] = x.note;
    });
  }
  return out;
}

/** Every catalog of the product; `lists` marks those whose texts are "|"-separated items. */
const CATALOGS: { name: string; catalog: Catalog; lists?: boolean }[] = [
  { name: "report labels", catalog: LABELS },
  { name: "Roles sheet labels", catalog: ROLE_LABELS },
  { name: "report size limits", catalog: BUDGET_TEXTS },
  { name: "custom function errors", catalog: FUNCTION_ERRORS },
  { name: "custom function error places", catalog: ERROR_PLACES },
  { name: "FUNNEL headers", catalog: funnelHeaders() },
  { name: "REVERSE_FUNNEL headers", catalog: reverseFunnelHeaders() },
  { name: "template words", catalog: TEMPLATE_WORDS, lists: true },
  { name: "template formulas headers", catalog: FORMULAS_HEADERS },
  { name: "offline template note", catalog: FORMULAS_OFFLINE_NOTE },
  { name: "template role formulas", catalog: ROLE_FORMULA_TEXTS },
  { name: "custom function help", catalog: functionHelp() },
  { name: "server messages", catalog: { ...SERVER_MESSAGES, title: TITLE } },
  { name: "menu", catalog: MENU_LABELS },
  { name: "command-line messages", catalog: CLI_MESSAGES },
  { name: "--explain words", catalog: EXPLAIN_WORDS },
  { name: "--explain kinds", catalog: EXPLAIN_KINDS },
  { name: "--explain reference tables", catalog: EXPLAIN_REFERENCES },
  { name: "--explain passed-over reasons", catalog: EXPLAIN_REASONS },
  { name: "stage source sentences", catalog: STAGE_SOURCE_TEXTS },
  { name: "stage order phrases", catalog: STAGE_ORDER_TEXTS },
  { name: "sidebar texts", catalog: SIDEBAR_TEXTS },
  { name: "sidebar tab kinds", catalog: KIND_LABELS },
  { name: "field labels", catalog: FIELD_LABELS },
];

/** The forms of every `{n:a|b|c}` placeholder of a text. */
function pluralForms(text: string): string[][] {
  return [...text.matchAll(/\{\w+:([^}]*)\}/g)].map((m) => (m[1] ?? "").split("|"));
}

describe("every catalog", () => {
  it.each(CATALOGS)(
    "$name: every key in en, ru and uk, with the same placeholders",
    ({ catalog, lists }) => {
      expect(Object.keys(catalog).length).toBeGreaterThan(0);
      for (const [key, texts] of Object.entries(catalog)) {
        const want = placeholders(texts.en);
        for (const lang of LANGS) {
          const text = texts[lang];
          expect(typeof text, `${key}.${lang}`).toBe("string");
          expect(text.trim(), `${key}.${lang}`).not.toBe("");
          expect(placeholders(text), `${key}.${lang}`).toEqual(want);
          for (const forms of pluralForms(text)) {
            expect(forms.length, `${key}.${lang} plural forms`).toBe(pluralFormCount(lang));
          }
          if (lists) {
            expect(text.split("|").length, `${key}.${lang} items`).toBe(texts.en.split("|").length);
          }
        }
      }
    },
  );
});

describe("i18n", () => {
  it("picks the language of a locale, English for any other", () => {
    expect(langOf("ru_RU")).toBe("ru");
    expect(langOf("uk-UA")).toBe("uk");
    expect(langOf("ua")).toBe("uk");
    expect(langOf("de_DE")).toBe("en");
    expect(langOf(undefined)).toBe("en");
    expect(isLang("uk")).toBe(true);
    expect(isLang("UK")).toBe(false);
    expect(isLang(null)).toBe(false);
  });

  it("fills placeholders, keeps unknown ones, never re-reads a filled value", () => {
    expect(fill("{a} and {b}", { a: "{b}", b: 2 })).toBe("{b} and 2");
    expect(fill("{missing}", {})).toBe("{missing}");
  });

  it("falls back to English for a text a language lacks", () => {
    const catalog = { only: { en: "hello", ru: "", uk: "" } };
    expect(translate(catalog, "ru", "only")).toBe("hello");
    expect(translate({ x: l("{n} {n:file|files}", "", "") }, "uk", "x", { n: 2 })).toBe("2 files");
  });

  it("plural forms by the classic Russian and Ukrainian rule (one / few / many)", () => {
    // The rule as grammars state it, written out independently of Intl.PluralRules.
    const classic = (n: number) => {
      const [m10, m100] = [n % 10, n % 100];
      if (m10 === 1 && m100 !== 11) return 0;
      if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 1;
      return 2;
    };
    const forms = ["one", "few", "many"];
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.constantFrom("ru" as const, "uk" as const), (n, lang) => {
        expect(plural(lang, n, forms)).toBe(forms[classic(n)]);
      }),
    );
    fc.assert(
      fc.property(fc.nat(1_000_000), (n) => {
        expect(plural("en", n, ["one", "other"])).toBe(n === 1 ? "one" : "other");
      }),
    );
  });
});
