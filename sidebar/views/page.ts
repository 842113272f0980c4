/** The sidebar page: header with the language, the sections, the action area, the footer. */

import type { Lang } from "../../src/core/i18n";
import { isLang } from "../../src/core/i18n";
import { createTemplate, setLang, showHelp } from "../actions";
import { LANGUAGE_NAMES } from "../i18n";
import { app, t } from "../state";
import { actionsView } from "./build";
import { h, type VNode } from "./h";
import { optionsView, stagesView } from "./options";
import { rolesView } from "./roles";
import { tabsView } from "./tabs";

export function sidebarView(): (VNode | null)[] {
  const s = t();
  return [
    h(
      "header",
      { class: "top" },
      h("h1", null, s.title),
      h(
        "select",
        {
          class: "lang",
          value: app.lang,
          disabled: app.building,
          "aria-label": s.language,
          "data-testid": "lang",
          onChange: (ev: Event) => {
            const v = (ev.currentTarget as HTMLSelectElement).value;
            if (isLang(v)) setLang(v);
          },
        },
        ...(["en", "ru", "uk"] as Lang[]).map((l) =>
          h("option", { key: l, value: l, lang: l }, LANGUAGE_NAMES[l]),
        ),
      ),
    ),
    // Fixed places (null where absent), so Preact matches each part with itself across renders.
    app.state ? tabsView() : null,
    app.state ? stagesView() : null,
    app.state ? rolesView() : null,
    app.state ? optionsView() : null,
    actionsView(),
    h(
      "footer",
      null,
      h(
        "button",
        {
          class: "link",
          type: "button",
          disabled: app.building,
          "data-testid": "template",
          onClick: () => void createTemplate(),
        },
        s.template,
      ),
      h(
        "button",
        {
          class: "link",
          type: "button",
          "data-testid": "help",
          "data-focus": "help",
          onClick: () => showHelp(),
        },
        s.help,
      ),
    ),
  ];
}
