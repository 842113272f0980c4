/**
 * The Apps Script bundle's entry: everything exported here becomes a property of the bundle's
 * global; scripts/build.ts writes the top-level functions that call into it.
 */
export * from "./functions";
export * from "./menu";
export * from "./rpc";
