/**
 * BuildOptions.releaseRows: the model drops each tab's rows once read (the command's memory at
 * 1M rows) and must come out exactly as when the caller keeps them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateStageLog, generateWorkbook } from "../../src/generate/index";
import { buildModel } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";

/** A workbook with every kind of tab the generator makes, plus a stage log for the same deals. */
function workbook(seed: number, lang: "en" | "ru"): RawTab[] {
  const wb = generateWorkbook({
    seed,
    lang,
    reps: 2,
    months: 2,
    scale: 0.05,
    team: seed % 2 === 0,
  });
  return [...wb.tabs, { ...generateStageLog(300, seed, lang), name: "Stage log" }];
}

describe("buildModel with releaseRows", () => {
  it("gives the same model as keeping the rows, and leaves each read tab with its header only", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("en", "ru"),
        (seed, lang) => {
          const kept = workbook(seed, lang as "en" | "ru");
          const given = structuredClone(kept);
          let collected = 0;
          const a = buildModel(kept, { timeZone: "Europe/Kyiv" });
          const b = buildModel(given, {
            timeZone: "Europe/Kyiv",
            releaseRows: true,
            collect: () => collected++,
          });
          expect(b.model).toEqual(a.model);
          expect(b.mapping).toEqual(a.mapping);
          expect(collected).toBe(1);
          for (const t of a.mapping.tabs) {
            const tab = given.find((x) => x.name === t.name);
            if (!tab || !t.kind) continue;
            expect(tab.values.length).toBe(t.headerRow + 1);
            // The header row stays for whoever names the tab's columns afterwards.
            expect(tab.values[t.headerRow]).toEqual(
              kept.find((x) => x.name === t.name)?.values[t.headerRow],
            );
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it("keeps the rows when not asked, and names an unknown stage by its text once they are gone", () => {
    const log = (): RawTab => ({
      name: "Log",
      values: [
        ["Deal ID", "Stage", "Date"],
        ["D1", "Lead", new Date(Date.UTC(2026, 0, 5))],
        ["D1", "Won", new Date(Date.UTC(2026, 0, 9))],
        ["D2", "Mystery step", new Date(Date.UTC(2026, 0, 6))],
      ],
    });
    const mapping = { version: 1, stages: ["Lead", "Won"], tabs: [] };
    const tabs = [log()];
    const kept = buildModel(tabs, { timeZone: "UTC", mapping });
    expect(tabs[0]?.values).toHaveLength(4);
    const released = [log()];
    const gone = buildModel(released, { timeZone: "UTC", mapping, releaseRows: true });
    expect(released[0]?.values).toHaveLength(1);
    const unknown = (m: typeof gone) => m.model.issues.filter((i) => i.reason === "unknownStage");
    expect(unknown(kept)).toHaveLength(1);
    expect(unknown(gone)).toEqual(unknown(kept));
    expect(unknown(gone)[0]?.value).toBe("Mystery step");
  });
});
