/**
 * Every custom function's spec, in README order: the single source for JSDoc, README and help.
 * Each spec lives beside its implementation (`<name>Spec.ts`); this file only lists them.
 */
import { CONVERSION_SPEC } from "./conversionSpec";
import { FUNNEL_SPEC } from "./funnelSpec";
import { PLAN_PACE_SPEC } from "./planPaceSpec";
import { REQUIRED_CALLS_SPEC, REVERSE_FUNNEL_SPEC } from "./requiredSpec";
import { SALES_VELOCITY_SPEC } from "./salesVelocitySpec";
import type { FunctionSpec } from "./spec";
import { STAGE_VELOCITY_SPEC } from "./stageVelocitySpec";
import { TALK_TIME_SPEC } from "./talkTimeSpec";

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
