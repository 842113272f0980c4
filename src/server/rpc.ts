/**
 * The functions the sidebar calls through `google.script.run`, and the menu's handlers; each
 * lives in the file of its job. The sidebar takes its types from here (type-only import).
 */

export { cleanRoleNorms, cleanSettings } from "../shared/settings";
export type * from "../shared/wire";
export { buildStep, openSheet, startBuild } from "./build";
export { showFormulaHelp, showSidebar, sidebarHtml } from "./dialogs";
export { userMessage } from "./errors";
export { saveSettings, sidebarState } from "./sidebar";
export { createTemplate, createTrackerTemplate } from "./template";
