/**
 * "Create tracker template", the pure half: the raw tabs with headers in the user's language,
 * dropdowns, a few example rows, the lists and the example formulas. Written into a spreadsheet
 * by adapters/sheets/template.ts.
 */
export { formulaRows, formulasHeader } from "./formulas";
export { freeName, templatePlan, templateWords } from "./plan";
