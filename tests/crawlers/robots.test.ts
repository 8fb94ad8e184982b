import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../crawlers/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../crawlers/http-client.ts';
import { crawlDelayMs, isAllowed, parseRobots, productToken } from '../../crawlers/robots.ts';
import { openStore } from '../../src/store/index.ts';
import { reply, startServer, type LocalServer } from './local-server.ts';

const UA = 'DiemTinBot/0.1 (test; +https://example.invalid/contact)';

describe('robots.txt parser', () => {
  const txt = [
    '# comment',
    'User-agent: *',
    'Disallow: /private/',
    'Disallow: /*.pdf$',
    'Allow: /private/public-*',
    'Crawl-delay: 2',
    '',
    'User-agent: Googlebot',
    'User-agent: DiemTinBot',
    'Disallow: /tim-kiem',
    'Allow: /tim-kiem/tin-tuc$',
    'Crawl-delay: 5',
    '',
    'User-agent: diemtinbot',
    'Disallow: /api/',
  ].join('\r\n');
  const robots = parseRobots(txt);

  it('takes the product token of our User-Agent', () => {
    expect(productToken(UA)).toBe('diemtinbot');
  });

  it('uses our group (merged, case-insensitive) rather than *', () => {
    expect(isAllowed(robots, UA, '/private/x.html')).toBe(true);
    expect(isAllowed(robots, UA, '/tim-kiem?q=lam-dong')).toBe(false);
    expect(isAllowed(robots, UA, '/api/v1')).toBe(false);
    expect(crawlDelayMs(robots, UA)).toBe(5000);
  });

  it('falls back to * for another agent, longest match wins, $ anchors, * is a wildcard', () => {
    const other = 'OtherBot/1.0';
    expect(isAllowed(robots, other, '/private/x.html')).toBe(false);
    expect(isAllowed(robots, other, '/private/public-1.html')).toBe(true);
    expect(isAllowed(robots, other, '/files/a.pdf')).toBe(false);
    expect(isAllowed(robots, other, '/files/a.pdf?x=1')).toBe(true);
    expect(isAllowed(robots, other, '/tim-kiem')).toBe(true);
    expect(crawlDelayMs(robots, other)).toBe(2000);
  });

  it('$ in our group: only the exact path is allowed', () => {
    expect(isAllowed(robots, UA, '/tim-kiem/tin-tuc')).toBe(true);
    expect(isAllowed(robots, UA, '/tim-kiem/tin-tuc/2')).toBe(false);
  });

  it('lets Allow win a tie, ignores an empty Disallow, always allows /robots.txt', () => {
    const r = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n\nUser-agent: x\nDisallow:\n');
    expect(isAllowed(r, UA, '/a')).toBe(true);
    expect(isAllowed(r, 'x', '/anything')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /'), UA, '/robots.txt')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /'), UA, '/')).toBe(false);
  });

  it('matches non-ASCII paths in either spelling', () => {
    const r = parseRobots('User-agent: *\nDisallow: /thời-sự/\n');
    expect(isAllowed(r, UA, '/th%E1%BB%9Di-s%E1%BB%B1/bai.html')).toBe(false);
    expect(isAllowed(r, UA, '/kinh-te/bai.html')).toBe(true);
  });

  it('allows everything with no group at all', () => {
    expect(isAllowed(parseRobots('Sitemap: https://x/s.xml'), UA, '/x')).toBe(true);
  });
});

let server: LocalServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function client(over: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: UA,
    minHostIntervalMs: 0,
    timeoutMs: 1000,
    maxBodyBytes: 100_000,
    retries: 0,
    ...over,
  });
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

describe('robots.txt in the HTTP client', () => {
  it('never requests a disallowed URL, and fetches robots.txt once per host', async () => {
    server.route('/robots.txt', reply(200, 'User-agent: *\nDisallow: /private/\n'));
    server.route('/ok', reply(200, 'ok'));
    server.route('/private/secret', reply(200, 'secret'));
    const http = client();
    const results = await Promise.allSettled([
      http.get(server.url('/ok')),
      http.get(server.url('/private/secret')),
      http.get(server.url('/ok?again')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const err = (results[1] as PromiseRejectedResult).reason as FetchError;
    expect(err.errorClass).toBe('blocked');
    expect(err.message).toMatch(/^fetch: .*\/private\/secret: disallowed by robots\.txt/);
    expect(server.hitsFor('/private/secret')).toEqual([]);
    expect(server.hitsFor('/robots.txt')).toHaveLength(1);
    expect(server.hitsFor('/robots.txt')[0]?.headers['user-agent']).toBe(UA);
  });

  it('checks robots.txt on each redirect hop', async () => {
    server.route('/robots.txt', reply(200, 'User-agent: *\nDisallow: /private/\n'));
    server.route('/go', reply(302, '', { location: '/private/x' }));
    const err = await fetchError(client().get(server.url('/go')));
    expect(err.errorClass).toBe('blocked');
    expect(server.hitsFor('/private/x')).toEqual([]);
  });

  it('treats a 4xx robots.txt as allow-all', async () => {
    server.route('/robots.txt', reply(404));
    server.route('/a', reply(200, 'a'));
    expect((await client().get(server.url('/a'))).text).toBe('a');
  });

  it('treats a 5xx or a timeout as a complete disallow, retryable, for a while', async () => {
    let now = Date.parse('2026-11-20T00:00:00Z');
    server.route('/robots.txt', reply(503));
    server.route('/a', reply(200, 'a'));
    const http = client({ now: () => now, robotsErrorTtlMs: 60_000 });
    const err = await fetchError(http.get(server.url('/a')));
    expect(err.errorClass).toBe('retryable');
    expect(err.message).toMatch(/robots\.txt .* unreachable \(HTTP 503\)/);
    await fetchError(http.get(server.url('/a')));
    expect(server.hitsFor('/robots.txt')).toHaveLength(1);
    expect(server.hitsFor('/a')).toEqual([]);
    // After the error TTL, robots.txt is asked again.
    server.route('/robots.txt', reply(200, 'User-agent: *\nAllow: /\n'));
    now += 61_000;
    expect((await http.get(server.url('/a'))).text).toBe('a');
    expect(server.hitsFor('/robots.txt')).toHaveLength(2);

    const hang = await startServer({ '/robots.txt': () => undefined, '/b': reply(200, 'b') });
    try {
      const slow = await fetchError(client({ timeoutMs: 200 }).get(hang.url('/b')));
      expect(slow.message).toMatch(/unreachable .*timed out/);
      expect(hang.hitsFor('/b')).toEqual([]);
    } finally {
      await hang.close();
    }
  });

  it('raises the host interval to Crawl-delay', async () => {
    server.route('/robots.txt', reply(200, 'User-agent: *\nCrawl-delay: 0.3\n'));
    server.route('/x', reply(200, 'x'));
    const http = client({ minHostIntervalMs: 10 });
    await Promise.all([http.get(server.url('/x')), http.get(server.url('/x'))]);
    const [a, b] = server.hitsFor('/x').map((h) => h.at);
    expect(b! - a!).toBeGreaterThanOrEqual(250);
  });

  it('keeps robots.txt in the store between runs, until it expires', async () => {
    server.route('/robots.txt', reply(200, 'User-agent: *\nDisallow: /private/\n'));
    server.route('/ok', reply(200, 'ok'));
    const store = openStore(':memory:');
    try {
      let now = Date.parse('2026-11-20T00:00:00Z');
      const run = () => client({ robotsCache: store.robotsCache(), now: () => now });
      await run().get(server.url('/ok'));
      // A new process (a new client) reads the stored answer: no second request.
      const second = await fetchError(run().get(server.url('/private/a')));
      expect(second.errorClass).toBe('blocked');
      expect(server.hitsFor('/robots.txt')).toHaveLength(1);
      now += 25 * 3600_000;
      await run().get(server.url('/ok'));
      expect(server.hitsFor('/robots.txt')).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});
