/** "Your tabs": each sheet with its kind, its missing fields and (on demand) its columns. */

import type { TabKind } from "../../src/model/types";
import type { WireKind, WireTab } from "../../src/shared/wire";
import { createTemplate, reload, setColumn, setKind, toggleColumns } from "../actions";
import {
  anythingRecognised,
  app,
  fieldLabel,
  kindInfo,
  missingFields,
  rowsLabel,
  t,
} from "../state";
import { h, type VNode } from "./h";

function selectValue(ev: Event): string {
  return (ev.currentTarget as HTMLSelectElement).value;
}

export function tabsView(): VNode {
  const s = t();
  const empty = !anythingRecognised();
  return h(
    "section",
    { "data-testid": "tabs", "aria-labelledby": "tabs-title" },
    h("h2", { id: "tabs-title" }, s.tabs),
    app.tabs.length > 0 && !empty ? h("p", { class: "hint" }, s.tabsHint) : null,
    ...app.tabs.map((tab, ti) => tabView(tab, ti)),
    empty ? emptyState() : null,
    h(
      "button",
      {
        class: "link small",
        type: "button",
        disabled: app.building,
        "data-testid": "reload",
        onClick: () => reload(),
      },
      s.reload,
    ),
  );
}

/** Nothing recognised: say so, and offer the tracker template. */
function emptyState(): VNode {
  const s = t();
  return h(
    "div",
    { class: "empty", "data-testid": "empty" },
    h("p", { id: "empty-text" }, app.tabs.length === 0 ? s.noTabs : s.nothingUsed),
    h("p", { class: "hint" }, s.templateOffer),
    h(
      "button",
      {
        class: "secondary",
        type: "button",
        disabled: app.building,
        "data-testid": "template-empty",
        onClick: () => void createTemplate(),
      },
      s.template,
    ),
  );
}

function tabView(tab: WireTab, ti: number): VNode {
  const s = t();
  const info = kindInfo(tab.kind);
  const missing = missingFields(tab);
  const isOpen = app.open.has(tab.name);
  const nameId = `tab-${ti}-name`;
  const missingId = `tab-${ti}-missing`;
  const columnsId = `tab-${ti}-columns`;
  return h(
    "div",
    { key: tab.name, class: `tab${tab.kind ? "" : " unused"}`, "data-testid": "tab" },
    h("div", { class: "tab-name", id: nameId, dir: "auto" }, tab.name),
    h(
      "div",
      { class: "tab-row" },
      h(
        "select",
        {
          class: "kind",
          disabled: app.building,
          value: tab.kind ?? "",
          "aria-labelledby": nameId,
          "aria-describedby": missing.length > 0 ? missingId : undefined,
          "data-testid": "kind",
          "data-focus": `kind:${tab.name}`,
          onChange: (ev: Event) => {
            const v = selectValue(ev);
            setKind(tab, v === "" ? null : (v as TabKind));
          },
        },
        h("option", { value: "" }, s.notUsed),
        ...(app.state?.kinds ?? []).map((k) =>
          h("option", { key: k.kind, value: k.kind }, s.kinds[k.kind]),
        ),
      ),
      h("span", { class: "muted small rows" }, rowsLabel(tab.rows)),
    ),
    missing.length > 0
      ? h(
          "div",
          { class: "warn small", id: missingId, "data-testid": "missing" },
          `${s.missing} ${missing.join(", ")}`,
        )
      : null,
    info
      ? h(
          "button",
          {
            class: "link small",
            type: "button",
            "data-testid": "columns-toggle",
            "aria-expanded": String(isOpen),
            "aria-controls": isOpen ? columnsId : undefined,
            "aria-describedby": nameId,
            onClick: () => toggleColumns(tab),
          },
          isOpen ? s.hideColumns : s.columns,
        )
      : null,
    info && isOpen ? columnsView(tab, info, columnsId) : null,
  );
}

function columnsView(tab: WireTab, info: WireKind, id: string): VNode {
  const s = t();
  return h(
    "div",
    { class: "columns", id, "data-testid": "columns" },
    ...info.fields.map((f) =>
      h(
        "label",
        { key: f.key, class: "field" },
        h("span", { class: "field-name" }, fieldLabel(f.key), f.required && !f.group ? " *" : ""),
        h(
          "select",
          {
            disabled: app.building,
            value: f.key in tab.columns ? String(tab.columns[f.key]) : "",
            "data-field": f.key,
            "data-testid": "column",
            dir: "auto",
            onChange: (ev: Event) => {
              const v = selectValue(ev);
              setColumn(tab, f.key, v === "" ? null : Number(v));
            },
          },
          h("option", { value: "" }, s.noColumn),
          ...tab.headers.map((header, i) =>
            h("option", { key: i, value: String(i) }, header === "" ? `#${i + 1}` : header),
          ),
        ),
      ),
    ),
  );
}
