export { sheetName, t } from "./i18n";
export type { ReportOptions } from "./options";
export { DEFAULT_OPTIONS } from "./options";
export { planReport } from "./plan";
export type * from "./types";
