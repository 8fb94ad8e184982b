import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../crawlers/errors.ts';
import {
  createHttpClient,
  parseRetryAfter,
  type HttpClientOptions,
} from '../../crawlers/http-client.ts';
import { reply, startServer, type LocalServer } from './local-server.ts';

const UA = 'DiemTinBot/0.1 (test; +https://example.invalid/contact)';

function client(over: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: UA,
    minHostIntervalMs: 0,
    timeoutMs: 2000,
    maxBodyBytes: 100_000,
    retries: 0,
    ...over,
  });
}

/** A sleep that records what it was asked and returns at once. */
function recordingSleep() {
  const calls: number[] = [];
  return { calls, sleep: (ms: number) => (calls.push(ms), Promise.resolve()) };
}

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

let server: LocalServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe('http client', () => {
  it('sends the identifying User-Agent and returns the final URL, headers and text', async () => {
    server.route('/a', reply(200, 'xin chào', { 'content-type': 'text/plain; charset=utf-8' }));
    const res = await client().get(server.url('/a'), { accept: 'application/rss+xml' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(server.url('/a'));
    expect(res.text).toBe('xin chào');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const hit = server.hitsFor('/a')[0];
    expect(hit?.headers['user-agent']).toBe(UA);
    expect(hit?.headers.accept).toBe('application/rss+xml');
  });

  it('spaces request starts per host and keeps one request in flight per host', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    server.route('/slow', async (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      res.end('ok');
    });
    const other = await startServer({ '/b': reply(200, 'b') });
    try {
      const http = client({ minHostIntervalMs: 200 });
      // Warm up fetch itself (its first call is slow), so the server-side gaps measure us.
      await http.get(other.url('/b'));
      http.setHostInterval(other.host, 0);
      const all = [1, 2, 3, 4].map(() => http.get(server.url('/slow')));
      const otherHost = http.get(other.url('/b'));
      await Promise.all([...all, otherHost]);
      const times = server.hitsFor('/slow').map((h) => h.at);
      expect(times).toHaveLength(4);
      for (let i = 1; i < times.length; i++) {
        // Measured by the server, so the first request's TCP connect eats into the first gap;
        // the tolerance is generous, still far above the ~30 ms of back-to-back requests.
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150);
      }
      expect(maxInFlight).toBe(1);
      // Another host has its own queue: it is not held behind the first host's gaps.
      expect(other.hitsFor('/b')[1]!.at).toBeLessThan(times[1]!);
    } finally {
      await other.close();
    }
  });

  it('honours a per-host interval override', async () => {
    server.route('/x', reply(200, 'x'));
    const http = client({ minHostIntervalMs: 0 });
    http.setHostInterval(server.host, 250);
    await Promise.all([http.get(server.url('/x')), http.get(server.url('/x'))]);
    const [a, b] = server.hitsFor('/x').map((h) => h.at);
    expect(b! - a!).toBeGreaterThanOrEqual(190);
  });

  it('retries a 500 with exponential backoff, then succeeds', async () => {
    let n = 0;
    server.route('/flaky', (_req, res) => {
      n++;
      if (n <= 2) res.writeHead(500).end('oops');
      else res.writeHead(200).end('ok');
    });
    const { calls, sleep } = recordingSleep();
    const res = await client({ retries: 2, sleep, backoffBaseMs: 100 }).get(server.url('/flaky'));
    expect(res.text).toBe('ok');
    expect(server.hitsFor('/flaky')).toHaveLength(3);
    expect(calls).toEqual([100, 200]);
  });

  it('gives up after the retry budget with a retryable error', async () => {
    server.route('/down', reply(503, 'down'));
    const { sleep } = recordingSleep();
    const err = await fetchError(client({ retries: 1, sleep }).get(server.url('/down')));
    expect(err.errorClass).toBe('retryable');
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/^fetch: .*HTTP 503/);
    expect(server.hitsFor('/down')).toHaveLength(2);
  });

  it('does not retry other 4xx; 401/403 are blocked', async () => {
    server.route('/gone', reply(404));
    server.route('/waf', reply(403));
    const { sleep } = recordingSleep();
    const http = client({ retries: 3, sleep });
    const notFound = await fetchError(http.get(server.url('/gone')));
    expect(notFound.errorClass).toBe('not-retryable');
    const blocked = await fetchError(http.get(server.url('/waf')));
    expect(blocked.errorClass).toBe('blocked');
    expect(server.hitsFor('/gone')).toHaveLength(1);
    expect(server.hitsFor('/waf')).toHaveLength(1);
  });

  it('waits for Retry-After (seconds) on 429, then succeeds', async () => {
    let n = 0;
    server.route('/busy', (_req, res) => {
      n++;
      if (n === 1) res.writeHead(429, { 'retry-after': '2' }).end();
      else res.writeHead(200).end('ok');
    });
    const { calls, sleep } = recordingSleep();
    const res = await client({ retries: 2, sleep, backoffBaseMs: 10 }).get(server.url('/busy'));
    expect(res.text).toBe('ok');
    expect(calls[0]).toBe(2000);
  });

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-11-20T00:00:00Z');
    expect(parseRetryAfter('Fri, 20 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('does not wait for a Retry-After beyond the cap: throttled goes to the caller', async () => {
    server.route('/later', reply(429, '', { 'retry-after': '3600' }));
    const { calls, sleep } = recordingSleep();
    const err = await fetchError(
      client({ retries: 3, sleep, maxRetryAfterMs: 60_000 }).get(server.url('/later')),
    );
    expect(err.errorClass).toBe('throttled');
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(calls).toEqual([]);
    expect(server.hitsFor('/later')).toHaveLength(1);
  });

  it('times out a server that does not answer', async () => {
    server.route('/hang', () => undefined);
    const started = Date.now();
    const err = await fetchError(client({ timeoutMs: 200 }).get(server.url('/hang')));
    expect(err.errorClass).toBe('retryable');
    expect(err.message).toMatch(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that trickles forever', async () => {
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write('<p>…</p>'), 20);
      res.on('close', () => clearInterval(t));
    });
    const err = await fetchError(client({ timeoutMs: 250 }).get(server.url('/trickle')));
    expect(err.message).toMatch(/timed out/);
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    server.route('/big', reply(200, 'x'.repeat(5000), { 'content-length': '5000' }));
    server.route('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const t = setInterval(() => {
        res.write('y'.repeat(500));
        sent += 500;
        if (sent >= 20_000) {
          clearInterval(t);
          res.end();
        }
      }, 2);
      res.on('close', () => clearInterval(t));
    });
    const http = client({ maxBodyBytes: 1000, retries: 2 });
    const declared = await fetchError(http.get(server.url('/big')));
    expect(declared.errorClass).toBe('not-retryable');
    expect(declared.message).toMatch(/5000 bytes is over the 1000-byte limit/);
    const streamed = await fetchError(http.get(server.url('/chunked')));
    expect(streamed.errorClass).toBe('not-retryable');
    expect(streamed.message).toMatch(/over the 1000-byte limit/);
    expect(server.hitsFor('/chunked')).toHaveLength(1);
  });

  it('follows redirects and reports the final URL', async () => {
    server.route('/r1', reply(301, '', { location: '/r2' }));
    server.route('/r2', reply(302, '', { location: server.url('/final') }));
    server.route('/final', reply(200, 'đích', { 'content-type': 'text/html; charset=utf-8' }));
    const res = await client().get(server.url('/r1'));
    expect(res.url).toBe(server.url('/final'));
    expect(res.text).toBe('đích');
  });

  it('stops a redirect loop and a chain longer than five', async () => {
    server.route('/loop', reply(302, '', { location: '/loop' }));
    for (let i = 1; i <= 7; i++) server.route(`/c${i}`, reply(302, '', { location: `/c${i + 1}` }));
    const http = client({ retries: 2 });
    const loop = await fetchError(http.get(server.url('/loop')));
    expect(loop.errorClass).toBe('not-retryable');
    expect(loop.message).toMatch(/redirect loop/);
    expect(server.hitsFor('/loop')).toHaveLength(1);
    const long = await fetchError(http.get(server.url('/c1')));
    expect(long.message).toMatch(/more than 5 redirects/);
    expect(server.hits.filter((h) => h.path.startsWith('/c'))).toHaveLength(6);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const dead = await startServer();
    const url = dead.url('/x');
    await dead.close();
    const err = await fetchError(client().get(url));
    expect(err.errorClass).toBe('retryable');
    expect(err.message).toMatch(/network error \(ECONNREFUSED\)/);
  });

  it('decodes by the header charset, to NFC (windows-1258 with combining tone marks)', async () => {
    // "Lâm Đồng" in windows-1258: ồ is ô (0xF4) followed by a combining grave (0xCC).
    const bytes = Buffer.from([0x4c, 0xe2, 0x6d, 0x20, 0xd0, 0xf4, 0xcc, 0x6e, 0x67]);
    server.route('/cp', reply(200, bytes, { 'content-type': 'text/html; charset=windows-1258' }));
    const res = await client().get(server.url('/cp'));
    expect(res.text).toBe('Lâm Đồng'.normalize('NFC'));
    expect(res.text).toHaveLength(8);
    expect(res.body.equals(bytes)).toBe(true);
  });

  it('reads a UTF-8 feed whose prolog claims utf-16', async () => {
    const xml = '<?xml version="1.0" encoding="utf-16"?><rss><title>Tỷ giá</title></rss>';
    server.route('/feed', reply(200, Buffer.from(xml, 'utf8'), { 'content-type': 'text/xml' }));
    const res = await client().get(server.url('/feed'));
    expect(res.text).toBe(xml);
  });
});
