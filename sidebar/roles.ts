/**
 * The sidebar's Roles section (SPEC §7): one dropdown per rep — no role, SDR, hunter or farmer.
 * What the user sets is sent with the build request and kept in the settings tab; it wins over
 * a team tab. Names are shown as text only (el() never parses HTML).
 */
import { type Child, el } from "./dom";
import { fill, type Strings } from "./i18n";

export const ROLE_VALUES = ["sdr", "hunter", "farmer"] as const;

export interface RolesView {
  /** Reps to list, in order. */
  reps: string[];
  /** Rep → "sdr" | "hunter" | "farmer" ("" or absent: no role). */
  roles: Map<string, string>;
  busy: boolean;
  s: Strings;
  /** The dropdowns are shown (closed by default unless some rep has a role). */
  open: boolean;
  onToggle: () => void;
  onChange: (rep: string, role: string) => void;
}

export function renderRoles(v: RolesView): Child {
  const { s } = v;
  if (v.reps.length === 0) return null;
  const label: Record<string, string> = {
    sdr: s.roleSdr,
    hunter: s.roleHunter,
    farmer: s.roleFarmer,
  };
  return el(
    "section",
    { attrs: { "data-testid": "roles" } },
    el("h2", null, s.roles),
    el("p", { class: "hint" }, s.rolesHint),
    el(
      "button",
      {
        class: "link small",
        type: "button",
        attrs: { "data-testid": "roles-toggle", "aria-expanded": String(v.open) },
        on: { click: () => v.onToggle() },
      },
      v.open ? s.hideRoles : fill(s.setRoles, { n: v.reps.length }),
    ),
    ...(v.open ? v.reps : []).map((rep, i) =>
      el(
        "label",
        { class: "row", attrs: { "data-testid": "role" } },
        el("span", { class: "label role-rep", title: rep, attrs: { dir: "auto" } }, rep),
        el(
          "select",
          {
            disabled: v.busy,
            attrs: { "aria-label": rep, "data-rep": rep, "data-focus": `role-${i}` },
            on: { change: (ev) => v.onChange(rep, (ev.target as HTMLSelectElement).value) },
          },
          el("option", { value: "", selected: !v.roles.get(rep) }, s.noRole),
          ...ROLE_VALUES.map((r) =>
            el("option", { value: r, selected: v.roles.get(rep) === r }, label[r]),
          ),
        ),
      ),
    ),
  );
}
