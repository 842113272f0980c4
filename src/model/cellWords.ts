/** What a cell says in words: yes or no (checkboxes too), a call's direction. */
import { headerKey, words } from "./headers";

const YES = new Set(words(`yes y true да д так истина 1 + v x ✓ ✔ ok`));
const NO = new Set(words(`no n false нет н ні ложь хибність 0 - — –`));

/** true / false for yes/no words and checkboxes, null otherwise (blank too). */
export function yesNo(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const k = v.trim().toLowerCase();
  if (k === "") return null;
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return null;
}

/** "in" / "out" from a direction cell. */
export function directionOf(v: unknown): "in" | "out" | null {
  const k = headerKey(v);
  if (k === "") return null;
  if (/^(?:in|вх)/.test(k)) return "in";
  if (/^(?:out|исх|вих)/.test(k)) return "out";
  return null;
}
