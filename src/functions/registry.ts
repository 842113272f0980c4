import type { FunctionSpec } from "./spec";

/** Every custom function's spec, in README order. */
export const FUNCTIONS: FunctionSpec[] = [];
