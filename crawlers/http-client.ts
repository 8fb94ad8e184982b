// The one HTTP client every crawler goes through, so politeness lives in one place
// (STYLE.md §6, after RSSHub's shared ofetch): an identifying User-Agent, one request in
// flight per host with a minimum gap between request starts, a timeout, a body-size cap
// enforced while streaming, manual redirects with a limit, and bounded retries whose
// policy comes from the error class (errors.ts).
import { decodeBody } from './charset.ts';
import { classifyStatus, FetchError } from './errors.ts';

export type FetchedResponse = {
  /** The final URL, after redirects. */
  url: string;
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
};

export type HttpClient = {
  get(url: string, init?: { accept?: string }): Promise<FetchedResponse>;
  /** A per-host override of the minimum interval (a source's politeness setting). */
  setHostInterval(host: string, ms: number): void;
};

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
  /** Set by a 429: nobody asks this host before then. */
  notBefore: number;
};

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const sleep = opts.sleep ?? defaultSleep;
  const backoffBase = opts.backoffBaseMs ?? 1000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 120_000;
  const hosts = new Map<string, HostState>();
  const intervals = new Map<string, number>();

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
      const interval = intervals.get(host) ?? opts.minHostIntervalMs;
      const wait = Math.max(state.lastStart + interval, state.notBefore) - Date.now();
      if (wait > 0) await sleep(wait);
      state.lastStart = Date.now();
      return await fn();
    } finally {
      release();
    }
  }

  /** One request, no redirects followed, body read under the size cap and the timeout. */
  async function fetchOnce(url: URL, accept: string): Promise<{ res: Response; body: Buffer }> {
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
        headers: { 'user-agent': opts.userAgent, accept, 'accept-language': 'vi,en;q=0.5' },
      });
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > opts.maxBodyBytes) {
        controller.abort();
        throw new FetchError(
          `${url.href}: body of ${declared} bytes is over the ${opts.maxBodyBytes}-byte limit`,
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
          if (size > opts.maxBodyBytes) {
            // Servers often omit Content-Length (chunked): stop reading, do not buffer on.
            await reader.cancel().catch(() => undefined);
            controller.abort();
            throw new FetchError(`${url.href}: body is over the ${opts.maxBodyBytes}-byte limit`, {
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

  /** One attempt: follows redirects (each hop queued on its own host). */
  async function attempt(start: URL, accept: string): Promise<FetchedResponse> {
    const seen = new Set<string>([start.href]);
    let url = start;
    for (let hops = 0; ; hops++) {
      const { res, body } = await withHost(url.host, () => fetchOnce(url, accept));
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key] = value));
      if (res.status >= 300 && res.status < 400 && headers.location !== undefined) {
        let next: URL;
        try {
          next = new URL(headers.location, url);
        } catch (err) {
          throw new FetchError(`${url.href}: bad redirect location ${headers.location}`, {
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
          headers,
          body,
          text: decodeBody(body, headers['content-type'] ?? null),
        };
      }
      const errorClass = classifyStatus(res.status);
      const retryAfterMs =
        errorClass === 'throttled' || res.status === 503
          ? (parseRetryAfter(headers['retry-after']) ?? undefined)
          : undefined;
      throw new FetchError(`${url.href}: HTTP ${res.status}`, {
        errorClass,
        status: res.status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
  }

  return {
    setHostInterval(host: string, ms: number): void {
      intervals.set(host.toLowerCase(), ms);
    },

    async get(rawUrl: string, init?: { accept?: string }): Promise<FetchedResponse> {
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
      const accept = init?.accept ?? DEFAULT_ACCEPT;
      for (let n = 0; ; n++) {
        try {
          return await attempt(url, accept);
        } catch (err) {
          if (!(err instanceof FetchError)) throw err;
          const retryable = err.errorClass === 'retryable' || err.errorClass === 'throttled';
          if (!retryable || n >= opts.retries) throw err;
          if (err.retryAfterMs !== undefined) {
            // Waiting longer than the cap would stall the whole crawl: give up and let the
            // scheduler come back after Retry-After instead.
            if (err.retryAfterMs > maxRetryAfter) throw err;
            // The whole host is told to wait, not only this request.
            hostState(url.host).notBefore = Date.now() + err.retryAfterMs;
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
