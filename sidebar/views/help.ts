/** The formula help: every custom function, searchable; the same page as the sidebar. */

import { hideHelp, searchHelp } from "../actions";
import { app, t } from "../state";
import { h, type VNode } from "./h";

export function helpView(): (VNode | null)[] {
  const s = t();
  const q = app.helpQuery.trim().toLowerCase();
  const fns = (app.help?.functions ?? []).filter(
    (f) => !q || f.name.toLowerCase().includes(q) || f.summary.toLowerCase().includes(q),
  );
  return [
    h(
      "header",
      { class: "top" },
      app.standaloneHelp
        ? null
        : h(
            "button",
            {
              class: "link",
              type: "button",
              "data-testid": "back",
              "data-focus": "back",
              onClick: () => hideHelp(),
            },
            h("span", { "aria-hidden": "true" }, "← "),
            s.back,
          ),
      h("h1", null, s.help),
    ),
    h("input", {
      type: "search",
      class: "search",
      value: app.helpQuery,
      placeholder: s.search,
      "aria-label": s.search,
      "aria-controls": "fn-list",
      "data-focus": "help-search",
      onInput: (ev: Event) => searchHelp((ev.currentTarget as HTMLInputElement).value),
    }),
    !app.help
      ? h("p", { class: "muted" }, s.loading)
      : h("div", { "data-testid": "help-loaded", "data-count": String(app.help.functions.length) }),
    h(
      "div",
      { id: "fn-list" },
      app.help && fns.length === 0 ? h("p", { class: "muted" }, s.noFunctions) : null,
      ...fns.map((f) =>
        h(
          "article",
          { key: f.name, class: "fn", "data-testid": "fn", "aria-labelledby": `fn-${f.name}` },
          h("h2", { class: "fn-name", id: `fn-${f.name}` }, f.name),
          h("p", null, f.summary),
          h(
            "code",
            { class: "syntax", title: s.syntax },
            `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
          ),
          h(
            "dl",
            null,
            ...f.params.flatMap((p) => [
              h(
                "dt",
                { key: `t-${p.name}` },
                p.name,
                p.optional ? h("span", { class: "muted" }, ` (${s.optional})`) : null,
              ),
              h("dd", { key: `d-${p.name}` }, p.description),
            ]),
          ),
          f.examples.length > 0 ? h("h3", null, s.examples) : null,
          ...f.examples.map((ex, i) =>
            h(
              "div",
              { key: i, class: "example" },
              h("code", null, ex.formula),
              ex.result !== "" ? h("span", { class: "muted" }, ` → ${ex.result}`) : null,
              ex.note ? h("div", { class: "small muted" }, ex.note) : null,
            ),
          ),
        ),
      ),
    ),
  ];
}
