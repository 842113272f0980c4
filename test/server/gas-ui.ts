/**
 * Fakes of the Apps Script UI services the add-on's menu, sidebar and dialogs use: Ui (menus,
 * sidebars, dialogs, alerts), HtmlService (HtmlOutput from dist/ files) and Session. They record
 * every call so tests can assert what the add-on did.
 */
import { readDist } from "./dist";

export interface MenuRecord {
  kind: "addon" | "menu";
  caption?: string;
  items: { label: string; fn: string }[];
  separators: number;
  added: boolean;
}

export interface UiLog {
  menus: MenuRecord[];
  sidebars: { html: string; title: string; metaTags: MetaTag[] }[];
  dialogs: {
    html: string;
    title: string;
    width?: number;
    height?: number;
    metaTags: MetaTag[];
  }[];
  alerts: string[];
  /** Every method called on the Ui object, in order. */
  calls: string[];
}

export interface MetaTag {
  name: string;
  content: string;
}

/** The names HtmlOutput.addMetaTag accepts; any other throws in Apps Script. */
const META_NAMES = [
  "apple-mobile-web-app-capable",
  "google-site-verification",
  "mobile-web-app-capable",
  "viewport",
];

export class FakeHtmlOutput {
  title = "";
  metaTags: MetaTag[] = [];
  width?: number;
  height?: number;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(c: string): this {
    this.content = c;
    return this;
  }
  append(c: string): this {
    this.content += c;
    return this;
  }
  setTitle(t: string): this {
    this.title = t;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(w: number): this {
    this.width = w;
    return this;
  }
  setHeight(h: number): this {
    this.height = h;
    return this;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  addMetaTag(name: string, content: string): this {
    if (!META_NAMES.includes(name)) throw new Error(`Invalid argument: name (${name})`);
    this.metaTags.push({ name, content });
    return this;
  }
}

class FakeMenu {
  constructor(
    private log: UiLog,
    private rec: MenuRecord,
  ) {}
  addItem(label: string, fn: string): this {
    this.rec.items.push({ label, fn });
    return this;
  }
  addSeparator(): this {
    this.rec.separators++;
    return this;
  }
  addSubMenu(): this {
    return this;
  }
  addToUi(): void {
    this.rec.added = true;
    this.log.calls.push("menu.addToUi");
  }
}

export function fakeUi(): { ui: Record<string, unknown>; log: UiLog } {
  const log: UiLog = { menus: [], sidebars: [], dialogs: [], alerts: [], calls: [] };
  const ui = {
    createAddonMenu() {
      log.calls.push("createAddonMenu");
      const rec: MenuRecord = { kind: "addon", items: [], separators: 0, added: false };
      log.menus.push(rec);
      return new FakeMenu(log, rec);
    },
    createMenu(caption: string) {
      log.calls.push("createMenu");
      const rec: MenuRecord = { kind: "menu", caption, items: [], separators: 0, added: false };
      log.menus.push(rec);
      return new FakeMenu(log, rec);
    },
    showSidebar(out: FakeHtmlOutput) {
      log.calls.push("showSidebar");
      log.sidebars.push({ html: out.getContent(), title: out.getTitle(), metaTags: out.metaTags });
    },
    showModelessDialog(out: FakeHtmlOutput, title: string) {
      log.calls.push("showModelessDialog");
      log.dialogs.push({
        html: out.getContent(),
        title,
        width: out.width,
        height: out.height,
        metaTags: out.metaTags,
      });
    },
    showModalDialog(out: FakeHtmlOutput, title: string) {
      log.calls.push("showModalDialog");
      log.dialogs.push({
        html: out.getContent(),
        title,
        width: out.width,
        height: out.height,
        metaTags: out.metaTags,
      });
    },
    alert(message: string) {
      log.calls.push("alert");
      log.alerts.push(String(message));
      return "ok";
    },
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" },
    Button: { OK: "ok", CANCEL: "cancel", YES: "yes", NO: "no", CLOSE: "close" },
  };
  return { ui, log };
}

/** HtmlService reading `createHtmlOutputFromFile(name)` from dist/`name`.html. */
export function fakeHtmlService(): Record<string, unknown> {
  return {
    createHtmlOutputFromFile(name: string) {
      return new FakeHtmlOutput(readDist(`${name}.html`));
    },
    createHtmlOutput(html?: string) {
      return new FakeHtmlOutput(html ?? "");
    },
    SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
  };
}

export function fakeSession(locale: string, timeZone = "Etc/UTC"): Record<string, unknown> {
  return {
    getActiveUserLocale: () => locale,
    getScriptTimeZone: () => timeZone,
  };
}

/** Records every property read on `target` (for "touches nothing but…" assertions). */
export function recording<T extends object>(target: T, seen: string[], prefix: string): T {
  return new Proxy(target, {
    get(t, key, recv) {
      if (typeof key === "string") seen.push(`${prefix}.${key}`);
      return Reflect.get(t, key, recv);
    },
  });
}
