// One crawl pass against a dozen local sites, each injecting one fault a real outlet has shown:
// the pass completes, every fault is recorded on its own source, the rest is stored, memory
// stays bounded while a 50 MB body is refused, and a path robots.txt disallows is never asked.
// Each site is its own server (its own host), as real outlets are: a 429 on one must not
// pause the others.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crawlOnce,
  type CrawlDeps,
  type CrawlReport,
  type ProcessResult,
} from '../../crawlers/crawl.ts';
import { createHttpClient } from '../../crawlers/http-client.ts';
import type { SourceDef } from '../../src/config/sources.ts';
import { openStore, type SourceHealth, type Store } from '../../src/store/index.ts';
import { pageArticle } from '../store/article-factory.ts';
import { reply, startServer, type Handler, type LocalServer } from './local-server.ts';

const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const MB = 1024 * 1024;
const MAX_BODY = 8_000_000; // as config/diemtin.yaml

function rss(links: string[]): string {
  const items = links
    .map(
      (l, i) =>
        `<item><title>Tin số ${i + 1}</title><link>${l}</link>` +
        `<pubDate>Fri, 20 Nov 2026 07:${10 + i}:00 +0700</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo</title>${items}</channel></rss>`;
}

function page(title: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>Nội dung bài viết về ${title}.</p></body></html>`;
}

/** Streams `total` bytes (chunked, or with a Content-Length), honouring backpressure. */
function huge(total: number, declare: boolean): Handler {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...HTML, ...(declare ? { 'content-length': String(total) } : {}) });
    let sent = 0;
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = (): void => {
      while (!closed && sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) res.end();
    };
    pump();
  };
}

/** Declares more bytes than it sends, then drops the connection. */
function truncated(body: string, headers: Record<string, string>): Handler {
  return (_req, res) => {
    const bytes = Buffer.from(body);
    res.writeHead(200, { ...headers, 'content-length': String(bytes.length * 3) });
    res.write(bytes, () => res.destroy());
  };
}

type Site = { id: string; routes: (s: LocalServer) => Record<string, Handler>; feed?: string };

const SITES: Site[] = [
  {
    id: 'healthy',
    routes: (s) => ({
      '/rss': reply(200, rss([s.url('/tin/1.html'), s.url('/tin/2.html')]), RSS),
      '/tin/1.html': reply(200, page('Lâm Đồng khánh thành cầu mới'), HTML),
      '/tin/2.html': reply(200, page('Bảo Lộc mùa thu hoạch chè'), HTML),
    }),
  },
  { id: 'feed-5xx', routes: () => ({ '/rss': reply(503, 'Bảo trì hệ thống') }) },
  { id: 'feed-429', routes: () => ({ '/rss': reply(429, '', { 'retry-after': '7200' }) }) },
  { id: 'feed-timeout', routes: () => ({ '/rss': () => undefined }) },
  {
    id: 'feed-truncated',
    routes: (s) => ({ '/rss': truncated(rss([s.url('/tin/1.html')]), RSS) }),
  },
  {
    id: 'feed-malformed',
    routes: () => ({
      '/rss': reply(200, '<?xml version="1.0"?><rss><channel><item><title>Tin <b>lỗi</titl', RSS),
    }),
  },
  {
    id: 'feed-redirect-loop',
    routes: () => ({
      '/rss': reply(302, '', { location: '/rss-moi' }),
      '/rss-moi': reply(301, '', { location: '/rss' }),
    }),
  },
  {
    id: 'feed-50mb',
    routes: () => ({ '/rss': huge(50 * MB, true) }),
  },
  {
    id: 'page-50mb',
    routes: (s) => ({
      '/rss': reply(200, rss([s.url('/tin/lon.html')]), RSS),
      '/tin/lon.html': huge(50 * MB, false),
    }),
  },
  {
    id: 'page-timeout',
    routes: (s) => ({
      '/rss': reply(200, rss([s.url('/tin/cham.html')]), RSS),
      '/tin/cham.html': () => undefined,
    }),
  },
  {
    id: 'page-truncated',
    routes: (s) => ({
      '/rss': reply(200, rss([s.url('/tin/cut.html')]), RSS),
      '/tin/cut.html': truncated(page('Tin bị cắt'), HTML),
    }),
  },
  {
    // UTF-8 bytes under a Latin-1 label: the label is wrong, the text must still be right.
    id: 'page-wrong-charset',
    routes: (s) => ({
      '/rss': reply(200, rss([s.url('/tin/vi.html')]), {
        'content-type': 'text/xml; charset=iso-8859-1',
      }),
      '/tin/vi.html': reply(200, Buffer.from(page('Đà Lạt đón mưa đầu mùa'), 'utf8'), {
        'content-type': 'text/html; charset=iso-8859-1',
      }),
    }),
  },
  {
    id: 'robots-disallow',
    routes: (s) => ({
      '/robots.txt': reply(200, 'User-agent: *\nDisallow: /noi-bo/\n', {
        'content-type': 'text/plain',
      }),
      '/rss': reply(200, rss([s.url('/noi-bo/mat.html'), s.url('/tin/mo.html')]), RSS),
      '/noi-bo/mat.html': reply(200, page('Không được đọc'), HTML),
      '/tin/mo.html': reply(200, page('Tin công khai của tỉnh'), HTML),
    }),
  },
];

function processPage(p: Parameters<CrawlDeps['processPage']>[0]): ProcessResult {
  const title = /<title>([^<]*)<\/title>/.exec(p.html)?.[1];
  if (!title) return { ok: false, reason: 'no title' };
  return pageArticle(p, title);
}

const NOW = new Date('2026-11-20T01:00:00Z');
const servers = new Map<string, LocalServer>();
let store: Store;
let report: CrawlReport;
let health: Record<string, SourceHealth>;
let rssGrowthMb = 0;

beforeAll(async () => {
  const sources: SourceDef[] = [];
  for (const site of SITES) {
    const s = await startServer();
    for (const [path, h] of Object.entries(site.routes(s))) s.route(path, h);
    servers.set(site.id, s);
    sources.push({
      id: site.id,
      name: `Báo thử ${site.id}`,
      domain: '127.0.0.1',
      category: 'provincial-press',
      kind: 'rss',
      enabled: true,
      intervalMinutes: 30,
      feeds: [s.url('/rss')],
    });
  }
  store = openStore(':memory:');
  const http = createHttpClient({
    userAgent: 'DiemTinBot/0.1 (fault test)',
    minHostIntervalMs: 0,
    timeoutMs: 1500,
    maxBodyBytes: MAX_BODY,
    retries: 1,
    backoffBaseMs: 10,
    maxRetryAfterMs: 1000,
  });
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    report = await crawlOnce({
      store,
      http,
      sources,
      now: () => NOW,
      processPage,
      random: () => 0,
    });
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  rssGrowthMb = (peak - before) / MB;
  console.log(`faults: peak RSS growth during the pass ${rssGrowthMb.toFixed(1)} MB`);
  health = Object.fromEntries(store.listSources().map((s) => [s.id, s]));
}, 30_000);

afterAll(async () => {
  store.close();
  await Promise.all([...servers.values()].map((s) => s.close()));
});

describe('a crawl pass under injected faults', () => {
  it('completes and stores what could be stored', () => {
    expect(report.sources).toBe(SITES.length);
    const titles = store
      .listArticles({})
      .map((a) => a.title)
      .sort();
    expect(titles).toEqual(
      [
        'Bảo Lộc mùa thu hoạch chè',
        'Lâm Đồng khánh thành cầu mới',
        'Tin công khai của tỉnh',
        'Đà Lạt đón mưa đầu mùa',
      ].sort(),
    );
    expect(store.listJobRuns('crawl')[0]?.status).toBe('ok');
  });

  it('records each feed fault on its source, with its class', () => {
    const expected: Record<string, [string, RegExp]> = {
      'feed-5xx': ['retryable', /HTTP 503/],
      'feed-429': ['throttled', /HTTP 429/],
      'feed-timeout': ['retryable', /timed out after 1500 ms/],
      'feed-truncated': ['retryable', /network error/],
      'feed-malformed': ['not-retryable', /^feed: .*not a readable RSS\/Atom feed/],
      'feed-redirect-loop': ['not-retryable', /redirect loop/],
      'feed-50mb': ['not-retryable', /over the 8000000-byte limit/],
    };
    for (const [id, [errorClass, message]] of Object.entries(expected)) {
      expect(health[id], id).toMatchObject({
        consecutiveFailures: 1,
        lastErrorClass: errorClass,
        lastSuccessAt: null,
      });
      expect(health[id]?.lastError, id).toMatch(message);
    }
    // The 429's Retry-After (2 h) outlasts the 30-minute interval: the next check waits.
    expect(health['feed-429']?.nextCheckAt).toBe('2026-11-20T03:00:00.000Z');
  });

  it('records each page fault on its source, which still answered', () => {
    const expected: Record<string, [string, RegExp]> = {
      'page-50mb': ['not-retryable', /body is over the 8000000-byte limit/],
      'page-timeout': ['retryable', /timed out/],
      'page-truncated': ['retryable', /network error/],
      'robots-disallow': ['blocked', /noi-bo\/mat\.html: disallowed by robots\.txt/],
    };
    for (const [id, [errorClass, message]] of Object.entries(expected)) {
      expect(health[id], id).toMatchObject({
        consecutiveFailures: 0,
        lastErrorClass: errorClass,
        lastSuccessAt: NOW.toISOString(),
      });
      expect(health[id]?.lastError, id).toMatch(message);
    }
    expect(health.healthy).toMatchObject({ lastErrorClass: null, lastItemCount: 2 });
    expect(health['page-wrong-charset']).toMatchObject({ lastErrorClass: null });
  });

  it('never requests a path robots.txt disallows', () => {
    const s = servers.get('robots-disallow')!;
    expect(s.hitsFor('/robots.txt')).toHaveLength(1);
    expect(s.hits.filter((h) => h.path.startsWith('/noi-bo/'))).toEqual([]);
    expect(s.hitsFor('/tin/mo.html')).toHaveLength(1);
  });

  it('keeps memory bounded while a 50 MB body streams in', () => {
    expect(rssGrowthMb).toBeLessThan(100);
    // A refused body is not retried: it would be as big next time.
    expect(servers.get('page-50mb')!.hitsFor('/tin/lon.html')).toHaveLength(1);
    expect(servers.get('feed-50mb')!.hitsFor('/rss')).toHaveLength(1);
  });

  it('a second pass over the same faults completes too, storing nothing twice', async () => {
    const second = await crawlOnce({
      store,
      http: createHttpClient({
        userAgent: 'DiemTinBot/0.1 (fault test)',
        minHostIntervalMs: 0,
        timeoutMs: 1500,
        maxBodyBytes: MAX_BODY,
        retries: 0,
      }),
      sources: store
        .listSources()
        .map(({ id, name, domain, category, kind, feeds, enabled, intervalMinutes }) => ({
          id,
          name,
          domain,
          category,
          kind,
          feeds,
          enabled,
          intervalMinutes,
        })),
      now: () => new Date(NOW.getTime() + 3600_000),
      processPage,
    });
    expect(second.newArticles).toBe(0);
    expect(store.listArticles({})).toHaveLength(4);
    expect(store.listSources().find((s) => s.id === 'feed-5xx')?.consecutiveFailures).toBe(2);
  }, 30_000);
});
