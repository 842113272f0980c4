/**
 * The template's "Formulas" sheet: one row per custom function of the registry, with a live
 * formula. Functions that read activity columns get formulas over the template's own tabs; the
 * others use the registry's first example that needs no ranges.
 */
import { inLang, type Lang, type Localized, l, translate } from "../core/i18n";

export interface FormulaRow {
  name: string;
  summary: string;
  /** The formula as text (shown) and live (computed); the live one may be "". */
  shown: string;
  live: string;
  expected: string;
}

/** The Formulas sheet's header, column by column. */
export const FORMULAS_HEADERS = {
  name: l("Function", "Функция", "Функція"),
  summary: l("What it does", "Что делает", "Що робить"),
  formula: l("Formula", "Формула", "Формула"),
  result: l("Result", "Результат", "Результат"),
  expected: l("Expected", "Ожидается", "Очікується"),
};

export function formulasHeader(lang: Lang): string[] {
  return Object.values(inLang(FORMULAS_HEADERS, lang));
}

/** Above the formulas in the offline template (`voronka template`), where nothing computes them. */
// A literal, not l(): only the command reads it, and the Apps Script bundle drops it.
export const FORMULAS_OFFLINE_NOTE = {
  note: {
    en: "These are Voronka's custom functions: they work in Google Sheets once the Voronka add-on is installed. Each formula is written as text; copy it into a cell to use it.",
    ru: "Это пользовательские функции Voronka: они работают в Google Таблицах, когда установлено дополнение Voronka. Каждая формула записана как текст; скопируйте её в ячейку, чтобы ею пользоваться.",
    uk: "Це користувацькі функції Voronka: вони працюють у Google Таблицях, коли встановлено доповнення Voronka. Кожну формулу записано як текст; скопіюйте її в клітинку, щоб нею користуватися.",
  },
} satisfies Record<string, Localized>;

export function formulasOfflineNote(lang: Lang): string {
  return translate(FORMULAS_OFFLINE_NOTE, lang, "note");
}

/** `'Stage log'!B2:B` — a sheet name quoted for a formula. */
export function ref(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Names of the template's tabs as they were actually created (maybe suffixed). */
export interface TemplateRefs {
  deals: string;
  stageLog: string;
  calls: string;
  lists: string;
  /** Funnel stages top to bottom. */
  stages: string[];
}

/**
 * What the sheet reads of a function (a FunctionSpec is one). The server bundle gets the
 * registry as `formulaSource` of each function: this much and no more.
 */
export interface FormulaSource {
  name: string;
  summary: Localized;
  examples: { formula: string; result: string }[];
  /** Parameter names: the shown formula of a function with no example and no own formula. */
  params?: { name: string }[];
}

/** A range reference anywhere in a formula (A1:B2, A:A, Sheet!A1). */
const HAS_RANGE = /(?:\b[A-Z]{1,3}\d*:[A-Z]{1,3}\d*\b)|!/;

/** Formulas over the template's own tabs, by function name. */
const OWN = new Map<string, (r: TemplateRefs) => string>([
  ["CONVERSION", () => "=CONVERSION(1000, 150)"],
  ["REQUIRED_CALLS", () => "=REQUIRED_CALLS(50, 5%, 21)"],
  [
    "FUNNEL",
    (r) =>
      `=FUNNEL(${ref(r.stageLog, "B2:B")}, ${ref(r.lists, `A2:A${r.stages.length + 1}`)}, ${ref(
        r.stageLog,
        "A2:A",
      )})`,
  ],
  ["TALK_TIME", (r) => `=TALK_TIME(${ref(r.calls, "C2:C")}, 60, "calls")`],
  [
    "STAGE_VELOCITY",
    (r) =>
      `=STAGE_VELOCITY(${ref(r.stageLog, "A2:A")}, ${ref(r.stageLog, "B2:B")}, ${ref(
        r.stageLog,
        "C2:C",
      )}, ${quoted(r.stages[0] ?? "")}, ${quoted(r.stages[r.stages.length - 1] ?? "")})`,
  ],
]);

/** The example a row shows: the first that needs no ranges (also live), else the first. */
function examples(fn: FormulaSource) {
  const plain = fn.examples.find((ex) => !HAS_RANGE.test(ex.formula));
  return { plain, shown: plain ?? fn.examples[0] };
}

/** Only what `formulaRows` reads of `fn`: the same rows from much less text. */
export function formulaSource(fn: FormulaSource): FormulaSource {
  const { name, summary } = fn;
  if (OWN.has(name)) return { name, summary, examples: [] };
  const ex = examples(fn).shown;
  if (ex) return { name, summary, examples: [{ formula: ex.formula, result: ex.result }] };
  return { name, summary, examples: [], params: (fn.params ?? []).map((p) => ({ name: p.name })) };
}

export function formulaRows(fns: FormulaSource[], lang: Lang, refs: TemplateRefs): FormulaRow[] {
  return fns.map((fn) => {
    const own = OWN.get(fn.name)?.(refs);
    const { plain, shown: example } = examples(fn);
    const live = own ?? (plain ? plain.formula : "");
    const shown =
      own ?? example?.formula ?? `=${fn.name}(${(fn.params ?? []).map((p) => p.name).join(", ")})`;
    return {
      name: fn.name,
      summary: fn.summary[lang],
      shown: shown.startsWith("=") ? shown : `=${shown}`,
      live: live === "" || live.startsWith("=") ? live : `=${live}`,
      expected: own ? "" : (plain?.result ?? ""),
    };
  });
}
