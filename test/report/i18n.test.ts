import { describe, expect, it } from "vitest";
import { LABELS, t } from "../../src/report/i18n";

describe("report labels", () => {
  it("every label exists in en, ru and uk with the same placeholders", () => {
    for (const [key, loc] of Object.entries(LABELS)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of ["en", "ru", "uk"] as const) {
        expect(loc[lang].trim(), `${key}.${lang}`).not.toBe("");
        expect(names(loc[lang]), `${key}.${lang}`).toEqual(names(loc.en));
      }
    }
  });

  it("fills placeholders", () => {
    expect(t("uk", "build.write", { name: "Воронка" })).toBe("Запис «Воронка»");
    expect(t("en", "longCalls", { sec: 45 })).toBe("Calls ≥ 45 s");
  });
});
