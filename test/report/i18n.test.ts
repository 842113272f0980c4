import { describe, expect, it } from "vitest";
import { t } from "../../src/report/i18n";

describe("report labels", () => {
  it("fills placeholders", () => {
    expect(t("uk", "build.write", { name: "Воронка" })).toBe("Запис «Воронка»");
    expect(t("en", "longCalls", { sec: 45 })).toBe("Calls ≥ 45 s");
  });
});
