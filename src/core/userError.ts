/**
 * An error whose message is already one sentence for the user, in their language (a build that
 * is locked, stale, too big...). Entry points pass it on as it is; any other error becomes a
 * generic sentence, with the detail only in the log.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
