/**
 * Every custom function's spec, in README order: the single source for JSDoc, README and help.
 * Each spec lives beside its implementation; this file only lists them.
 */
import { CONVERSION_SPEC } from "./conversion";
import { FUNNEL_SPEC } from "./funnel";
import { PLAN_PACE_SPEC } from "./planPace";
import { REQUIRED_CALLS_SPEC, REVERSE_FUNNEL_SPEC } from "./required";
import { SALES_VELOCITY_SPEC } from "./salesVelocity";
import type { FunctionSpec } from "./spec";
import { STAGE_VELOCITY_SPEC } from "./stageVelocity";
import { TALK_TIME_SPEC } from "./talkTime";

export const FUNCTIONS: FunctionSpec[] = [
  CONVERSION_SPEC,
  STAGE_VELOCITY_SPEC,
  REQUIRED_CALLS_SPEC,
  FUNNEL_SPEC,
  SALES_VELOCITY_SPEC,
  PLAN_PACE_SPEC,
  TALK_TIME_SPEC,
  REVERSE_FUNNEL_SPEC,
];
