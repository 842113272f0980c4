/**
 * The action area, kept in view at the bottom of the sidebar: Build, its progress bar, the one
 * status region (progress, results, a moved stage), the one alert (errors) and the links to the
 * new sheets. Nothing else on the page is live.
 */

import { build, openSheet, progressText } from "../actions";
import { anythingRecognised, app, t } from "../state";
import { h, type VNode } from "./h";

export function actionsView(): VNode {
  const s = t();
  const ready = app.state !== null;
  const canBuild = ready && anythingRecognised();
  const busy = app.building;
  const p = app.progress;
  return h(
    "section",
    {
      class: "actions",
      "aria-label": s.build,
      "data-testid": "actions",
      // For tests and styles only: what the sidebar is doing.
      "data-state": busy ? "building" : app.loading ? "loading" : "idle",
    },
    h(
      "div",
      {
        class: app.error ? "msg error" : "alert-empty",
        role: "alert",
        "data-testid": "error",
      },
      app.error ?? "",
    ),
    ready
      ? h(
          "button",
          {
            class: "action",
            type: "button",
            // Not `disabled` while it runs: the button keeps the focus of whoever pressed it.
            disabled: !canBuild,
            "aria-disabled": busy ? "true" : undefined,
            "aria-describedby": canBuild ? undefined : "build-why",
            "data-testid": "build",
            onClick: () => void build(),
          },
          busy ? s.building : s.build,
        )
      : null,
    ready && !canBuild ? h("p", { class: "hint", id: "build-why" }, s.buildNeedsTab) : null,
    p
      ? h(
          "div",
          {
            class: "bar",
            role: "progressbar",
            "aria-label": s.progress,
            "aria-valuemin": 0,
            "aria-valuemax": p.total,
            "aria-valuenow": p.index,
            "aria-valuetext": progressText(),
            "data-testid": "progress",
          },
          h("div", {
            class: "fill",
            style: { width: `${p.total > 0 ? Math.round((p.index / p.total) * 100) : 0}%` },
            "data-testid": "progress-fill",
          }),
        )
      : null,
    h(
      "div",
      { class: "status small", role: "status", "data-testid": "status" },
      p
        ? h("span", { "data-testid": "progress-label" }, progressText())
        : !app.state && app.loading
          ? s.loading
          : app.status,
    ),
    app.built && !busy ? resultsView() : null,
  );
}

function resultsView(): VNode | null {
  const s = t();
  const built = app.built;
  if (!built) return null;
  return h(
    "div",
    { class: "result", "data-testid": "result" },
    built.sheets.length > 0
      ? h(
          "ul",
          { class: "links", "aria-label": s.openSheet },
          ...built.sheets.map((sheet) =>
            h(
              "li",
              { key: sheet.key },
              h(
                "button",
                {
                  class: "link",
                  type: "button",
                  "data-testid": "sheet-link",
                  "data-sheet-key": sheet.key,
                  onClick: () => void openSheet(sheet),
                },
                sheet.name,
              ),
            ),
          ),
        )
      : null,
  );
}
