// When a source is due again (STYLE.md §7, after miniflux's scheduler): after a success, its
// interval, stretched by what the server said about freshness (Cache-Control max-age, Expires,
// the feed's own <ttl>) and by a Retry-After; after a failure, exponential backoff per
// consecutive failure with jitter, so sources that failed together do not all come back in
// the same second, and never before a Retry-After. Pure: the clock and the dice come in.

/** A failing source is asked at least once a day, however long it has been failing. */
export const MAX_BACKOFF_MS = 24 * 3600_000;
/** A server's freshness claim stretches the interval at most this far (a year-long max-age on
 * a feed is a misconfiguration, not a promise of silence). */
export const MAX_FRESHNESS_MS = 6 * 3600_000;
/** Jitter adds up to this share of the backoff. */
export const JITTER_SHARE = 0.25;

/** Backoff after the n-th consecutive failure: interval × 2^(n−1), capped, plus jitter. */
export function backoffMs(opts: {
  intervalMs: number;
  failures: number;
  retryAfterMs?: number;
  /** A draw in [0, 1); 0 gives the bare exponential step. */
  jitter?: number;
}): number {
  const exponent = Math.min(Math.max(opts.failures - 1, 0), 16);
  const base = Math.min(opts.intervalMs * 2 ** exponent, MAX_BACKOFF_MS);
  const jittered = Math.min(base * (1 + JITTER_SHARE * (opts.jitter ?? 0)), MAX_BACKOFF_MS);
  return Math.max(Math.round(jittered), opts.retryAfterMs ?? 0);
}

/** How long a response says it stays fresh, in ms; null when it says nothing. */
export function freshnessMs(
  headers: Record<string, string>,
  body: string,
  now: number,
): number | null {
  const cc = headers['cache-control']?.toLowerCase() ?? '';
  if (/\b(no-cache|no-store)\b/.test(cc)) return 0;
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cc)?.[1];
  if (maxAge !== undefined) return Number(maxAge) * 1000;
  const expires = headers.expires ? Date.parse(headers.expires) : NaN;
  if (!Number.isNaN(expires)) {
    const date = headers.date ? Date.parse(headers.date) : NaN;
    // Measured against the server's own Date when given, so clock skew does not count.
    return Math.max(0, expires - (Number.isNaN(date) ? now : date));
  }
  // RSS 2.0 <ttl>: minutes the channel may be cached.
  const ttl = /<ttl>\s*(\d+)\s*<\/ttl>/i.exec(body.slice(0, 20_000))?.[1];
  if (ttl !== undefined) return Number(ttl) * 60_000;
  return null;
}

/** The next check after a pass in which the source answered. */
export function nextCheckAfterSuccess(opts: {
  at: Date;
  intervalMs: number;
  /** Freshness of each feed that answered (null: it said nothing). */
  freshness: (number | null)[];
  retryAfterMs?: number;
}): Date {
  const claims = opts.freshness.filter((f): f is number => f !== null);
  // The feed that goes stale first decides; before then every feed would answer as before.
  const fresh = claims.length > 0 ? Math.min(Math.min(...claims), MAX_FRESHNESS_MS) : 0;
  const wait = Math.max(opts.intervalMs, fresh, opts.retryAfterMs ?? 0);
  return new Date(opts.at.getTime() + wait);
}

/** Whether a source is due at `now` (never checked: due). */
export function isDue(nextCheckAt: string | null, now: Date): boolean {
  return nextCheckAt === null || Date.parse(nextCheckAt) <= now.getTime();
}
