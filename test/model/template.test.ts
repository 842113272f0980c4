/** The tracker template's tabs (src/template) are recognised as the kinds they are made for. */
import { describe, expect, it } from "vitest";
import { buildModel, detectTabs } from "../../src/model/index";
import { templatePlan } from "../../src/template/plan";

describe("tracker template tabs", () => {
  for (const lang of ["en", "ru", "uk"] as const) {
    it(`are detected as their kinds (${lang}) with the template's stage order`, () => {
      const plan = templatePlan(lang, 20_500);
      const tabs = plan.tabs.map((t) => ({ name: t.name, values: [t.header, ...t.rows] }));
      const det = detectTabs(tabs);
      for (const t of plan.tabs)
        expect(det.find((d) => d.tab === t.name)?.kind ?? null).toBe(t.kind);
      const { model } = buildModel(tabs, { timeZone: "UTC" });
      expect(model.stages).toEqual(plan.stages);
      expect(model.issues).toEqual([]);
    });
  }
});
