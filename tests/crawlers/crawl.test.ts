import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlOnce, type CrawlDeps, type ProcessResult } from '../../crawlers/crawl.ts';
import { createHttpClient } from '../../crawlers/http-client.ts';
import type { SourceDef } from '../../src/config/sources.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { pageArticle } from '../store/article-factory.ts';
import { reply, startServer, type LocalServer } from './local-server.ts';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

function rss(items: { link: string; title: string }[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link>` +
        `<pubDate>Fri, 20 Nov 2026 07:30:00 +0700</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${body}</channel></rss>`;
}

function page(title: string, head = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body><p>${title}.</p></body></html>`;
}

/** The trivial handler: an Article from the page's <title>; "Video" pages are not articles. */
function processPage(p: Parameters<CrawlDeps['processPage']>[0]): ProcessResult {
  const title = /<title>([^<]*)<\/title>/.exec(p.html)?.[1] ?? '';
  if (title === '' || title.startsWith('Video')) return { ok: false, reason: 'no article body' };
  return pageArticle(p, title);
}

let server: LocalServer;
let store: Store;
let sources: SourceDef[];

beforeEach(async () => {
  server = await startServer();
  const u = server.url.bind(server);
  // Source A: two feeds that repeat an item, a relative link, tracking parameters, a page
  // whose canonical link differs from the feed link, a non-article and a failing page.
  server.route(
    '/a/feed.rss',
    reply(
      200,
      rss([
        { link: u('/a/1.html'), title: 'Một' },
        { link: '/a/2.html?utm_source=rss&amp;utm_medium=feed', title: 'Hai' },
        { link: u('/a/3.html'), title: 'Video' },
        { link: u('/a/4.html'), title: 'Bốn' },
        { link: u('/a/5.html?ref=home'), title: 'Năm' },
      ]),
      RSS,
    ),
  );
  server.route('/a/feed2.rss', reply(200, rss([{ link: u('/a/1.html#top'), title: 'Một' }]), RSS));
  server.route('/a/1.html', reply(200, page('Lâm Đồng mở rộng đường đèo'), HTML));
  server.route('/a/2.html', reply(200, page('Đà Lạt đón khách quốc tế'), HTML));
  server.route('/a/3.html', reply(200, page('Video: mưa lớn ở Bảo Lộc'), HTML));
  server.route('/a/4.html', reply(500, 'lỗi máy chủ'));
  server.route(
    '/a/5.html',
    reply(
      200,
      page('Di Linh thu hoạch cà phê', `<link rel="canonical" href="${u('/a/5.html')}">`),
      HTML,
    ),
  );
  // Source B's feed is down; source C is healthy; source D is disabled.
  server.route('/b/feed.rss', reply(503, 'bảo trì'));
  server.route('/c/feed.rss', reply(200, rss([{ link: u('/c/1.html'), title: 'C' }]), RSS));
  server.route('/c/1.html', reply(200, page('Cổng tỉnh công bố kế hoạch'), HTML));
  server.route('/d/feed.rss', reply(200, rss([{ link: u('/d/1.html'), title: 'D' }]), RSS));

  const base = { domain: '127.0.0.1', kind: 'rss' as const, enabled: true, intervalMinutes: 30 };
  sources = [
    {
      ...base,
      id: 'a',
      name: 'Báo A',
      category: 'provincial-press',
      feeds: [u('/a/feed.rss'), u('/a/feed2.rss')],
    },
    { ...base, id: 'b', name: 'Báo B', category: 'central-press', feeds: [u('/b/feed.rss')] },
    { ...base, id: 'c', name: 'Cổng C', category: 'government-portal', feeds: [u('/c/feed.rss')] },
    {
      ...base,
      id: 'd',
      name: 'Báo D',
      category: 'central-press',
      feeds: [u('/d/feed.rss')],
      enabled: false,
    },
  ];
  store = openStore(':memory:');
});

afterEach(async () => {
  store.close();
  await server.close();
});

function deps(): CrawlDeps {
  const http = createHttpClient({
    userAgent: 'DiemTinBot/0.1 (test)',
    minHostIntervalMs: 0,
    timeoutMs: 2000,
    maxBodyBytes: 1_000_000,
    retries: 0,
  });
  return { store, http, sources, now: () => new Date('2026-11-20T01:00:00Z'), processPage };
}

describe('crawlOnce', () => {
  it('stores new articles once, records failures, and fetches nothing twice', async () => {
    const first = await crawlOnce(deps());
    expect(first).toMatchObject({
      sources: 3,
      feeds: 4,
      itemsSeen: 7,
      newArticles: 4,
      alreadyStored: 1,
    });
    expect(first.notArticles).toEqual([
      { url: server.url('/a/3.html'), reason: 'no article body' },
    ]);
    expect(first.itemFailures).toEqual([
      {
        sourceId: 'a',
        url: server.url('/a/4.html'),
        errorClass: 'retryable',
        message: expect.stringMatching(/^fetch: .*HTTP 500/) as unknown,
      },
    ]);
    expect(first.feedFailures).toEqual([
      {
        sourceId: 'b',
        url: server.url('/b/feed.rss'),
        errorClass: 'retryable',
        message: expect.stringMatching(/HTTP 503/) as unknown,
      },
    ]);

    const urls = store
      .listArticles({})
      .map((a) => a.url)
      .sort();
    expect(urls).toEqual(
      ['/a/1.html', '/a/2.html', '/a/5.html', '/c/1.html'].map((p) => server.url(p)),
    );
    expect(store.getArticle(server.url('/a/2.html'))?.title).toBe('Đà Lạt đón khách quốc tế');
    expect(store.getPage(server.url('/a/1.html'))?.html).toContain('Lâm Đồng mở rộng đường đèo');
    // The disabled source is never asked.
    expect(server.hits.filter((h) => h.path.startsWith('/d/'))).toEqual([]);

    const pageHits = (): Record<string, number> =>
      Object.fromEntries(
        ['/a/1.html', '/a/2.html', '/a/3.html', '/a/4.html', '/a/5.html', '/c/1.html'].map((p) => [
          p,
          server.hits.filter((h) => h.path.split('?')[0] === p).length,
        ]),
      );
    expect(pageHits()).toEqual({
      '/a/1.html': 1,
      '/a/2.html': 1,
      '/a/3.html': 1,
      '/a/4.html': 1,
      '/a/5.html': 1,
      '/c/1.html': 1,
    });

    const second = await crawlOnce(deps());
    expect(second.newArticles).toBe(0);
    expect(second.alreadyStored).toBe(6);
    expect(store.listArticles({})).toHaveLength(4);
    // Stored pages (articles and the non-article) are not fetched again; only the page that
    // failed is tried once more.
    expect(pageHits()).toEqual({
      '/a/1.html': 1,
      '/a/2.html': 1,
      '/a/3.html': 1,
      '/a/4.html': 2,
      '/a/5.html': 1,
      '/c/1.html': 1,
    });
    expect(server.hitsFor('/a/feed.rss')).toHaveLength(2);
  });

  it('records a failing feed on its source while the other sources proceed', async () => {
    await crawlOnce(deps());
    await crawlOnce(deps());
    const health = Object.fromEntries(store.listSources().map((s) => [s.id, s]));
    expect(health.b).toMatchObject({
      consecutiveFailures: 2,
      lastErrorClass: 'retryable',
      lastSuccessAt: null,
      lastErrorAt: '2026-11-20T01:00:00.000Z',
    });
    expect(health.b?.lastError).toMatch(/^fetch: .*HTTP 503/);
    // A page that failed is recorded on its source, but the source itself answered.
    expect(health.a).toMatchObject({
      consecutiveFailures: 0,
      lastItemCount: 6,
      lastErrorClass: 'retryable',
      lastSuccessAt: '2026-11-20T01:00:00.000Z',
    });
    expect(health.a?.lastError).toMatch(/a\/4\.html: HTTP 500/);
    expect(health.c).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: '2026-11-20T01:00:00.000Z',
    });
    expect(health.d?.lastSuccessAt).toBeNull();

    const runs = store.listJobRuns('crawl');
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(runs[0]?.summary).toMatchObject({ newArticles: 4 });
    expect(runs[1]?.summary).toMatchObject({ newArticles: 0 });
  });

  it('records a feed that is not a feed as not-retryable and goes on', async () => {
    server.route('/c/feed.rss', reply(200, page('Vui lòng chờ'), HTML));
    const report = await crawlOnce(deps());
    expect(report.feedFailures.map((f) => [f.sourceId, f.errorClass])).toEqual([
      ['b', 'retryable'],
      ['c', 'not-retryable'],
    ]);
    expect(report.feedFailures[1]?.message).toMatch(/^feed: /);
    expect(report.newArticles).toBe(3);
  });

  it('counts an item failure when processPage throws, and marks the job run', async () => {
    const d = deps();
    const report = await crawlOnce({
      ...d,
      processPage: (p) => {
        if (p.url.endsWith('/c/1.html')) throw new Error('extract: boom');
        return processPage(p);
      },
    });
    expect(report.itemFailures).toContainEqual({
      sourceId: 'c',
      url: server.url('/c/1.html'),
      errorClass: 'not-retryable',
      message: 'extract: boom',
    });
    // The page was kept, so a reprocess can retry it without asking the site again.
    expect(store.hasPage(server.url('/c/1.html'))).toBe(true);
    expect(store.listJobRuns('crawl')[0]?.status).toBe('ok');
  });
});

describe('a pass interrupted between saving a page and storing its article', () => {
  it('processes the saved page on the next pass without fetching it again', async () => {
    const d = deps();
    // The first pass "dies" inside processPage for /c/1.html: the page is saved, unprocessed.
    await crawlOnce({
      ...d,
      processPage: (p) => {
        if (p.url.endsWith('/c/1.html')) throw new Error('killed');
        return processPage(p);
      },
    });
    expect(store.pageState(server.url('/c/1.html'))).toBe('unprocessed');
    expect(store.hasArticle(server.url('/c/1.html'))).toBe(false);
    const second = await crawlOnce(deps());
    expect(second.resumed).toBe(1);
    expect(store.getArticle(server.url('/c/1.html'))?.title).toBe('Cổng tỉnh công bố kế hoạch');
    expect(store.pageState(server.url('/c/1.html'))).toBe('processed');
    expect(server.hitsFor('/c/1.html')).toHaveLength(1);
  });
});
