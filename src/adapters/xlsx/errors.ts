/** The one error type of the offline readers: a catalog key and its values, never raw text. */
import { type MessageKey, type MessageParams, message } from "../../cli/messages";

/** A file the command cannot read; shown as one sentence in the user's language. */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(message("en", key, params));
  }
}
