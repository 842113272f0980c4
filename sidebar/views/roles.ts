/**
 * The Roles section (SPEC §7): behind "Set roles", one dropdown per rep — no role, SDR, hunter
 * or farmer. What the user sets is sent with the build request, kept in the settings tab and
 * wins over a team tab. Rep names are text children only, never markup.
 */
import { setRole, toggleRoles } from "../actions";
import { fill } from "../i18n";
import { app, rolesOpen, rolesReps, t } from "../state";
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
        )
      : null,
  );
}
