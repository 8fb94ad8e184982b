import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlOnce, type CrawlDeps, type ProcessResult } from '../../crawlers/crawl.ts';
import { createHttpClient } from '../../crawlers/http-client.ts';
import {
  backoffMs,
  freshnessMs,
  MAX_BACKOFF_MS,
  nextCheckAfterSuccess,
} from '../../crawlers/schedule.ts';
import type { SourceDef } from '../../src/config/sources.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { pageArticle } from '../store/article-factory.ts';
import { reply, startServer, type LocalServer } from './local-server.ts';

const MIN = 60_000;

describe('schedule (pure)', () => {
  it('doubles per consecutive failure, caps at a day, adds jitter, honours Retry-After', () => {
    const i = 30 * MIN;
    expect(backoffMs({ intervalMs: i, failures: 1 })).toBe(30 * MIN);
    expect(backoffMs({ intervalMs: i, failures: 3 })).toBe(120 * MIN);
    expect(backoffMs({ intervalMs: i, failures: 40 })).toBe(MAX_BACKOFF_MS);
    expect(backoffMs({ intervalMs: i, failures: 2, jitter: 0.5 })).toBe(67.5 * MIN);
    expect(backoffMs({ intervalMs: i, failures: 40, jitter: 0.99 })).toBe(MAX_BACKOFF_MS);
    expect(backoffMs({ intervalMs: i, failures: 1, retryAfterMs: 5 * 3600_000 })).toBe(
      5 * 3600_000,
    );
  });

  it('reads freshness from Cache-Control, Expires and <ttl>', () => {
    const now = Date.parse('2026-11-20T00:00:00Z');
    expect(freshnessMs({ 'cache-control': 'public, max-age=600' }, '', now)).toBe(600_000);
    expect(freshnessMs({ 'cache-control': 'no-cache' }, '<ttl>60</ttl>', now)).toBe(0);
    expect(
      freshnessMs(
        { expires: 'Fri, 20 Nov 2026 00:20:00 GMT', date: 'Fri, 20 Nov 2026 00:10:00 GMT' },
        '',
        now,
      ),
    ).toBe(600_000);
    expect(freshnessMs({}, '<rss><channel><ttl>45</ttl></channel></rss>', now)).toBe(45 * MIN);
    expect(freshnessMs({}, '<rss/>', now)).toBeNull();
  });

  it('stretches the interval by the feed that goes stale first, within a cap', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    const next = (freshness: (number | null)[], retryAfterMs?: number) =>
      nextCheckAfterSuccess({
        at,
        intervalMs: 30 * MIN,
        freshness,
        ...(retryAfterMs ? { retryAfterMs } : {}),
      }).toISOString();
    expect(next([null])).toBe('2026-11-20T00:30:00.000Z');
    expect(next([10 * MIN])).toBe('2026-11-20T00:30:00.000Z');
    expect(next([90 * MIN, 60 * MIN])).toBe('2026-11-20T01:00:00.000Z');
    expect(next([365 * 24 * 60 * MIN])).toBe('2026-11-20T06:00:00.000Z');
    expect(next([null], 2 * 3600_000)).toBe('2026-11-20T02:00:00.000Z');
  });
});

const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function rss(links: string[], extra = ''): string {
  const items = links
    .map((l, i) => `<item><title>Tin ${i}</title><link>${l}</link></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${extra}${items}</channel></rss>`;
}

function processPage(p: Parameters<CrawlDeps['processPage']>[0]): ProcessResult {
  return pageArticle(p, /<title>([^<]*)/.exec(p.html)?.[1] ?? 'x');
}

let server: LocalServer;
let store: Store;
let clock: number;
beforeEach(async () => {
  server = await startServer();
  store = openStore(':memory:');
  clock = Date.parse('2026-11-20T00:00:00Z');
});
afterEach(async () => {
  store.close();
  await server.close();
});

function source(id: string, feeds: string[], intervalMinutes = 30): SourceDef {
  return {
    id,
    name: `Báo ${id}`,
    domain: '127.0.0.1',
    category: 'provincial-press',
    kind: 'rss',
    enabled: true,
    intervalMinutes,
    feeds,
  };
}

function deps(sources: SourceDef[], over: Partial<CrawlDeps> = {}): CrawlDeps {
  return {
    store,
    http: createHttpClient({
      userAgent: 'DiemTinBot/0.1 (test)',
      minHostIntervalMs: 0,
      timeoutMs: 2000,
      maxBodyBytes: 1_000_000,
      retries: 0,
    }),
    sources,
    now: () => new Date(clock),
    processPage,
    random: () => 0,
    ...over,
  };
}

/** A feed that answers 304 to its own validators. */
function conditionalFeed(body: string, etag: string, lastModified: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { ...RSS, etag, 'last-modified': lastModified }).end(body);
  };
}

describe('conditional GET and due sources', () => {
  it('sends the validators back, counts a 304 as nothing new, and fetches no page', async () => {
    const lm = 'Fri, 20 Nov 2026 00:00:00 GMT';
    server.route('/feed', conditionalFeed(rss([server.url('/p1')]), '"v1"', lm));
    server.route('/p1', reply(200, '<title>Một</title>', HTML));
    const src = [source('a', [server.url('/feed')])];
    const first = await crawlOnce(deps(src));
    expect(first).toMatchObject({ newArticles: 1, notModified: 0 });
    expect(store.getFeedState(server.url('/feed'))).toMatchObject({
      etag: '"v1"',
      lastModified: lm,
    });

    clock += 31 * MIN;
    const second = await crawlOnce(deps(src, { onlyDue: true }));
    expect(second).toMatchObject({ sources: 1, notModified: 1, itemsSeen: 0, feedFailures: [] });
    const hits = server.hitsFor('/feed');
    expect(hits).toHaveLength(2);
    expect(hits[1]?.headers['if-none-match']).toBe('"v1"');
    expect(hits[1]?.headers['if-modified-since']).toBe(lm);
    expect(server.hitsFor('/p1')).toHaveLength(1);
    const [s] = store.listSources();
    expect(s).toMatchObject({ consecutiveFailures: 0, lastErrorClass: null });
    expect(s?.lastSuccessAt).toBe(new Date(clock).toISOString());
    expect(store.getFeedState(server.url('/feed'))?.notModifiedCount).toBe(1);
  });

  it('does not keep validators while an item failed for now, so the item is retried', async () => {
    let pageUp = false;
    server.route('/feed', conditionalFeed(rss([server.url('/p1')]), '"v1"', 'x'));
    server.route('/p1', (_req, res) => {
      if (pageUp) res.writeHead(200, HTML).end('<title>Một</title>');
      else res.writeHead(502).end();
    });
    const src = [source('a', [server.url('/feed')])];
    const first = await crawlOnce(deps(src));
    expect(first.itemFailures.map((f) => f.errorClass)).toEqual(['retryable']);
    expect(store.getFeedState(server.url('/feed'))).toBeNull();
    pageUp = true;
    const second = await crawlOnce(deps(src));
    expect(server.hitsFor('/feed')[1]?.headers['if-none-match']).toBeUndefined();
    expect(second.newArticles).toBe(1);
  });

  it('processes only due sources: interval, Cache-Control max-age, backoff, Retry-After', async () => {
    server.route('/fresh', reply(200, rss([]), { ...RSS, 'cache-control': 'max-age=7200' }));
    server.route('/plain', reply(200, rss([]), RSS));
    server.route('/down', reply(500));
    server.route('/busy', reply(429, '', { 'retry-after': '10800' }));
    const src = [
      source('fresh', [server.url('/fresh')]),
      source('plain', [server.url('/plain')]),
      source('down', [server.url('/down')]),
      source('busy', [server.url('/busy')]),
    ];
    const t0 = clock;
    const first = await crawlOnce(deps(src, { onlyDue: true }));
    expect(first.sources).toBe(4);
    const next = Object.fromEntries(store.listSources().map((s) => [s.id, s.nextCheckAt]));
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(next).toEqual({
      fresh: at(120 * MIN),
      plain: at(30 * MIN),
      down: at(30 * MIN),
      busy: at(180 * MIN),
    });
    const busy = store.listSources().find((s) => s.id === 'busy');
    expect(busy).toMatchObject({ lastErrorClass: 'throttled', consecutiveFailures: 1 });

    clock = t0 + 31 * MIN;
    const second = await crawlOnce(deps(src, { onlyDue: true }));
    expect(second).toMatchObject({ sources: 2, notDue: 2 });
    expect(server.hitsFor('/fresh')).toHaveLength(1);
    expect(server.hitsFor('/busy')).toHaveLength(1);
    // The second failure in a row doubles the wait, with jitter on top.
    const down = store.listSources().find((s) => s.id === 'down');
    expect(down?.consecutiveFailures).toBe(2);
    expect(down?.nextCheckAt).toBe(new Date(clock + 60 * MIN).toISOString());

    clock = t0 + 62 * MIN;
    const third = await crawlOnce(deps(src, { onlyDue: true, random: () => 0.5 }));
    expect(third).toMatchObject({ sources: 1, notDue: 3 });
    expect(server.hitsFor('/plain')).toHaveLength(3);
    expect(server.hitsFor('/down')).toHaveLength(2);

    // Without onlyDue (`diemtin crawl --all`) everything is checked.
    const forced = await crawlOnce(deps(src));
    expect(forced.sources).toBe(4);
  });

  it('jitters the backoff of sources that failed together', async () => {
    server.route('/down', reply(503));
    const src = [source('x', [server.url('/down')]), source('y', [server.url('/down?y')])];
    const draws = [0.1, 0.9];
    await crawlOnce(deps(src, { random: () => draws.shift() ?? 0, concurrency: 1 }));
    const next = store.listSources().map((s) => Date.parse(s.nextCheckAt!) - clock);
    expect(next).toEqual([1_845_000, 2_205_000]); // 30 min × (1 + 0.25 × draw)
  });

  it('stops asking a host for the rest of the pass after a long Retry-After', async () => {
    server.route('/busy', reply(429, '', { 'retry-after': '3600' }));
    server.route('/other', reply(200, rss([]), RSS));
    const src = [source('a', [server.url('/busy')]), source('b', [server.url('/other')])];
    const report = await crawlOnce(deps(src, { concurrency: 1 }));
    expect(report.feedFailures.map((f) => [f.sourceId, f.errorClass])).toEqual([
      ['a', 'throttled'],
      ['b', 'throttled'],
    ]);
    expect(server.hitsFor('/other')).toEqual([]);
    const b = store.listSources().find((s) => s.id === 'b');
    expect(Date.parse(b!.nextCheckAt!) - clock).toBeGreaterThan(59 * MIN);
  });
});
