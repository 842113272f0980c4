/**
 * Raw activity tabs → one model (SPEC §3, issue 3). The public API of the model layer:
 * detection, the column mapping (and its settings-tab rows), and buildModel.
 */
export {
  type BuildOptions,
  type BuildResult,
  buildModel,
  parsePeriod,
  type StageOrderSource,
  type StageSource,
} from "./build/index";
export { directionOf, yesNo } from "./cellWords";
export {
  detectTab,
  detectTabs,
  entryStageName,
  type FoundColumn,
  isOwnSheetName,
  isSettingsTab,
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAMES,
  stageNameFromHeader,
  TAB_KINDS,
  type TabDetection,
} from "./detect";
export { headerKey, KIND_FIELDS, statusOf } from "./headers";
export {
  cleanMapping,
  emptyMapping,
  MAPPING_VERSION,
  type MappingCorrections,
  mappingFromRows,
  mappingToRows,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
  withCorrections,
} from "./mapping";
export { hasNoHeaderRow, type ReferenceKind, referenceKindOf } from "./reference";
export { stageSourceSentence } from "./stageSource";
export type * from "./types";
