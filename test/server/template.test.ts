/** The tracker template written into the fake spreadsheet by the BUILT bundle. */
import { describe, expect, it } from "vitest";
import { LANGS, type Lang } from "../../src/core/i18n";
import { FUNCTIONS } from "../../src/functions/registry";
import { detectTabs } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import type { SidebarState, TemplateResult } from "../../src/shared/wire";
import { formulaRows, formulasHeader } from "../../src/template/formulas";
import { templatePlan, templateWords } from "../../src/template/plan";
import { roleFormulaRows, roleRefs } from "../../src/template/roleFormulas";
import { createFakeServices, type FakeSheet } from "../fakes/spreadsheet";
import { callTop, loadCode } from "./dist";
import { fakeHtmlService, fakeUi } from "./gas-ui";

const LOCALE: Record<Lang, string> = { en: "en_US", ru: "ru_RU", uk: "uk_UA" };

function world(lang: Lang, sheets: Record<string, unknown[][]> = { Sheet1: [[""]] }) {
  const services = createFakeServices({ sheets, locale: LOCALE[lang], timeZone: "Europe/Kyiv" });
  const { ui, log } = fakeUi();
  (services.globals.SpreadsheetApp as Record<string, unknown>).getUi = () => ui;
  const ctx = loadCode({ ...services.globals, HtmlService: fakeHtmlService() });
  return { services, ctx, ui: log };
}

function header(sheet: FakeSheet): unknown[] {
  return sheet.snapshot()[0] ?? [];
}

describe("tracker template", () => {
  it.each(LANGS)("%s: adds the raw tabs, lists, formulas with headers in the language", (lang) => {
    const w = world(lang);
    const res = callTop(w.ctx, "createTemplate") as TemplateResult;
    const plan = templatePlan(lang, 0);
    const names = res.sheets.map((s) => s.name);
    for (const tab of plan.tabs) {
      expect(names).toContain(tab.name);
      const sheet = w.services.spreadsheet.getSheetByName(tab.name)!;
      expect(header(sheet)).toEqual(tab.header);
      expect(sheet.snapshot().length).toBe(tab.rows.length + 1);
      expect(sheet.getFrozenRows()).toBe(1);
    }
    expect(names).toContain(plan.lists.name);
    expect(names).toContain(plan.formulasName);
    // Every id the result names exists.
    for (const s of res.sheets)
      expect(w.services.spreadsheet.getSheetById(s.sheetId)?.name).toBe(s.name);
  });

  it("never touches existing tabs; a taken name gets a suffix", () => {
    const existing = {
      Calls: [
        ["my", "own"],
        [1, 2],
      ],
      Lists: [["keep me"]],
      Sheet1: [["x"]],
    };
    const w = world("en", existing);
    const before = JSON.stringify(w.services.spreadsheet.snapshot());
    w.services.r.clear();
    const res = callTop(w.ctx, "createTemplate") as TemplateResult;
    const names = res.sheets.map((s) => s.name);
    expect(names).toContain("Calls (2)");
    expect(names).toContain("Lists (2)");
    // The three original sheets: same names, same cells, still first.
    const after = w.services.spreadsheet.snapshot();
    expect(JSON.stringify(after.slice(0, 3))).toBe(before);
    // No write targeted them: every written sheet is a new one.
    const old = new Set(["Calls", "Lists", "Sheet1"]);
    for (const s of w.services.spreadsheet.sheets.slice(3)) expect(old.has(s.name)).toBe(false);
    // Running it twice adds a second set, still without touching the first.
    const again = callTop(w.ctx, "createTemplate") as TemplateResult;
    expect(again.sheets.map((s) => s.name)).toContain("Calls (3)");
    expect(JSON.stringify(w.services.spreadsheet.snapshot().slice(0, 3))).toBe(before);
  });

  it("dropdowns cover stage, rep, source and category, from the lists tab", () => {
    const w = world("ru");
    callTop(w.ctx, "createTemplate");
    const plan = templatePlan("ru", 0);
    for (const tab of plan.tabs) {
      const sheet = w.services.spreadsheet.getSheetByName(tab.name)!;
      for (const d of tab.dropdowns) {
        const rule = sheet.getRange(2, d.col + 1).getDataValidation();
        expect(rule, `${tab.name} column ${d.col + 1}`).not.toBeNull();
        expect(rule!.spec.kind).toBe("range");
        expect(String(rule!.spec.values[0])).toContain(`'${plan.lists.name}'!`);
      }
    }
    const lists = w.services.spreadsheet.getSheetByName(plan.lists.name)!.snapshot();
    const col = (key: string) => plan.lists.columns.findIndex((c) => c.key === key);
    expect(
      lists
        .slice(1)
        .map((r) => r[col("stage")])
        .filter((v) => v !== ""),
    ).toEqual([...plan.stages, "Отказ"]);
  });

  it("uses few service calls: one setValues per block", () => {
    const w = world("en");
    w.services.r.clear();
    callTop(w.ctx, "createTemplate");
    const counts = w.services.r.counts();
    const plan = templatePlan("en", 0);
    const blocks = plan.tabs.length + 3; // raw tabs, lists, formulas, settings
    expect(counts["Range.setValues"]).toBe(blocks);
    expect(counts["Range.setValue"] ?? 0).toBe(0);
    expect(counts["Range.getValues"] ?? 0).toBe(0);
  });

  it("the formulas sheet has a live formula for every custom function", () => {
    const w = world("uk");
    callTop(w.ctx, "createTemplate");
    const plan = templatePlan("uk", 0);
    const sheet = w.services.spreadsheet.getSheetByName(plan.formulasName)!;
    const rows = sheet.snapshot();
    expect(rows[0]).toEqual(["Функція", "Що робить", "Формула", "Результат", "Очікується"]);
    const body = rows.slice(1, 1 + FUNCTIONS.length);
    expect(body.map((r) => r[0])).toEqual(FUNCTIONS.map((f) => f.name));
    const formulas = sheet.getRange(2, 1, body.length, 5).getFormulas();
    body.forEach((r, i) => {
      // The shown formula is text (read back as written); the live one is a formula.
      expect(String(r[2]).startsWith(`=${r[0]}(`)).toBe(true);
      expect(formulas[i]!.slice(0, 3)).toEqual(["", "", ""]);
      expect(formulas[i]![3]!.startsWith(`=${r[0]}(`)).toBe(true);
    });
    // Then one example per role (SDR, hunter, farmer), each a live formula of a custom function.
    const roles = rows.slice(1 + FUNCTIONS.length);
    expect(roles.map((r) => String(r[0]).split(" · ")[0])).toEqual([
      "Лідоруб",
      "Лідоруб",
      "Хантер",
      "Фермер",
    ]);
    const live = sheet.getRange(2 + FUNCTIONS.length, 4, roles.length, 1).getFormulas();
    roles.forEach((r, i) => {
      expect(live[i]![0]!.startsWith(`=${String(r[0]).split(" · ")[1]}(`)).toBe(true);
    });
  });

  it.each(LANGS)("%s: the bundle's formulas sheet is the whole registry's rows", (lang) => {
    // The bundle carries a slim copy of the registry (scripts/build.ts): same rows, same text.
    const w = world(lang);
    callTop(w.ctx, "createTemplate");
    const plan = templatePlan(lang, 0);
    const tab = (kind: string) => plan.tabs.find((t) => t.kind === kind)!.name;
    const rows = formulaRows(FUNCTIONS, lang, {
      calls: tab("calls"),
      deals: tab("deals"),
      stageLog: tab("stageLog"),
      lists: plan.lists.name,
      stages: plan.stages,
    });
    const roles = roleFormulaRows(lang, {
      calls: tab("calls"),
      deals: tab("deals"),
      ...roleRefs(plan),
    });
    const all = [...rows, ...roles];
    const sheet = w.services.spreadsheet.getSheetByName(plan.formulasName)!;
    expect(sheet.snapshot()).toEqual([
      formulasHeader(lang),
      ...all.map((r) => [r.name, r.summary, r.shown, r.live ? "#FORMULA" : "", r.expected]),
    ]);
    expect(sheet.getRange(2, 4, all.length, 1).getFormulas()).toEqual(all.map((r) => [r.live]));
  });

  it.each(LANGS)("%s: detectTabs sees every raw tab as its kind; the lists tab is off", (lang) => {
    const w = world(lang);
    callTop(w.ctx, "createTemplate");
    const plan = templatePlan(lang, 0);
    const raw: RawTab[] = plan.tabs.map((t) => ({
      name: t.name,
      values: w.services.spreadsheet.getSheetByName(t.name)!.snapshot(),
    }));
    const found = detectTabs(raw);
    expect(found.map((d) => [d.tab, d.kind])).toEqual(plan.tabs.map((t) => [t.name, t.kind]));
    // Through the add-on: the sidebar sees the same kinds, the lists tab switched off in the
    // settings tab, and a model with deals, calls, time, plans and grades.
    const state = callTop(w.ctx, "sidebarState", "") as SidebarState;
    const kinds = Object.fromEntries(state.tabs.map((t) => [t.name, t.kind]));
    for (const t of plan.tabs) expect(kinds[t.name]).toBe(t.kind);
    expect(kinds[plan.lists.name]).toBeNull();
    expect(kinds[plan.formulasName] ?? null).toBeNull();
    expect(state.stages).toEqual(plan.stages);
    expect(state.reps).toEqual([...templateWords(lang).rep].sort((a, b) => a.localeCompare(b)));
  });

  it("the menu item adds the template and opens its first tab", () => {
    const w = world("en");
    callTop(w.ctx, "createTrackerTemplate");
    expect(w.services.spreadsheet.active?.name).toBe("Calls");
    expect(w.services.spreadsheet.toasts).toHaveLength(1);
  });
});
