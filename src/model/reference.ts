/**
 * Tables that are not activity data (SPEC §3): accounts, products, sales teams, price lists.
 * They are recognised so that they never become deals and never stop a run; and a file whose
 * first row is data (Asterisk's Master.csv) is named as having no header row.
 */
import { isBlank, isDate, parseDate, parseNumber } from "../core/values";
import { headerKey } from "./headers";
import type { RawTab } from "./types";

export type ReferenceKind = "accounts" | "products" | "teams";

const ACCOUNT =
  /^(?:account|accountname|company|companyname|client|customer|компания|клиент|контрагент|клієнт|компанія)$/;
const ACCOUNT_FACTS =
  /sector|industry|employees|revenue|yearestablished|office|country|отрасль|сотрудник|галузь/;
const PRODUCT = /^(?:product|productname|item|sku|товар|продукт|номенклатура|артикул)$/;
const PRODUCT_FACTS = /price|series|category|цена|ціна|серия|категори/;
const PERSON =
  /^(?:salesagent|agent|rep|salesrep|manager|менеджер|сотрудник|співробітник|employee)$/;
const TEAM_FACTS = /manager|office|team|region|отдел|руководител|команд|відділ|керівник/;

/** The kind of reference table a tab is, by its header row and the absence of dates; else null. */
export function referenceKindOf(tab: RawTab): ReferenceKind | null {
  const header = tab.values.find((r) => Array.isArray(r) && r.some((v) => !isBlank(v)));
  if (!header) return null;
  const keys = header.map((v) => headerKey(v));
  // Activity data has dates; reference data has none.
  const rows = tab.values.slice(tab.values.indexOf(header) + 1, tab.values.indexOf(header) + 201);
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const v of row)
      if (isDate(v) || (typeof v === "string" && parseDate(v, { timeZone: "UTC" }) !== null))
        return null;
  }
  const has = (re: RegExp) => keys.some((k) => re.test(k));
  if (has(PRODUCT) && has(PRODUCT_FACTS)) return "products";
  if (has(ACCOUNT) && has(ACCOUNT_FACTS)) return "accounts";
  if (has(PERSON) && keys.some((k) => !PERSON.test(k) && TEAM_FACTS.test(k))) return "teams";
  return null;
}

/**
 * A table whose first row is data, not headers: most of its cells are numbers, dates, or
 * quoted phone-like values, and hardly any is a word.
 */
export function hasNoHeaderRow(tab: RawTab): boolean {
  const first = tab.values.find((r) => Array.isArray(r) && r.some((v) => !isBlank(v)));
  if (!first) return false;
  let filled = 0;
  let dataLike = 0;
  for (const v of first) {
    if (isBlank(v)) continue;
    filled++;
    if (
      typeof v !== "string" ||
      parseNumber(v) !== null ||
      parseDate(v, { timeZone: "UTC" }) !== null ||
      /\d{3,}|[<>@/]/.test(v)
    )
      dataLike++;
  }
  return filled >= 3 && dataLike >= 0.6 * filled;
}
