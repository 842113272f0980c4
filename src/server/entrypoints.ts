/**
 * Top-level functions Apps Script calls by name (triggers, menu items, google.script.run).
 * The build writes one real `function NAME(params)` per entry, delegating to the bundle.
 * Every name here must be exported by src/server/index.ts (a test checks it).
 */
export interface EntryPoint {
  name: string;
  params: string[];
  description: string;
}

export const ENTRY_POINTS: EntryPoint[] = [
  { name: "onOpen", params: ["e"], description: "Adds the Voronka menu (works in AuthMode.NONE)." },
  {
    name: "onInstall",
    params: ["e"],
    description: "Runs onOpen right after the add-on is installed.",
  },
  // Menu items.
  { name: "showSidebar", params: [], description: "Menu: opens the Voronka sidebar." },
  {
    name: "createTrackerTemplate",
    params: [],
    description: "Menu: adds the tracker template's tabs and opens the first one.",
  },
  { name: "showFormulaHelp", params: [], description: "Menu: opens the formula help dialog." },
  // google.script.run calls from the sidebar (JSON strings in, plain JSON values out).
  {
    name: "sidebarState",
    params: ["mappingJson"],
    description: "Sidebar: detected tabs, mapping, stages, reps, sources, date bounds, settings.",
  },
  {
    name: "saveSettings",
    params: ["settingsJson"],
    description: "Sidebar: remembers the report options in the settings tab.",
  },
  {
    name: "startBuild",
    params: ["requestJson"],
    description: "Sidebar: saves the mapping and options and starts a step-wise report build.",
  },
  {
    name: "buildStep",
    params: ["buildId", "index"],
    description: "Sidebar: runs one step of a build; the last returns the new sheets.",
  },
  { name: "openSheet", params: ["sheetId"], description: "Sidebar: activates a sheet by its id." },
  {
    name: "createTemplate",
    params: [],
    description: "Sidebar: adds the tracker template's tabs and returns their names.",
  },
];
