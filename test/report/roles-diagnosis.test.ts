/** The Roles sheet's diagnosis on generated workbooks with planted situations, and its labels. */
import { describe, expect, it } from "vitest";
import type { RolesLang } from "../../src/generate/roles";
import { buildModel } from "../../src/model/index";
import { t } from "../../src/report/i18n";
import { planReport } from "../../src/report/plan";
import { rt } from "../../src/report/rolesI18n";
import type { Block } from "../../src/report/types";
import { block, dayOf, independent, month, report } from "./roles-support";

describe("diagnosis", () => {
  const names = (lang: RolesLang) =>
    Object.fromEntries(
      (["fewBooked", "bookedNotHeld", "heldNotPaid"] as const).map((s) => [
        rt(lang, `sit.${s}`),
        s,
      ]),
    );

  for (const [lang, seed] of [
    ["ru", 1],
    ["uk", 2],
    ["en", 5],
  ] as const) {
    it(`names each planted situation for the right SDR and only that (${lang}, seed ${seed})`, () => {
      const { wb, plan } = report(lang, seed);
      const b = block(plan, "roles.diagnosis") as Block;
      const sit = names(lang);
      const found = new Map<string, string[]>();
      for (const r of b.rows) {
        const s = sit[r[1] as string];
        found.set(r[0] as string, [...(found.get(r[0] as string) ?? []), ...(s ? [s] : [])]);
      }
      for (const p of wb.expected.planted) expect(found.get(p.sdr)).toEqual([p.situation]);
      expect(found.get(wb.expected.sdrs[3] as string)).toEqual([]);
      // The team's own numbers may show a situation only where one was planted.
      const planted = new Set(wb.expected.planted.map((p) => p.situation));
      for (const s of found.get(t(lang, "team")) ?? []) expect(planted).toContain(s);
      // Compared: the planted month (the one before the last), by its label on the sheet.
      const byPeriod = block(plan, "roles.sdrByPeriod") as Block;
      const labels = [...new Set(byPeriod.rows.map((r) => String(r[0])))];
      expect(b.title).toContain(labels[labels.length - 2]);
    });
  }

  it("names nothing when nothing was planted", () => {
    const { plan } = report("ru", 4, -1);
    const b = block(plan, "roles.diagnosis") as Block;
    expect(new Set(b.rows.map((r) => r[1]))).toEqual(new Set([rt("ru", "sit.none")]));
  });

  it("lists the held-but-lost deals booked by the SDR with few payments: the latest held 10", () => {
    const seed = 1;
    const { wb, plan } = report("ru", seed);
    const { deals, cols } = independent("ru", seed);
    const sdr = wb.expected.planted.find((p) => p.situation === "heldNotPaid")?.sdr;
    // Held (by the data's last day) and lost, booked in the planted month.
    const lost = deals.filter(
      (d) =>
        (d[cols.bookedBy] || d[cols.owner]) === sdr &&
        month(d[cols.booked]) === wb.expected.plantMonth &&
        d[cols.held] instanceof Date &&
        d[cols.status] === "Отказ",
    );
    const want = lost
      // The latest held first, then the latest booked, then by id.
      .sort(
        (x, y) =>
          dayOf(y[cols.held]) - dayOf(x[cols.held]) ||
          dayOf(y[cols.booked]) - dayOf(x[cols.booked]) ||
          (String(x["ID сделки"]) < String(y["ID сделки"]) ? -1 : 1),
      )
      .slice(0, 10)
      .map((d) => d["ID сделки"]);
    const b = block(plan, "roles.listen") as Block;
    expect(b.rows.filter((r) => r[0] === sdr).map((r) => r[1])).toEqual(want);
    expect(lost.length).toBeGreaterThan(10); // more than the list shows
    // The diagnosis says how many there are in all.
    const line = (block(plan, "roles.diagnosis") as Block).rows.find(
      (r) => r[0] === sdr && String(r[2]).includes("Проведены и проиграны"),
    );
    expect(String(line?.[2])).toContain(`Проведены и проиграны: ${lost.length}`);
  });
});

describe("labels", () => {
  it.each([
    ["en", "Roles", "SDR"],
    ["ru", "Роли", "Лидоруб"],
    ["uk", "Ролі", "Лідоруб"],
  ] as const)("%s: the sheet is “%s” and its first table is by %s", (lang, name, first) => {
    const { plan } = report(lang, 2);
    const sheet = plan.sheets.find((s) => s.key === "roles");
    expect(sheet?.name).toBe(name);
    expect(sheet?.blocks[0]?.header[0]).toBe(first);
    expect(sheet?.blocks.map((x) => x.id)).toEqual([
      "roles.sdr",
      "roles.sdrByPeriod",
      "roles.daily",
      "roles.sources",
      "roles.hunter",
      "roles.farmer",
      "roles.diagnosis",
      "roles.listen",
    ]);
  });

  it("a workbook without a team tab or a booked-by column has no Roles sheet", () => {
    const { wb } = report("en", 1);
    const { model } = buildModel(
      [wb.tabs[1] as never, wb.tabs[2] as never].map(
        (t: { name: string; values: unknown[][] }) => ({
          name: t.name,
          values: t.values.map((r) => r.filter((_, i) => t.name !== "Deals" || i !== 3)),
        }),
      ),
      { timeZone: "UTC" },
    );
    const plan = planReport(model, { lang: "en", period: "month" });
    expect(plan.sheets.map((s) => s.key)).not.toContain("roles");
  });
});
