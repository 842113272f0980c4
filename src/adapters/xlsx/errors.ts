/**
 * The offline adapters' user-facing error, in a module of its own so the command can recognise it
 * without loading ExcelJS or Papa Parse (they are imported only when a command needs them).
 */

/** A file the command cannot read or write; the message is one sentence for the terminal. */
export class InputError extends Error {
  override name = "InputError";
}
