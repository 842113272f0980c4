/**
 * Template round trip for the roles model: the tracker template's tabs, filled with its example
 * rows, give a Roles sheet whose figures equal a plain count of those rows.
 */
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/i18n";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import { rt } from "../../src/report/rolesI18n";
import type { Block } from "../../src/report/types";
import { templatePlan } from "../../src/template/plan";

describe("tracker template → Roles sheet", () => {
  it.each(LANGS)("%s: SDR and hunter figures equal a count of the template's rows", (lang) => {
    const plan = templatePlan(lang, 20_500);
    const tabs = plan.tabs.map((t) => ({ name: t.name, values: [t.header, ...t.rows] }));
    const team = plan.tabs.find((t) => t.kind === "team")!;
    const deals = plan.tabs.find((t) => t.kind === "deals")!;
    const [sdr, hunter] = team.rows.map((r) => r[0] as string);
    // Columns by the template's own header order: owner 2, stage 5, booked by 9, meetings 10–12.
    const booked = deals.rows.filter((r) => r[9] === sdr && r[10] !== "");
    const confirmed = booked.filter((r) => r[11] !== "");
    const held = booked.filter((r) => r[12] !== "");
    const wonWord = plan.stages[plan.stages.length - 1];
    const won = booked.filter((r) => r[5] === wonWord);

    const { model } = buildModel(tabs, { timeZone: "UTC" });
    const report = planReport(model, { lang, period: "month" });
    const sheet = report.sheets.find((s) => s.key === "roles");
    expect(sheet).toBeDefined();
    const sdrBlock = sheet!.blocks.find((b) => b.id === "roles.sdr") as Block;
    const row = sdrBlock.rows.find((r) => r[0] === sdr)!;
    const at = (key: Parameters<typeof rt>[1]) => row[sdrBlock.header.indexOf(rt(lang, key))];
    expect([at("booked"), at("confirmed"), at("held"), at("salesFromBooked")]).toEqual([
      booked.length,
      confirmed.length,
      held.length,
      won.length,
    ]);
    expect(at("revenueFromBooked")).toBe(won.reduce((s, r) => s + (r[6] as number), 0));

    const hunterBlock = sheet!.blocks.find((b) => b.id === "roles.hunter") as Block;
    const mine = hunterBlock.rows.filter((r) => r[1] === hunter);
    const total = mine[mine.length - 1]!;
    const owned = deals.rows.filter((r) => r[2] === hunter);
    expect(total[hunterBlock.header.indexOf(rt(lang, "held"))]).toBe(
      owned.filter((r) => r[12] !== "").length,
    );
  });
});
