/**
 * The Roles section (SPEC §7): behind "Set roles", one dropdown per rep — no role, SDR, hunter
 * or farmer. What the user sets is sent with the build request, kept in the settings tab and
 * wins over a team tab. Rep names are text children only, never markup.
 */

import { fill } from "../../src/core/i18n";
import { DEFAULT_ROLE_NORMS } from "../../src/core/metrics/roles";
import { OPTION_RULES } from "../../src/shared/options";
import { setRole, toggleRoles, typeNorm } from "../actions";
import { app, type NormKey, rolesOpen, rolesReps, t } from "../state";
import { h, type VNode } from "./h";

const ROLES = ["sdr", "hunter", "farmer"] as const;

export function rolesView(): VNode | null {
  const s = t();
  const reps = rolesReps();
  if (reps.length === 0) return null;
  const open = rolesOpen();
  const label: Record<(typeof ROLES)[number], string> = {
    sdr: s.roleSdr,
    hunter: s.roleHunter,
    farmer: s.roleFarmer,
  };
  return h(
    "section",
    { "data-testid": "roles", "aria-labelledby": "roles-title" },
    h("h2", { id: "roles-title" }, s.roles),
    h("p", { class: "hint", id: "roles-hint" }, s.rolesHint),
    h(
      "button",
      {
        class: "link small",
        type: "button",
        "data-testid": "roles-toggle",
        "data-focus": "roles-toggle",
        "aria-expanded": String(open),
        "aria-controls": open ? "roles-list" : undefined,
        onClick: () => toggleRoles(),
      },
      open ? s.hideRoles : fill(s.setRoles, { n: reps.length }),
    ),
    open
      ? h(
          "div",
          { class: "columns", id: "roles-list" },
          ...reps.map((rep) =>
            h(
              "label",
              { key: rep, class: "field", "data-testid": "role" },
              h("span", { class: "field-name role-rep", dir: "auto" }, rep),
              h(
                "select",
                {
                  disabled: app.building,
                  value: app.roles.get(rep) ?? "",
                  "data-rep": rep,
                  onChange: (ev: Event) =>
                    setRole(rep, (ev.currentTarget as HTMLSelectElement).value),
                },
                h("option", { value: "" }, s.noRole),
                ...ROLES.map((r) => h("option", { key: r, value: r }, label[r])),
              ),
            ),
          ),
          normsView(),
        )
      : null,
  );
}

/** The SDR's daily norms: empty boxes show seed 002's defaults as placeholders. */
function normsView(): VNode {
  const s = t();
  const box = (key: NormKey, label: string) =>
    h("input", {
      type: "text",
      inputmode: "decimal",
      class: "norm",
      value: app.norms[key],
      placeholder: String(DEFAULT_ROLE_NORMS[key]),
      disabled: app.building,
      "aria-label": label,
      "data-norm": key,
      onInput: (ev: Event) => typeNorm(key, (ev.currentTarget as HTMLInputElement).value),
    });
  const line = (label: string, min: NormKey, max: NormKey | null) =>
    h(
      "div",
      { class: "field" },
      h("span", { class: "field-name" }, label),
      box(min, `${label}, ${s.normFrom}`),
      max ? h("span", { "aria-hidden": "true" }, "–") : null,
      max ? box(max, `${label}, ${s.normTo}`) : null,
    );
  return h(
    "div",
    { "data-testid": "norms", role: "group", "aria-label": s.normsTitle },
    h("p", { class: "hint" }, s.normsTitle),
    line(
      fill(s.normCalls, {
        sec: app.options.longCallSeconds ?? OPTION_RULES.longCallSeconds.fallback ?? 60,
      }),
      "longCallsMin",
      "longCallsMax",
    ),
    line(s.normBooked, "bookedMin", "bookedMax"),
    line(s.normHeld, "heldMin", null),
  );
}
