/**
 * Failures as the user reads them: one sentence in their language, never a stack trace. A
 * `UserError` is passed on as it is; anything else (a service exception, a bug) becomes the
 * generic sentence, with the detail only in the execution log.
 */
import { type Lang, translate } from "../core/i18n";
import { UserError } from "../core/userError";
import { MESSAGES } from "./messages";

export type GenericFailure = "failed" | "buildFailed";

export function fail(key: keyof typeof MESSAGES, lang: Lang): never {
  throw new UserError(translate(MESSAGES, lang, key));
}

export function userMessage(e: unknown, lang: Lang, generic: GenericFailure = "failed"): string {
  if (e instanceof UserError) return e.message;
  try {
    console.error(e);
  } catch (_) {
    // no console: nothing to log to
  }
  return translate(MESSAGES, lang, generic);
}
