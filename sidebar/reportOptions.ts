/** What the Options group does: a typed option read by the shared rules, the group opened. */

import { type OptionKey, readOption } from "../src/shared/options";
import { scheduleSave } from "./actions";
import { app, OPTIONS_OPEN, optionProblem, update } from "./state";

/**
 * A report option typed in the Options group. While typing only the text is kept; when the box
 * is left (or Enter pressed) it is read by the shared rules: a value is remembered, a value that
 * cannot be read is marked and said in the status region, and focus stays in the box.
 */
export function typeOption(
  key: OptionKey,
  text: string,
  commit: boolean,
  /** The browser could not read the box as a number ("1e"): its value reads as "". */
  unreadable = false,
): void {
  app.optionText[key] = text;
  if (commit) {
    const read = unreadable ? ({ ok: false } as const) : readOption(key, text);
    const wasSaid = app.optionInvalid.has(key) && app.status === optionProblem(key);
    if (read.ok) {
      app.optionInvalid.delete(key);
      if (read.value === null) delete app.options[key];
      else app.options[key] = read.value;
      if (wasSaid) app.status = "";
      scheduleSave();
    } else {
      app.optionInvalid.add(key);
      app.status = optionProblem(key);
    }
  }
  update();
}

/** The Options group opened or closed (by its summary: click, Enter or Space). */
export function setOptionsOpen(open: boolean): void {
  if (open === app.open.has(OPTIONS_OPEN)) return;
  if (open) app.open.add(OPTIONS_OPEN);
  else app.open.delete(OPTIONS_OPEN);
  update();
}
