// The error taxonomy of fetching (STYLE.md §8, after crawlee's errors.ts): the class, not the
// message, decides what happens next — retry now, wait for the server, or stop asking.

export type FetchErrorClass = 'not-retryable' | 'retryable' | 'throttled' | 'blocked';

export class FetchError extends Error {
  override name = 'FetchError';
  readonly errorClass: FetchErrorClass;
  readonly status?: number;
  /** For throttled responses: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    opts: { errorClass: FetchErrorClass; status?: number; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message.startsWith('fetch: ') ? message : `fetch: ${message}`, { cause: opts.cause });
    this.errorClass = opts.errorClass;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
  }
}

/** The class of an HTTP status that is not a success or a redirect. */
export function classifyStatus(status: number): FetchErrorClass {
  // 401/403 from a news site is a WAF or a login wall: asking again soon will not help.
  if (status === 401 || status === 403) return 'blocked';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'retryable';
  return 'not-retryable';
}

/** A feed that cannot be read as RSS/Atom even after the known repairs. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(message: string, opts?: { cause?: unknown }) {
    super(message.startsWith('feed: ') ? message : `feed: ${message}`, opts);
  }
}
