/**
 * The funnel's stages (reorderable) and the report's choices: period, dates, reps, sources and the
 * Options group (window, goal, threshold, long calls, rows per breakdown).
 */

import { fill } from "../../src/core/i18n";
import type { Period } from "../../src/core/period";
import { OPTION_KEYS, OPTION_RULES, type OptionKey } from "../../src/shared/options";
import { chooseAll, moveStage, setPeriod, toggleChoice, typeDate } from "../actions";
import { DATE_PATTERN, formatDate } from "../dates";
import { setOptionsOpen, typeOption } from "../reportOptions";
import { app, OPTIONS_OPEN, t, update } from "../state";
import { h, type VNode } from "./h";

/** A list this long gets a filter box (the list itself never scrolls inside the page). */
const FILTER_FROM = 9;

export function stagesView(): VNode {
  const s = t();
  const n = app.stages.length;
  const source = app.state?.stageSource;
  return h(
    "section",
    { "data-testid": "stages", "aria-labelledby": "stages-title" },
    h("h2", { id: "stages-title" }, s.stages),
    h("p", { class: "hint" }, n === 0 ? s.noStages : s.stagesHint),
    h(
      "ol",
      { class: "stages", "aria-labelledby": "stages-title" },
      ...app.stages.map((name, i) =>
        h(
          "li",
          { key: name, "data-testid": "stage" },
          h("span", { class: "stage-name", dir: "auto" }, name),
          arrow("up", name, i === 0),
          arrow("down", name, i === n - 1),
        ),
      ),
    ),
    source ? h("p", { class: "hint", "data-testid": "stage-source" }, source) : null,
  );
}

function arrow(which: "up" | "down", name: string, atEdge: boolean): VNode {
  const s = t();
  const label = fill(which === "up" ? s.moveUp : s.moveDown, { name });
  return h(
    "button",
    {
      class: "icon",
      type: "button",
      title: label,
      "aria-label": label,
      disabled: atEdge,
      "data-testid": which,
      "data-focus": `${which}:${name}`,
      onClick: () => moveStage(name, which === "up" ? -1 : 1),
    },
    h("span", { "aria-hidden": "true" }, which === "up" ? "↑" : "↓"),
  );
}

export function optionsView(): VNode {
  const s = t();
  const st = app.state!;
  const { from, to } = st.dateBounds;
  return h(
    "section",
    { "data-testid": "options", "aria-labelledby": "options-title" },
    h("h2", { id: "options-title" }, s.report),
    h(
      "div",
      { class: "row" },
      h("span", { class: "label", id: "period-label" }, s.period),
      h(
        "div",
        { class: "segs", role: "radiogroup", "aria-labelledby": "period-label" },
        periodButton("week", s.week),
        periodButton("month", s.month),
      ),
    ),
    h("div", { class: "row dates" }, dateBox("from", s.from), dateBox("to", s.to)),
    h(
      "p",
      { class: "hint", id: "date-hint", "data-testid": "bounds" },
      ...unbroken(s.dateFormat, { pattern: DATE_PATTERN[app.lang] }),
      ...(from && to
        ? [
            " ",
            ...unbroken(s.dataRange, {
              from: formatDate(from, app.lang),
              to: formatDate(to, app.lang),
            }),
          ]
        : []),
    ),
    checklist("reps", s.reps, st.reps, app.reps),
    checklist("sources", s.sources, st.sources, app.sources),
    reportOptionsView(),
  );
}

/**
 * The report options behind a native disclosure (closed unless one is set): a number box each,
 * labelled with its unit, its range and meaning read with it. A box is checked when left; what
 * cannot be read is marked here and said in the status region, and focus stays in the box.
 */
function reportOptionsView(): VNode {
  const s = t();
  return h(
    "details",
    {
      class: "report-options",
      open: app.open.has(OPTIONS_OPEN),
      "data-testid": "report-options",
      onToggle: (ev: Event) => setOptionsOpen((ev.currentTarget as HTMLDetailsElement).open),
    },
    h("summary", { "data-testid": "options-summary", "data-focus": "options-summary" }, s.options),
    h("p", { class: "hint" }, s.optionsHint),
    ...OPTION_KEYS.map((key) => optionBox(key)),
  );
}

function optionBox(key: OptionKey): VNode {
  const s = t();
  const rule = OPTION_RULES[key];
  const id = `option-${key}`;
  const hintId = `${id}-hint`;
  const invalid = app.optionInvalid.has(key);
  const read = (ev: Event, commit: boolean) => {
    const box = ev.currentTarget as HTMLInputElement;
    typeOption(key, box.value, commit, box.validity.badInput);
  };
  return h(
    "div",
    { class: "option", key },
    h("label", { for: id, class: "label" }, s.optionLabels[key]),
    h("input", {
      id,
      type: "number",
      min: rule.min,
      max: rule.max,
      step: rule.whole ? 1 : "any",
      inputMode: rule.whole ? "numeric" : "decimal",
      autoComplete: "off",
      value: app.optionText[key],
      placeholder: rule.fallback === null ? "" : String(rule.fallback),
      disabled: app.building,
      "aria-invalid": invalid ? "true" : undefined,
      "aria-describedby": hintId,
      "data-option": key,
      "data-focus": `option:${key}`,
      onInput: (ev: Event) => read(ev, false),
      onChange: (ev: Event) => read(ev, true),
    }),
    h(
      "p",
      { class: "hint", id: hintId },
      fill(s.optionRange, { min: rule.min, max: rule.max }),
      " ",
      s.optionHints[key],
    ),
  );
}

/** `fill`, with each filled-in value (a date, a pattern) kept on one line. */
function unbroken(template: string, vars: Record<string, string>): (string | VNode)[] {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      return key !== undefined && key in vars ? h("span", { class: "nowrap" }, vars[key]) : part;
    })
    .filter((part) => part !== "");
}

function periodButton(p: Period, label: string): VNode {
  return h(
    "label",
    { class: `seg${app.period === p ? " on" : ""}` },
    h("input", {
      type: "radio",
      name: "period",
      value: p,
      checked: app.period === p,
      "data-testid": `period-${p}`,
      onChange: () => setPeriod(p),
    }),
    h("span", null, label),
  );
}

function dateBox(which: "from" | "to", label: string): VNode {
  const s = t();
  const draft = app.dateText[which];
  const errorId = `${which}-error`;
  const bound = app.state?.dateBounds[which];
  return h(
    "label",
    { class: "date" },
    h("span", { class: "label" }, label),
    h("input", {
      type: "text",
      inputMode: "numeric",
      autoComplete: "off",
      spellcheck: false,
      value: draft.text,
      placeholder: bound ? formatDate(bound, app.lang) : DATE_PATTERN[app.lang],
      "aria-invalid": draft.invalid ? "true" : undefined,
      "aria-describedby": draft.invalid ? `${errorId} date-hint` : "date-hint",
      "data-testid": which,
      onInput: (ev: Event) => typeDate(which, (ev.currentTarget as HTMLInputElement).value, false),
      onChange: (ev: Event) => typeDate(which, (ev.currentTarget as HTMLInputElement).value, true),
    }),
    draft.invalid
      ? h(
          "span",
          { class: "warn small", id: errorId },
          fill(s.dateInvalid, { pattern: DATE_PATTERN[app.lang] }),
        )
      : null,
  );
}

function checklist(
  testid: "reps" | "sources",
  title: string,
  all: string[],
  chosen: Set<string>,
): VNode {
  const s = t();
  const query = app.filters[testid].trim().toLowerCase();
  const shown = query ? all.filter((x) => x.toLowerCase().includes(query)) : all;
  const legendId = `${testid}-legend`;
  return h(
    "fieldset",
    { class: "checks", "data-testid": testid },
    h(
      "legend",
      { id: legendId },
      title,
      all.length > 1 ? ` (${fill(s.chosenOf, { n: chosen.size, total: all.length })})` : "",
    ),
    all.length === 0 ? h("span", { class: "muted small" }, s.none) : null,
    all.length >= FILTER_FROM
      ? h("input", {
          type: "search",
          class: "filter",
          value: app.filters[testid],
          placeholder: s.filter,
          "aria-label": `${s.filter}: ${title}`,
          "data-testid": `${testid}-filter`,
          onInput: (ev: Event) => {
            app.filters[testid] = (ev.currentTarget as HTMLInputElement).value;
            update();
          },
        })
      : null,
    all.length > 1
      ? h(
          "label",
          { class: "check all" },
          h("input", {
            type: "checkbox",
            checked: chosen.size === all.length,
            onChange: (ev: Event) =>
              chooseAll(chosen, all, (ev.currentTarget as HTMLInputElement).checked),
          }),
          h("span", null, s.all),
        )
      : null,
    h(
      "div",
      { class: "check-list" },
      ...shown.map((name) =>
        h(
          "label",
          { key: name, class: "check" },
          h("input", {
            type: "checkbox",
            checked: chosen.has(name),
            onChange: (ev: Event) =>
              toggleChoice(chosen, name, (ev.currentTarget as HTMLInputElement).checked),
          }),
          h("span", { dir: "auto" }, name),
        ),
      ),
    ),
    query && shown.length === 0 ? h("span", { class: "muted small" }, s.noMatch) : null,
  );
}
