// A mistake the user can fix (a bad flag value, a missing file, bad input) is a UserError:
// the CLI prints its message on one line and exits non-zero, never with a stack trace.
export class UserError extends Error {
  override name = 'UserError';
  /** The process exit code: 1 unless the command documents another (extract: 3). */
  readonly exitCode: number;

  constructor(message: string, opts: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.exitCode = opts.exitCode ?? 1;
  }
}
