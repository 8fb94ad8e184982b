// List-page sources (kind: list): the section front of a site without a feed, read with the
// cheerio selectors of its definition, through the same HTTP client and the same "fetch an
// article only when it is not stored" path as feeds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlOnce, type CrawlDeps, type ProcessResult } from '../../crawlers/crawl.ts';
import { createHttpClient } from '../../crawlers/http-client.ts';
import { ListPageError, parseListPage } from '../../crawlers/list-page.ts';
import { SourceDef, SourcesFile } from '../../src/config/sources.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { pageArticle } from '../store/article-factory.ts';
import { startServer, type LocalServer } from './local-server.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/crawlers');
const SECTION = readFileSync(path.join(FIXTURES, 'lists/thoi-su.html'), 'utf8');
const SPEC = {
  itemSelector: '.list-news .news-item',
  linkSelector: 'h3.title a',
  dateSelector: 'time, .date',
};

describe('parseListPage', () => {
  it('reads links, titles and dates with the selectors, as a browser resolves them', () => {
    const items = parseListPage(SECTION, 'https://congtinh.example.gov.vn/thoi-su', SPEC);
    expect(items).toEqual([
      {
        url: 'https://congtinh.example.gov.vn/thoi-su/khoi-cong-duong-lien-xa-di-linh-101.html',
        guid: null,
        title: 'Khởi công đường liên xã ở Di Linh',
        publishedAt: '20/11/2026 07:30',
        summary: '',
      },
      {
        // Relative to the page; tracking parameters are left to canonicalUrl.
        url: 'https://congtinh.example.gov.vn/thoi-su/bao-loc-mua-che-102.html?utm_source=home',
        guid: null,
        title: 'Bảo Lộc vào mùa chè thu',
        publishedAt: '20/11/2026 06:15',
        summary: '',
      },
      {
        url: 'https://congtinh.example.gov.vn/thoi-su/hoi-nghi-xuc-tien-dau-tu-103.html',
        guid: null,
        title: 'Hội nghị xúc tiến đầu tư',
        publishedAt: '2026-11-19T15:00:00+07:00',
        summary: '',
      },
    ]);
  });

  it('honours <base href> and a title selector', () => {
    const html =
      '<html><head><base href="https://cdn.example.vn/tin/"></head><body>' +
      '<a class="card" href="bai-1.html"><span class="t">Tiêu đề một</span><img alt="ảnh"></a>' +
      '</body></html>';
    const items = parseListPage(html, 'https://example.vn/', {
      itemSelector: 'a.card',
      linkSelector: 'a[href]',
      titleSelector: '.t',
    });
    expect(items).toMatchObject([
      { url: 'https://cdn.example.vn/tin/bai-1.html', title: 'Tiêu đề một' },
    ]);
  });

  it('fails loudly when the selectors match nothing (the layout changed)', () => {
    expect(() =>
      parseListPage(SECTION, 'https://congtinh.example.gov.vn/thoi-su', {
        ...SPEC,
        itemSelector: '.danh-sach-tin li',
      }),
    ).toThrow(ListPageError);
    expect(() =>
      parseListPage(SECTION, 'https://congtinh.example.gov.vn/thoi-su', {
        ...SPEC,
        linkSelector: 'a.khong-co',
      }),
    ).toThrow(/none has a link/);
  });

  it('tells a login wall from a layout change: blocked, not a broken selector', () => {
    const wall =
      '<html><body><div class="overlay"><h2>Đăng nhập để xem thêm</h2>' +
      '<form action="/login/device-based/regular/login/"><input name="email">' +
      '<input type="password" name="pass"><button>Đăng nhập</button></form></div></body></html>';
    const read = (html: string, url: string) => () => parseListPage(html, url, SPEC);
    for (const [html, url] of [
      [wall, 'https://www.facebook.com/baolamdong'],
      ['<html><body><p>Vui lòng chờ…</p></body></html>', 'https://www.facebook.com/login/?next=x'],
      ['<form action="/accounts/authenticate"></form>', 'https://social.example/page'],
    ] as const) {
      expect(read(html, url)).toThrow(
        expect.objectContaining({
          errorClass: 'blocked',
          message: expect.stringMatching(/login wall/) as unknown,
        }),
      );
    }
    // A page without a list and without any sign-in stays a layout problem.
    expect(read('<html><body><p>Trang chủ</p></body></html>', 'https://x.vn/tin')).toThrow(
      ListPageError,
    );
  });
});

describe('source definitions of list and browser kinds', () => {
  it('requires feeds for rss and a list spec for list and browser sources', () => {
    const base = { id: 'x', name: 'X', domain: 'x.vn', category: 'social' };
    expect(SourceDef.safeParse({ ...base }).success).toBe(false);
    expect(SourceDef.safeParse({ ...base, kind: 'list' }).success).toBe(false);
    expect(SourceDef.safeParse({ ...base, kind: 'browser' }).error?.issues[0]?.path).toEqual([
      'list',
    ]);
    const ok = SourcesFile.parse({
      sources: [
        {
          ...base,
          kind: 'browser',
          list: { pages: ['https://x.vn/trang'], itemSelector: 'article', linkSelector: 'a' },
        },
      ],
    });
    expect(ok.sources[0]).toMatchObject({ kind: 'browser', feeds: [], enabled: true });
    expect(ok.sources[0]?.list).toMatchObject({ renderItems: false });
    expect(SourceDef.safeParse({ ...base, kind: 'manual' }).success).toBe(true);
  });

  it('reads back whole from the store, list spec included', () => {
    const store = openStore(':memory:');
    try {
      const def = SourceDef.parse({
        id: 'cong-tinh',
        name: 'Cổng tỉnh',
        domain: 'congtinh.example.gov.vn',
        category: 'government-portal',
        kind: 'list',
        list: { pages: ['https://congtinh.example.gov.vn/thoi-su'], ...SPEC },
      });
      store.upsertSources([def]);
      expect(store.listSources()[0]).toMatchObject(def);
    } finally {
      store.close();
    }
  });
});

describe('crawlOnce over a list source', () => {
  let server: LocalServer;
  let store: Store;
  let etagHits = 0;

  beforeEach(async () => {
    server = await startServer();
    etagHits = 0;
    server.route('/thoi-su', (req, res) => {
      // Conditional GET works for list pages as for feeds.
      if (req.headers['if-none-match'] === '"v1"') {
        etagHits++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(SECTION);
    });
    for (const p of [
      '/thoi-su/khoi-cong-duong-lien-xa-di-linh-101.html',
      '/thoi-su/bao-loc-mua-che-102.html',
      '/thoi-su/hoi-nghi-xuc-tien-dau-tu-103.html',
    ]) {
      server.route(p, (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<html><head><title>${p}</title></head><body></body></html>`);
      });
    }
    store = openStore(':memory:');
  });

  afterEach(async () => {
    store.close();
    await server.close();
  });

  function deps(list: Partial<SourceDef['list']> = {}): CrawlDeps {
    const source = SourceDef.parse({
      id: 'cong-tinh',
      name: 'Cổng thông tin tỉnh',
      domain: '127.0.0.1',
      category: 'government-portal',
      kind: 'list',
      list: { pages: [server.url('/thoi-su')], ...SPEC, ...list },
    });
    return {
      store,
      http: createHttpClient({
        userAgent: 'DiemTinBot/0.1 (test)',
        minHostIntervalMs: 0,
        timeoutMs: 2000,
        maxBodyBytes: 1_000_000,
        retries: 0,
      }),
      sources: [source],
      now: () => new Date('2026-11-20T01:00:00Z'),
      processPage: (p): ProcessResult => pageArticle(p, p.feedItem.title),
    };
  }

  it('stores each linked article once, and asks for nothing already stored', async () => {
    const first = await crawlOnce(deps());
    expect(first).toMatchObject({ sources: 1, feeds: 1, itemsSeen: 3, newArticles: 3 });
    expect(first.feedFailures).toEqual([]);
    // The feed item's title and date come from the list page.
    const stored = store
      .listArticles({})
      .map((a) => a.title)
      .sort();
    expect(stored).toEqual([
      'Bảo Lộc vào mùa chè thu',
      'Hội nghị xúc tiến đầu tư',
      'Khởi công đường liên xã ở Di Linh',
    ]);
    expect(store.hasArticle(server.url('/thoi-su/bao-loc-mua-che-102.html'))).toBe(true);

    const second = await crawlOnce(deps());
    expect(second).toMatchObject({ notModified: 1, newArticles: 0 });
    expect(etagHits).toBe(1);
    // The page changes (new validators, one more link): only the unknown link is fetched.
    server.route('/thoi-su', (_req, res) => {
      const more = SECTION.replace(
        '<div class="list-news">',
        '<div class="list-news"><div class="news-item"><h3 class="title">' +
          '<a href="/thoi-su/mua-lon-lac-duong-104.html">Mưa lớn ở Lạc Dương</a></h3></div>',
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v2"' }).end(more);
    });
    server.route('/thoi-su/mua-lon-lac-duong-104.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>');
    });
    const third = await crawlOnce(deps());
    expect(third).toMatchObject({ itemsSeen: 4, newArticles: 1, alreadyStored: 3 });
    for (const p of [
      '/thoi-su/khoi-cong-duong-lien-xa-di-linh-101.html',
      '/thoi-su/bao-loc-mua-che-102.html',
      '/thoi-su/hoi-nghi-xuc-tien-dau-tu-103.html',
      '/thoi-su/mua-lon-lac-duong-104.html',
    ]) {
      expect(server.hitsFor(p).length + server.hitsFor(p + '?utm_source=home').length).toBe(1);
    }
  });

  it('records a list page whose selectors broke on the source, as not retryable', async () => {
    const report = await crawlOnce(deps({ itemSelector: '.tin-moi li' }));
    expect(report.feedFailures).toEqual([
      {
        sourceId: 'cong-tinh',
        url: server.url('/thoi-su'),
        errorClass: 'not-retryable',
        message: expect.stringMatching(/^list: .*no element matches itemSelector/) as unknown,
      },
    ]);
    expect(store.listSources()[0]).toMatchObject({
      consecutiveFailures: 1,
      lastErrorClass: 'not-retryable',
    });
  });
});
