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
];
