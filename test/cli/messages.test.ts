/** The command's message catalog: every key in every language, with the same placeholders. */
import { describe, expect, it } from "vitest";
import { MESSAGES, message, placeholders } from "../../src/cli/messages";
import { LANGS } from "../../src/core/lang";

describe("message catalog", () => {
  it("every key exists in en, ru and uk with the same placeholders", () => {
    for (const [key, byLang] of Object.entries(MESSAGES)) {
      const want = placeholders(byLang.en);
      for (const lang of LANGS) {
        const text = (byLang as Record<string, string>)[lang];
        expect(typeof text, `${key}.${lang}`).toBe("string");
        expect(text.trim(), `${key}.${lang}`).not.toBe("");
        expect(placeholders(text), `${key}.${lang}`).toEqual(want);
      }
    }
  });

  it("plural forms: English two, Russian and Ukrainian three, each picked by the number", () => {
    for (const [key, byLang] of Object.entries(MESSAGES)) {
      for (const lang of LANGS) {
        const text = (byLang as Record<string, string>)[lang];
        for (const x of text.matchAll(/\{\w+:([^}]*)\}/g)) {
          expect(x[1].split("|").length, `${key}.${lang}`).toBe(lang === "en" ? 2 : 3);
        }
      }
    }
    expect(message("en", "filesCount", { n: 1 })).toBe("1 file");
    expect(message("en", "filesCount", { n: 3 })).toBe("3 files");
    expect(message("ru", "filesCount", { n: 1 })).toBe("1 файл");
    expect(message("ru", "filesCount", { n: 3 })).toBe("3 файла");
    expect(message("ru", "filesCount", { n: 5 })).toBe("5 файлов");
    expect(message("uk", "filesCount", { n: 22 })).toBe("22 файли");
    expect(message("uk", "filesCount", { n: 11 })).toBe("11 файлів");
  });

  it("numbers in the language's format; values on one line, without control characters", () => {
    expect(message("en", "tooManyRows", { max: 3_000_000 })).toContain("3,000,000");
    expect(message("ru", "tooManyRows", { max: 3_000_000 })).toContain("3\u00a0000\u00a0000");
    expect(message("en", "noSuchFile", { file: "a\nb\x1b[2J\x07.csv" })).toBe(
      "a b.csv: no such file",
    );
  });
});
