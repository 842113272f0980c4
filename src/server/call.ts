/**
 * One call from the sidebar or the menu: the active spreadsheet, the user's language and the
 * settings tab (read once), and `rpc(handler)`, the wrapper every entry point runs in.
 * Arguments arrive as JSON strings; results are plain JSON values (dates as ISO strings, never a
 * `Date`: Apps Script cannot return one to the client).
 */
import { readSettings, type StoredSettings } from "../adapters/sheets/settings";
import { type Lang, langOf } from "../core/i18n";
import { cleanMapping, type WorkbookMapping } from "../model/index";
import { cleanSettings } from "../shared/settings";
import type { SidebarSettings } from "../shared/wire";
import { fail, type GenericFailure, userMessage } from "./errors";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Saved {
  stored: StoredSettings | null;
  mapping: WorkbookMapping | null;
  sidebar: SidebarSettings;
}

export interface Call {
  readonly ss: Spreadsheet;
  /** The language failures are told in; a handler sets it once the request names one. */
  lang: Lang;
  /** The settings tab, read once per call. */
  saved(): Saved;
}

function spreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) fail("noSpreadsheet", "en");
  return ss;
}

export function localeLang(ss: Spreadsheet | null): Lang {
  let locale = "";
  try {
    locale = Session.getActiveUserLocale() ?? "";
  } catch (_) {
    locale = "";
  }
  if (!locale && ss) {
    try {
      locale = ss.getSpreadsheetLocale() ?? "";
    } catch (_) {
      locale = "";
    }
  }
  return langOf(locale);
}

function savedSettings(ss: Spreadsheet): Saved {
  const stored = readSettings(ss);
  return {
    stored,
    mapping: cleanMapping(stored?.mapping),
    sidebar: cleanSettings(stored?.sidebar),
  };
}

/** A call on `ss`; its language: the one chosen in the sidebar, else the user's locale, else the sheet's. */
export function openCall(ss: Spreadsheet): Call {
  let saved: Saved | undefined;
  const call: Call = { ss, lang: "en", saved: () => (saved ??= savedSettings(ss)) };
  let chosen: Lang | undefined;
  try {
    chosen = call.saved().sidebar.lang;
  } catch (_) {
    // unreadable settings: fall back to the locale
  }
  call.lang = chosen ?? localeLang(ss);
  return call;
}

/** The user's language where there may be no spreadsheet (a menu item). */
export function userLang(ss: Spreadsheet | null): Lang {
  return ss ? openCall(ss).lang : localeLang(null);
}

/**
 * Wraps an entry point: opens the call, runs `handler`, and turns any failure into one sentence
 * in the user's language (see errors.ts).
 */
export function rpc<A extends unknown[], T>(
  handler: (call: Call, ...args: A) => T,
  generic: GenericFailure = "failed",
): (...args: A) => T {
  return (...args: A): T => {
    let call: Call | null = null;
    try {
      call = openCall(spreadsheet());
      return handler(call, ...args);
    } catch (e) {
      throw new Error(userMessage(e, call?.lang ?? "en", generic));
    }
  };
}

export function parseJson<T>(json: unknown, lang: Lang): T | null {
  if (json === undefined || json === null || json === "") return null;
  if (typeof json !== "string") fail("badRequest", lang);
  try {
    return JSON.parse(json) as T;
  } catch (_) {
    fail("badRequest", lang);
  }
}

export function timeZoneOf(ss: Spreadsheet): string {
  try {
    return ss.getSpreadsheetTimeZone() || "UTC";
  } catch (_) {
    return "UTC";
  }
}
