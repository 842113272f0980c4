import type { Localized } from "../core/i18n";

/** One parameter of a custom function, as the JSDoc, the README and the sidebar help show it. */
export interface ParamSpec {
  name: string;
  /** JSDoc type, e.g. "number|Array<Array<number>>". */
  type: string;
  description: Localized;
  optional?: boolean;
}

export interface ExampleSpec {
  formula: string;
  result: string;
  note?: Localized;
}

/**
 * Everything about one custom function: the single source for JSDoc, README and help. Each spec
 * sits beside its implementation (`conversion.ts` → `conversionSpec.ts`) as a plain literal (no
 * template strings), so a bundle that does not list it drops it.
 */
export interface FunctionSpec {
  name: string;
  summary: Localized;
  params: ParamSpec[];
  /** JSDoc @return type and description. */
  returns: { type: string; description: Localized };
  examples: ExampleSpec[];
}

/** What FUNNEL and REVERSE_FUNNEL spill: a stage table. */
export const STAGE_TABLE: FunctionSpec["returns"] = {
  type: "Array<Array<*>>",
  description: {
    en: "A table with a header row and one row per stage.",
    ru: "Таблица с заголовком и строкой на каждый этап.",
    uk: "Таблиця із заголовком і рядком на кожен етап.",
  },
};
