// One error class for every mistake in a query, with the 0-based offset into the query text
// (UTF-16 code units, as JavaScript indexes strings) so an editor can put the cursor on it.

export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
  /** 0-based character offset of the mistake in the query text (-1 for an AST given as data). */
  readonly position: number;
  /** The message without the `query: position N:` prefix, for a UI that shows the position. */
  readonly reason: string;

  constructor(position: number, reason: string, options?: { cause?: unknown }) {
    super(position >= 0 ? `query: position ${position}: ${reason}` : `query: ${reason}`, options);
    this.position = position;
    this.reason = reason;
  }
}
