import { describe, expect, it } from "vitest";
import { ENTRY_POINTS } from "../../src/server/entrypoints";
import { callTop, loadCode } from "./dist";
import { fakeUi, recording } from "./gas-ui";

/**
 * onOpen in AuthMode.NONE: the context holds only SpreadsheetApp (whose only member is getUi)
 * and Session, both recording every read. Touching anything else throws.
 */
function noneModeContext(locale: string | (() => string)) {
  const { ui, log } = fakeUi();
  const seen: string[] = [];
  const SpreadsheetApp = recording(
    { getUi: () => recording(ui, seen, "Ui") },
    seen,
    "SpreadsheetApp",
  );
  const Session = recording(
    {
      getActiveUserLocale: () => (typeof locale === "function" ? locale() : locale),
    },
    seen,
    "Session",
  );
  const ctx = loadCode({ SpreadsheetApp, Session });
  return { ctx, log, seen };
}

describe("menu", () => {
  it("onOpen adds only the add-on menu, with three items", () => {
    const { ctx, log, seen } = noneModeContext("en_US");
    callTop(ctx, "onOpen", { authMode: "NONE" });
    expect(log.calls).toEqual(["createAddonMenu", "menu.addToUi"]);
    expect(log.menus).toHaveLength(1);
    expect(log.menus[0]).toMatchObject({ kind: "addon", added: true });
    expect(log.menus[0]!.items).toEqual([
      { label: "Open sidebar", fn: "showSidebar" },
      { label: "Create tracker template", fn: "createTrackerTemplate" },
      { label: "Formula help", fn: "showFormulaHelp" },
    ]);
    expect(seen).toEqual([
      "Session.getActiveUserLocale",
      "SpreadsheetApp.getUi",
      "Ui.createAddonMenu",
    ]);
  });

  it("menu items call top-level functions the bundle defines", () => {
    const { ctx, log } = noneModeContext("en");
    callTop(ctx, "onOpen");
    const names = new Set(ENTRY_POINTS.map((e) => e.name));
    for (const item of log.menus[0]!.items) {
      expect(names.has(item.fn)).toBe(true);
      expect(typeof ctx[item.fn]).toBe("function");
    }
  });

  it("labels follow the user's locale", () => {
    const ru = noneModeContext("ru_RU");
    callTop(ru.ctx, "onOpen");
    expect(ru.log.menus[0]!.items.map((i) => i.label)).toEqual([
      "Открыть панель",
      "Создать шаблон трекера",
      "Справка по формулам",
    ]);
    const uk = noneModeContext("uk");
    callTop(uk.ctx, "onOpen");
    expect(uk.log.menus[0]!.items[0]!.label).toBe("Відкрити панель");
  });

  it("falls back to English when the locale cannot be read", () => {
    const { ctx, log } = noneModeContext(() => {
      throw new Error("Authorization is required to perform that action.");
    });
    callTop(ctx, "onOpen", { authMode: "NONE" });
    expect(log.menus[0]!.items[0]!.label).toBe("Open sidebar");
  });

  it("onInstall builds the same menu", () => {
    const { ctx, log } = noneModeContext("en");
    callTop(ctx, "onInstall", { authMode: "FULL" });
    expect(log.menus).toHaveLength(1);
    expect(log.menus[0]!.items).toHaveLength(3);
  });

  it("every entry point is a real top-level function with its parameters", () => {
    const { ctx } = noneModeContext("en");
    for (const ep of ENTRY_POINTS) {
      const fn = ctx[ep.name];
      expect(typeof fn, ep.name).toBe("function");
      expect((fn as (...a: unknown[]) => unknown).length, ep.name).toBe(ep.params.length);
    }
  });
});
