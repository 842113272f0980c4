/**
 * The offline adapters' user-facing error: a catalog key and its values, shown as one sentence
 * in the user's language. A module of its own (no ExcelJS) so the command can recognise it
 * without loading a reader.
 */
import { isMessageKey, type MessageKey, type MessageParams, message } from "../../cli/messages";

/** An error told as a catalog sentence (or, rarely, a plain one) in the user's language. */
export class CatalogError extends Error {
  /** The catalog key; null for a plain sentence (shown as written, in every language). */
  readonly key: MessageKey | null;
  readonly params: MessageParams;
  constructor(key: MessageKey, params?: MessageParams);
  /** A plain sentence, not translated: prefer a catalog key. */
  constructor(text: string);
  constructor(keyOrText: string, params: MessageParams = {}) {
    const key = isMessageKey(keyOrText) ? keyOrText : null;
    super(key ? message("en", key, params) : keyOrText);
    this.key = key;
    this.params = params;
  }

  /** The sentence in the language. */
  text(lang: Parameters<typeof message>[0]): string {
    return this.key ? message(lang, this.key, this.params) : this.message;
  }
}

/** A file the command cannot read or write. */
export class InputError extends CatalogError {
  override name = "InputError";
}
