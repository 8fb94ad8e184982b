// The one HTTP client every crawler goes through, so politeness lives in one place
// (STYLE.md §6, after RSSHub's shared ofetch): an identifying User-Agent, robots.txt (fetched
// once per origin, cached, Crawl-delay raising the host's gap), one request in flight per
// host with a minimum gap between request starts, a timeout, a body-size cap enforced while
// streaming, manual redirects with a limit, conditional GET (304 is an answer, not an
// error), a host-wide pause after Retry-After, and bounded retries whose policy comes from
// the error class (errors.ts).
import { decodeBody } from './charset.ts';
import { classifyStatus, FetchError } from './errors.ts';
import { crawlDelayMs, isAllowed, parseRobots, type RobotsPolicy } from './robots.ts';

export type FetchedResponse = {
  /** The final URL, after redirects. */
  url: string;
  /** 2xx, or 304 when the request carried validators and nothing changed (empty body). */
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** The body decoded (charset sniffed, NFC). */
  text: string;
};

export type HttpClientOptions = {
  userAgent: string;
  minHostIntervalMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Extra attempts after the first one, for retryable and throttled failures. */
  retries: number;
  sleep?: (ms: number) => Promise<void>;
  /** First backoff step; doubles per attempt. */
  backoffBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the failure goes to the caller. */
  maxRetryAfterMs?: number;
  /** Obey robots.txt (default true). Off only for tests of other behaviour. */
  robots?: boolean;
  /** Where robots.txt answers outlive the process (the store); memory only without it. */
  robotsCache?: RobotsCache;
  /** How long a fetched robots.txt (or its 4xx) is trusted. Default 24 h, as Google does. */
  robotsTtlMs?: number;
  /** How long an unreachable robots.txt (5xx, timeout) keeps the origin closed. Default 1 h. */
  robotsErrorTtlMs?: number;
  /** A Crawl-delay above this is capped, so one site cannot stall a pass. Default 60 s. */
  maxCrawlDelayMs?: number;
  now?: () => number;
};

/** A robots.txt answer as kept between runs: the raw outcome, re-parsed when read. */
export type RobotsCacheEntry = {
  /** HTTP status, or null when no answer came (timeout, network error). */
  status: number | null;
  body: string;
  error: string | null;
  fetchedAt: Date;
  expiresAt: Date;
};

export type RobotsCache = {
  get(origin: string): RobotsCacheEntry | null;
  put(origin: string, entry: RobotsCacheEntry): void;
};

export type GetInit = {
  accept?: string;
  /** Validators from the last 200: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
};

export type HttpClient = {
  get(url: string, init?: GetInit): Promise<FetchedResponse>;
  /** A per-host override of the minimum interval (a source's politeness setting). */
  setHostInterval(host: string, ms: number): void;
  /**
   * Runs `fn` as a request to `url` made by something else than this client (Chromium):
   * robots.txt is checked first (a disallowed URL throws `blocked` and fn never runs), then
   * fn takes the host's slot, so the per-host interval and Retry-After pauses hold for it.
   */
  schedule<T>(url: string, fn: () => Promise<T>): Promise<T>;
  /** Throws `blocked` (or `retryable` while robots.txt is unreachable) unless url may be fetched. */
  assertAllowed(url: string): Promise<void>;
};

/** Google reads the first 500 KiB of a robots.txt and ignores the rest. */
const ROBOTS_MAX_BYTES = 500 * 1024;

const MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as milliseconds from now: delta-seconds or an HTTP-date; null if unusable. */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

type HostState = {
  /** Tail of the queue: resolves when the previous request to the host has finished. */
  tail: Promise<void>;
  lastStart: number;
  /** Set by a Retry-After (429, 503): nobody asks this host before then. */
  notBefore: number;
};

/** What robots.txt means for an origin, from a fetched or cached answer. */
function policyOf(entry: {
  status: number | null;
  body: string;
  error: string | null;
}): RobotsPolicy {
  const { status } = entry;
  if (status !== null && status >= 200 && status < 300) {
    return { kind: 'rules', robots: parseRobots(entry.body) };
  }
  // RFC 9309 §2.3.1.3: a 4xx means there is no robots.txt. 429 is the server being busy,
  // which Google treats like a 5xx.
  if (status !== null && status >= 400 && status < 500 && status !== 429) {
    return { kind: 'allow-all' };
  }
  return { kind: 'unreachable', reason: entry.error ?? `HTTP ${status ?? '?'}` };
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const sleep = opts.sleep ?? defaultSleep;
  const backoffBase = opts.backoffBaseMs ?? 1000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 120_000;
  const now = opts.now ?? Date.now;
  const useRobots = opts.robots ?? true;
  const robotsTtl = opts.robotsTtlMs ?? 24 * 3600_000;
  const robotsErrorTtl = opts.robotsErrorTtlMs ?? 3600_000;
  const maxCrawlDelay = opts.maxCrawlDelayMs ?? 60_000;
  const hosts = new Map<string, HostState>();
  const intervals = new Map<string, number>();
  /** Crawl-delay by host, from robots.txt. */
  const crawlDelays = new Map<string, number>();
  const robotsByOrigin = new Map<string, { policy: RobotsPolicy; expiresAt: number }>();
  /** One robots.txt request per origin, however many requests wait for it. */
  const robotsPending = new Map<string, Promise<RobotsPolicy>>();

  function hostState(host: string): HostState {
    let s = hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), lastStart: -Infinity, notBefore: 0 };
      hosts.set(host, s);
    }
    return s;
  }

  /** Runs fn as this host's only request in flight, once the host's gap has passed. */
  async function withHost<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const state = hostState(host);
    const previous = state.tail;
    let release!: () => void;
    state.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      const interval = Math.max(
        intervals.get(host) ?? opts.minHostIntervalMs,
        crawlDelays.get(host) ?? 0,
      );
      const paused = state.notBefore - now();
      if (paused > maxRetryAfter) {
        // The host asked for a long pause earlier in this pass: do not ask it anything.
        throw new FetchError(`${host}: the server asked us to wait (Retry-After)`, {
          errorClass: 'throttled',
          retryAfterMs: paused,
        });
      }
      const wait = Math.max(state.lastStart + interval, state.notBefore) - now();
      if (wait > 0) await sleep(wait);
      state.lastStart = now();
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * One request, no redirects followed, body read under the size cap and the timeout. With
   * `truncate`, a body over the cap is cut there instead of refused (robots.txt).
   */
  async function fetchOnce(
    url: URL,
    headers: Record<string, string>,
    cap: number = opts.maxBodyBytes,
    truncate = false,
  ): Promise<{ res: Response; body: Buffer }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs);
    try {
      const res = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': opts.userAgent, 'accept-language': 'vi,en;q=0.5', ...headers },
      });
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > cap && !truncate) {
        controller.abort();
        throw new FetchError(
          `${url.href}: body of ${declared} bytes is over the ${cap}-byte limit`,
          { errorClass: 'not-retryable', status: res.status },
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      if (res.body) {
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > cap) {
            // Servers often omit Content-Length (chunked): stop reading, do not buffer on.
            await reader.cancel().catch(() => undefined);
            controller.abort();
            if (truncate) {
              chunks.push(Buffer.from(value.subarray(0, value.byteLength - (size - cap))));
              break;
            }
            throw new FetchError(`${url.href}: body is over the ${cap}-byte limit`, {
              errorClass: 'not-retryable',
              status: res.status,
            });
          }
          chunks.push(Buffer.from(value));
        }
      }
      return { res, body: Buffer.concat(chunks) };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (timedOut) {
        throw new FetchError(`${url.href}: timed out after ${opts.timeoutMs} ms`, {
          errorClass: 'retryable',
          cause: err,
        });
      }
      const reason = err instanceof Error ? (errorCode(err) ?? err.message) : String(err);
      throw new FetchError(`${url.href}: network error (${reason})`, {
        errorClass: 'retryable',
        cause: err,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Fetches and interprets an origin's robots.txt (redirects followed, up to five). */
  async function fetchRobots(origin: string): Promise<RobotsCacheEntry> {
    let url = new URL('/robots.txt', origin);
    const fetchedAt = new Date(now());
    const entry = (status: number | null, body: string, error: string | null): RobotsCacheEntry => {
      const policy = policyOf({ status, body, error });
      const ttl = policy.kind === 'unreachable' ? robotsErrorTtl : robotsTtl;
      return { status, body, error, fetchedAt, expiresAt: new Date(fetchedAt.getTime() + ttl) };
    };
    for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
      let res: Response;
      let body: Buffer;
      try {
        ({ res, body } = await withHost(url.host, () =>
          fetchOnce(url, { accept: 'text/plain,*/*;q=0.5' }, ROBOTS_MAX_BYTES, true),
        ));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return entry(null, '', message);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location !== null) {
        try {
          url = new URL(location, url);
        } catch {
          return entry(404, '', null);
        }
        continue;
      }
      return entry(res.status, decodeBody(body, res.headers.get('content-type')), null);
    }
    // Google: a robots.txt not found after five redirects is treated as a 404.
    return entry(404, '', null);
  }

  function remember(origin: string, e: RobotsCacheEntry): RobotsPolicy {
    const policy = policyOf(e);
    robotsByOrigin.set(origin, { policy, expiresAt: e.expiresAt.getTime() });
    const host = new URL(origin).host;
    const delay = policy.kind === 'rules' ? crawlDelayMs(policy.robots, opts.userAgent) : null;
    if (delay !== null) crawlDelays.set(host, Math.min(delay, maxCrawlDelay));
    else crawlDelays.delete(host);
    return policy;
  }

  async function robotsFor(origin: string): Promise<RobotsPolicy> {
    const known = robotsByOrigin.get(origin);
    if (known && known.expiresAt > now()) return known.policy;
    const cached = opts.robotsCache?.get(origin);
    if (cached && cached.expiresAt.getTime() > now()) return remember(origin, cached);
    let pending = robotsPending.get(origin);
    if (!pending) {
      pending = fetchRobots(origin)
        .then((e) => {
          opts.robotsCache?.put(origin, e);
          return remember(origin, e);
        })
        .finally(() => robotsPending.delete(origin));
      robotsPending.set(origin, pending);
    }
    return pending;
  }

  /** Throws unless robots.txt lets us fetch this URL; never requests a disallowed one. */
  async function checkRobots(url: URL): Promise<void> {
    if (!useRobots || url.pathname === '/robots.txt') return;
    const policy = await robotsFor(url.origin);
    if (policy.kind === 'allow-all') return;
    if (policy.kind === 'unreachable') {
      // RFC 9309 §2.3.1.4: an unreachable robots.txt means a complete disallow for now. The
      // class is retryable so the source backs off and tries again later, not "blocked".
      throw new FetchError(
        `${url.href}: robots.txt of ${url.origin} is unreachable (${policy.reason}); not fetching`,
        { errorClass: 'retryable' },
      );
    }
    if (!isAllowed(policy.robots, opts.userAgent, url.pathname + url.search)) {
      throw new FetchError(`${url.href}: disallowed by robots.txt`, { errorClass: 'blocked' });
    }
  }

  /** One attempt: follows redirects (each hop queued on its own host, checked by robots). */
  async function attempt(start: URL, init: GetInit): Promise<FetchedResponse> {
    const seen = new Set<string>([start.href]);
    const headers: Record<string, string> = { accept: init.accept ?? DEFAULT_ACCEPT };
    if (init.etag) headers['if-none-match'] = init.etag;
    if (init.lastModified) headers['if-modified-since'] = init.lastModified;
    let url = start;
    for (let hops = 0; ; hops++) {
      await checkRobots(url);
      const { res, body } = await withHost(url.host, () => fetchOnce(url, headers));
      const got: Record<string, string> = {};
      res.headers.forEach((value, key) => (got[key] = value));
      if (res.status === 304) {
        return { url: url.href, status: 304, headers: got, body: Buffer.alloc(0), text: '' };
      }
      if (res.status >= 300 && res.status < 400 && got.location !== undefined) {
        let next: URL;
        try {
          next = new URL(got.location, url);
        } catch (err) {
          throw new FetchError(`${url.href}: bad redirect location ${got.location}`, {
            errorClass: 'not-retryable',
            status: res.status,
            cause: err,
          });
        }
        if (seen.has(next.href)) {
          // qdnd.vn's feed 302-redirects to itself without a session cookie.
          throw new FetchError(`${start.href}: redirect loop at ${next.href}`, {
            errorClass: 'not-retryable',
            status: res.status,
          });
        }
        if (hops + 1 > MAX_REDIRECTS) {
          throw new FetchError(`${start.href}: more than ${MAX_REDIRECTS} redirects`, {
            errorClass: 'not-retryable',
            status: res.status,
          });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError(`${url.href}: redirect to unsupported ${next.protocol} URL`, {
            errorClass: 'not-retryable',
            status: res.status,
          });
        }
        seen.add(next.href);
        url = next;
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        return {
          url: url.href,
          status: res.status,
          headers: got,
          body,
          text: decodeBody(body, got['content-type'] ?? null),
        };
      }
      const errorClass = classifyStatus(res.status);
      const retryAfterMs =
        errorClass === 'throttled' || res.status === 503
          ? (parseRetryAfter(got['retry-after'], now()) ?? undefined)
          : undefined;
      if (retryAfterMs !== undefined) {
        // The whole host is told to wait, not only this request, and for the rest of the pass.
        const state = hostState(url.host);
        state.notBefore = Math.max(state.notBefore, now() + retryAfterMs);
      }
      throw new FetchError(`${url.href}: HTTP ${res.status}`, {
        errorClass,
        status: res.status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
  }

  function parseHttpUrl(rawUrl: string): URL {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch (err) {
      throw new FetchError(`not a valid URL: ${rawUrl}`, {
        errorClass: 'not-retryable',
        cause: err,
      });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError(`unsupported URL scheme: ${rawUrl}`, { errorClass: 'not-retryable' });
    }
    return url;
  }

  return {
    setHostInterval(host: string, ms: number): void {
      intervals.set(host.toLowerCase(), ms);
    },

    async schedule<T>(rawUrl: string, fn: () => Promise<T>): Promise<T> {
      const url = parseHttpUrl(rawUrl);
      await checkRobots(url);
      return withHost(url.host, fn);
    },

    async assertAllowed(rawUrl: string): Promise<void> {
      await checkRobots(parseHttpUrl(rawUrl));
    },

    async get(rawUrl: string, init: GetInit = {}): Promise<FetchedResponse> {
      const url = parseHttpUrl(rawUrl);
      for (let n = 0; ; n++) {
        try {
          return await attempt(url, init);
        } catch (err) {
          if (!(err instanceof FetchError)) throw err;
          const retryable = err.errorClass === 'retryable' || err.errorClass === 'throttled';
          if (!retryable || n >= opts.retries) throw err;
          if (err.retryAfterMs !== undefined) {
            // Waiting longer than the cap would stall the whole crawl: give up and let the
            // scheduler come back after Retry-After instead.
            if (err.retryAfterMs > maxRetryAfter) throw err;
            // The host's notBefore was set when the answer came; this request waits too.
            await sleep(err.retryAfterMs);
          } else {
            await sleep(backoffBase * 2 ** n);
          }
        }
      }
    },
  };
}

function errorCode(err: Error): string | null {
  // undici wraps the socket error: "fetch failed" with cause { code: 'ECONNREFUSED' }.
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return null;
}
