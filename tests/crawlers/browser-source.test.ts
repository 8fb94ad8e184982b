// Browser sources (kind: browser) in Debian's Chromium against pages served on 127.0.0.1: a
// list rendered by JavaScript, a page that hangs, robots.txt, the page cap, the per-host gap,
// and evidence packages for sensitive items. One browser for the whole file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserPool } from '../../crawlers/browser-pool.ts';
import { crawlOnce, type CrawlDeps, type ProcessResult } from '../../crawlers/crawl.ts';
import { createHttpClient, type HttpClient } from '../../crawlers/http-client.ts';
import { launchChromium } from '../../src/browser/chromium.ts';
import { SourceDef } from '../../src/config/sources.ts';
import { createEvidenceCapturer } from '../../src/evidence/capture.ts';
import { verifyEvidence } from '../../src/evidence/verify.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { pageArticle } from '../store/article-factory.ts';
import { startServer, type LocalServer } from './local-server.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/crawlers/browser');
const JS_LIST = readFileSync(path.join(FIXTURES, 'js-list.html'), 'utf8');
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const UA = 'DiemTinBot/0.1 (test)';
const NOW = new Date('2026-11-20T01:00:00Z');

let browser: Browser;
let server: LocalServer;
let store: Store;
let dataDir: string;

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  server = await startServer({
    '/robots.txt': (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('User-agent: *\nDisallow: /rieng-tu\n');
    },
  });
  store = openStore(':memory:');
  dataDir = mkdtempSync(path.join(tmpdir(), 'diemtin-browser-'));
});

afterEach(async () => {
  store.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function httpClient(minHostIntervalMs = 0): HttpClient {
  return createHttpClient({
    userAgent: UA,
    minHostIntervalMs,
    timeoutMs: 3000,
    maxBodyBytes: 1_000_000,
    retries: 0,
    robotsCache: store.robotsCache(),
  });
}

/** A pool on the file's browser; the browser outlives it (closed in afterAll). */
function pool(http: HttpClient, over: { maxPages?: number; navigationTimeoutMs?: number } = {}) {
  return createBrowserPool({
    http,
    userAgent: UA,
    launch: () => Promise.resolve(browser),
    ...over,
  });
}

function browserSource(
  id: string,
  pagePath: string,
  over: Record<string, unknown> = {},
): SourceDef {
  return SourceDef.parse({
    id,
    name: `Trang ${id}`,
    domain: '127.0.0.1',
    category: 'social',
    kind: 'browser',
    list: {
      pages: [server.url(pagePath)],
      itemSelector: '#feed li.post',
      linkSelector: 'a.post-link',
      dateSelector: 'time',
      ...over,
    },
  });
}

/** Articles titled by the list item; those whose title says "biên giới" are sensitive. */
function processPage(p: Parameters<CrawlDeps['processPage']>[0]): ProcessResult {
  const sensitive = p.feedItem.title.includes('biên giới');
  return pageArticle(p, p.feedItem.title, {
    sensitive,
    sensitiveReasons: sensitive ? ['bien-gioi'] : [],
  });
}

function serveJsList(posts: { href: string; title: string; time: string }[]): void {
  server.route('/trang', (_req, res) => void res.writeHead(200, HTML).end(JS_LIST));
  server.route('/api/bai-dang.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(posts));
  });
  server.route('/static/style.css', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/css' }).end('body{margin:0}');
  });
  server.route('/static/banner.jpg', (_req, res) => void res.writeHead(200).end('jpeg'));
}

const articlePage = (title: string): string =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${'Nội dung bài viết về Lâm Đồng. '.repeat(40)}</p></body></html>`;

describe('a browser source', () => {
  it('yields the articles of a list rendered by JavaScript, without images, obeying robots.txt', async () => {
    serveJsList([
      {
        href: '/bai/le-hoi-hoa-da-lat.html',
        title: 'Lễ hội hoa Đà Lạt mở màn',
        time: '2026-11-20T07:00:00+07:00',
      },
      {
        href: '/bai/cho-dem-da-lat.html',
        title: 'Chợ đêm Đà Lạt đông khách',
        time: '2026-11-20T06:00:00+07:00',
      },
      {
        href: '/rieng-tu/nhom-kin.html',
        title: 'Bài trong nhóm kín',
        time: '2026-11-20T05:00:00+07:00',
      },
    ]);
    server.route(
      '/bai/le-hoi-hoa-da-lat.html',
      (_r, res) => void res.writeHead(200, HTML).end(articlePage('Lễ hội hoa')),
    );
    server.route(
      '/bai/cho-dem-da-lat.html',
      (_r, res) => void res.writeHead(200, HTML).end(articlePage('Chợ đêm')),
    );
    server.route(
      '/rieng-tu/nhom-kin.html',
      (_r, res) => void res.writeHead(200, HTML).end(articlePage('Riêng tư')),
    );
    const http = httpClient();
    const p = pool(http);
    const report = await crawlOnce({
      store,
      http,
      browser: p,
      sources: [browserSource('da-lat-hom-nay', '/trang')],
      now: () => NOW,
      processPage,
    });
    expect(report).toMatchObject({ sources: 1, feeds: 1, itemsSeen: 3, newArticles: 2 });
    expect(report.feedFailures).toEqual([]);
    expect(
      store
        .listArticles({})
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Chợ đêm Đà Lạt đông khách', 'Lễ hội hoa Đà Lạt mở màn']);
    // The disallowed link is reported and never requested.
    expect(report.itemFailures).toMatchObject([
      { url: server.url('/rieng-tu/nhom-kin.html'), errorClass: 'blocked' },
    ]);
    expect(server.hitsFor('/rieng-tu/nhom-kin.html')).toHaveLength(0);
    // The page's own script ran (the API was asked), images were never fetched.
    expect(server.hitsFor('/api/bai-dang.json')).toHaveLength(1);
    expect(server.hitsFor('/static/banner.jpg')).toHaveLength(0);
    // robots.txt was asked once, for the browser and the HTTP client together.
    expect(server.hitsFor('/robots.txt')).toHaveLength(1);
    expect(store.listSources()[0]).toMatchObject({ consecutiveFailures: 0, lastItemCount: 3 });
    expect(p.openPages()).toBe(0);
  });

  it('opens the article pages in the browser too when renderItems is set', async () => {
    serveJsList([{ href: '/bai/1.html', title: 'Bài một', time: '2026-11-20T07:00:00+07:00' }]);
    // The article text exists only after its script ran.
    server.route('/bai/1.html', (_r, res) => {
      res
        .writeHead(200, HTML)
        .end(
          '<html><body><div id="p"></div><script>document.getElementById("p").textContent = "Nội dung do script viết";</script></body></html>',
        );
    });
    const http = httpClient();
    const seen: string[] = [];
    const report = await crawlOnce({
      store,
      http,
      browser: pool(http),
      sources: [browserSource('mxh', '/trang', { renderItems: true })],
      now: () => NOW,
      processPage: (page) => {
        seen.push(page.html);
        return processPage(page);
      },
    });
    expect(report.newArticles).toBe(1);
    expect(seen[0]).toContain('<div id="p">Nội dung do script viết</div>');
  });

  it('gives up a hanging page at the timeout, records it on the source, and goes on', async () => {
    serveJsList([{ href: '/bai/1.html', title: 'Bài một', time: '2026-11-20T07:00:00+07:00' }]);
    server.route('/bai/1.html', (_r, res) => void res.writeHead(200, HTML).end(articlePage('Một')));
    // Never answers.
    server.route('/treo', () => undefined);
    // Answers, but its list never appears.
    server.route(
      '/trong',
      (_r, res) =>
        void res.writeHead(200, HTML).end('<html><body><ul id="feed"></ul></body></html>'),
    );
    const http = httpClient();
    const p = pool(http, { navigationTimeoutMs: 1500 });
    const started = performance.now();
    const report = await crawlOnce({
      store,
      http,
      browser: p,
      sources: [
        browserSource('treo', '/treo'),
        browserSource('trong', '/trong'),
        browserSource('tot', '/trang'),
      ],
      now: () => NOW,
      processPage,
      random: () => 0,
    });
    // Two timeouts of 1.5 s and one good page: well under a minute even on a busy machine.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(report.newArticles).toBe(1);
    expect(report.feedFailures).toEqual([
      {
        sourceId: 'treo',
        url: server.url('/treo'),
        errorClass: 'retryable',
        message: expect.stringMatching(/^fetch: .*timed out after 1500 ms/) as unknown,
      },
      {
        sourceId: 'trong',
        url: server.url('/trong'),
        errorClass: 'not-retryable',
        message: expect.stringMatching(/nothing matched "#feed li.post"/) as unknown,
      },
    ]);
    const health = new Map(store.listSources().map((s) => [s.id, s]));
    expect(health.get('treo')).toMatchObject({
      consecutiveFailures: 1,
      lastErrorClass: 'retryable',
    });
    expect(health.get('trong')).toMatchObject({
      consecutiveFailures: 1,
      lastErrorClass: 'not-retryable',
    });
    expect(health.get('tot')).toMatchObject({ consecutiveFailures: 0 });
    // Every page was closed, on the error paths too.
    expect(p.openPages()).toBe(0);
    expect(browser.contexts()).toHaveLength(0);
  });

  it('reports a login wall as blocked at once, not as a selector that timed out', async () => {
    server.route('/trang-kin', (_r, res) => {
      res
        .writeHead(200, HTML)
        .end(
          '<html><body><div id="root"></div><script>setTimeout(() => {' +
            'document.getElementById("root").innerHTML = \'<form action="/login/"><input name="email">' +
            '<input type="password" name="pass"><button>Đăng nhập</button></form>\';' +
            '}, 50)</script></body></html>',
        );
    });
    const http = httpClient();
    const started = performance.now();
    const report = await crawlOnce({
      store,
      http,
      browser: pool(http, { navigationTimeoutMs: 8000 }),
      sources: [browserSource('kin', '/trang-kin')],
      now: () => NOW,
      processPage,
    });
    expect(report.feedFailures).toMatchObject([
      { errorClass: 'blocked', message: expect.stringMatching(/login wall/) as unknown },
    ]);
    // Well under the 8 s the selector would have been waited for.
    expect(performance.now() - started).toBeLessThan(6000);
    expect(store.listSources()[0]).toMatchObject({ lastErrorClass: 'blocked' });
  });

  it('does not open a list page robots.txt disallows, and needs a browser to run', async () => {
    server.route('/rieng-tu/trang', (_r, res) => void res.writeHead(200, HTML).end(JS_LIST));
    const http = httpClient();
    const withBrowser = await crawlOnce({
      store,
      http,
      browser: pool(http),
      sources: [browserSource('kin', '/rieng-tu/trang')],
      now: () => NOW,
      processPage,
    });
    expect(withBrowser.feedFailures).toMatchObject([{ errorClass: 'blocked' }]);
    expect(server.hitsFor('/rieng-tu/trang')).toHaveLength(0);
    const without = await crawlOnce({
      store,
      http,
      sources: [browserSource('kin', '/trang')],
      now: () => NOW,
      processPage,
    });
    expect(without.feedFailures).toMatchObject([
      { errorClass: 'not-retryable', message: expect.stringMatching(/no browser/) as unknown },
    ]);
  });
});

describe('the browser pool', () => {
  it('keeps at most maxPages pages open and the per-host gap between navigations', async () => {
    const others = await Promise.all([startServer(), startServer()]);
    try {
      let inFlight = 0;
      let peak = 0;
      const slow = (s: LocalServer): void =>
        s.route('/cham', (_r, res) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200, HTML).end('<html><body>chậm</body></html>');
            // Long enough for a third page to arrive if the cap let it, even on a busy machine.
          }, 1200);
        });
      for (const s of [server, ...others]) {
        slow(s);
        s.route('/robots.txt', (_r, res) => void res.writeHead(404).end());
      }
      const capped = pool(httpClient(), { maxPages: 2 });
      await Promise.all([server, ...others].map((s) => capped.render(s.url('/cham'))));
      expect(peak).toBe(2);

      // Three pages of one host, all let through at once by the pool: the host's gap (400 ms)
      // spaces the navigations. Timed where the HTTP client lets each navigation start: the
      // arrival at the server adds Chromium's own start-up latency, which varies under load.
      for (const n of [1, 2, 3]) {
        server.route(`/p${n}`, (_r, res) => void res.writeHead(200, HTML).end(`<p>${n}</p>`));
      }
      const http = httpClient(400);
      const starts: number[] = [];
      const timed: HttpClient = {
        ...http,
        schedule: (url, fn) =>
          http.schedule(url, () => {
            starts.push(performance.now());
            return fn();
          }),
      };
      const paced = pool(timed, { maxPages: 3 });
      const rendered = await Promise.all([1, 2, 3].map((n) => paced.render(server.url(`/p${n}`))));
      expect(rendered.map((r) => r.html)).toEqual(
        [1, 2, 3].map((n) => expect.stringContaining(`<p>${n}</p>`) as unknown),
      );
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(395);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(395);
      // Each page was requested inside its slot, never before.
      const arrivals = [1, 2, 3].map((n) => server.hitsFor(`/p${n}`)[0]!.at).sort((a, b) => a - b);
      arrivals.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(starts[i]!));
      expect(capped.openPages() + paced.openPages()).toBe(0);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });
});

describe('robots.txt inside the browser', () => {
  it('refuses a page reached by a redirect into a disallowed path, and keeps nothing of it', async () => {
    server.route('/chuyen', (_r, res) => {
      res.writeHead(302, { location: '/rieng-tu/dich' }).end();
    });
    server.route('/rieng-tu/dich', (_r, res) => void res.writeHead(200, HTML).end('<p>kín</p>'));
    const p = pool(httpClient());
    await expect(p.render(server.url('/chuyen'))).rejects.toMatchObject({
      errorClass: 'blocked',
      message: expect.stringMatching(/redirected to .*\/rieng-tu\/dich, disallowed/) as unknown,
    });
    await expect(p.capture(server.url('/chuyen'))).rejects.toMatchObject({ errorClass: 'blocked' });
    expect(p.openPages()).toBe(0);
  });

  it('never requests a disallowed iframe or script navigation; the page itself still renders', async () => {
    server.route('/khung', (_r, res) => {
      res
        .writeHead(200, HTML)
        .end(
          '<html><body><p id="x">trang chính</p>' +
            '<iframe src="/rieng-tu/khung"></iframe><iframe src="/mo/khung"></iframe>' +
            '<script>setTimeout(() => { location.href = "/rieng-tu/di"; }, 10)</script>' +
            '</body></html>',
        );
    });
    for (const path of ['/rieng-tu/khung', '/mo/khung', '/rieng-tu/di']) {
      server.route(path, (_r, res) => void res.writeHead(200, HTML).end(`<p>${path}</p>`));
    }
    const p = pool(httpClient());
    const page = await p.render(server.url('/khung'), { waitForSelector: '#x' });
    expect(page.html).toContain('trang chính');
    // Time for the script's navigation attempt to have been made and refused.
    await new Promise((r) => setTimeout(r, 300));
    expect(server.hitsFor('/mo/khung')).toHaveLength(1);
    expect(server.hitsFor('/rieng-tu/khung')).toHaveLength(0);
    expect(server.hitsFor('/rieng-tu/di')).toHaveLength(0);
    expect(p.openPages()).toBe(0);
  });
});

describe('evidence for sensitive items in a crawl pass', () => {
  it('captures a package per sensitive article; a failed capture is recorded and retried', async () => {
    serveJsList([
      {
        href: '/bai/bien-gioi.html',
        title: 'Tin đồn sai về biên giới',
        time: '2026-11-20T07:00:00+07:00',
      },
      {
        href: '/bai/binh-thuong.html',
        title: 'Chợ phiên cuối tuần',
        time: '2026-11-20T06:00:00+07:00',
      },
      {
        href: '/bai/bien-gioi-2.html',
        title: 'Bài thứ hai về biên giới',
        time: '2026-11-20T05:00:00+07:00',
      },
    ]);
    let secondDown = true;
    let secondHits = 0;
    server.route(
      '/bai/bien-gioi.html',
      (_r, res) => void res.writeHead(200, HTML).end(articlePage('Biên giới')),
    );
    server.route(
      '/bai/binh-thuong.html',
      (_r, res) => void res.writeHead(200, HTML).end(articlePage('Chợ phiên')),
    );
    // Crawled fine, then down when the evidence is taken (the post was deleted, say).
    server.route('/bai/bien-gioi-2.html', (_r, res) => {
      secondHits++;
      if (secondDown && secondHits > 1) res.writeHead(404, HTML).end('<p>Không tìm thấy</p>');
      else res.writeHead(200, HTML).end(articlePage('Biên giới 2'));
    });
    const http = httpClient();
    const p = pool(http);
    const deps = (): CrawlDeps => ({
      store,
      http,
      browser: p,
      sources: [browserSource('mxh', '/trang')],
      now: () => NOW,
      processPage,
      captureEvidence: createEvidenceCapturer({
        pool: p,
        dataDir,
        timeZone: 'Asia/Ho_Chi_Minh',
        userAgent: UA,
      }),
    });
    const first = await crawlOnce(deps());
    expect(first.newArticles).toBe(3);
    expect(first.evidenceCaptured).toBe(1);
    expect(first.evidenceFailures).toEqual([
      {
        url: server.url('/bai/bien-gioi-2.html'),
        message: expect.stringMatching(/HTTP 404/) as unknown,
      },
    ]);
    const ok = store.getEvidence(server.url('/bai/bien-gioi.html'));
    expect(ok).toMatchObject({ status: 'ok', reason: 'sensitive', httpStatus: 200 });
    if (ok?.status !== 'ok') throw new Error('no package');
    expect(ok.dir.startsWith(path.join(dataDir, 'evidence', '2026', '11'))).toBe(true);
    expect(verifyEvidence(ok.dir)).toMatchObject({ ok: true, problems: [] });
    expect(store.getEvidence(server.url('/bai/binh-thuong.html'))).toBeNull();
    expect(store.getEvidence(server.url('/bai/bien-gioi-2.html'))).toMatchObject({
      status: 'failed',
      attempts: 1,
    });

    // The next pass captures what is missing, and only that.
    secondDown = false;
    const second = await crawlOnce(deps());
    expect(second).toMatchObject({ newArticles: 0, evidenceCaptured: 1, evidenceFailures: [] });
    expect(store.getEvidence(server.url('/bai/bien-gioi-2.html'))).toMatchObject({ status: 'ok' });
    expect(server.hitsFor('/bai/bien-gioi.html')).toHaveLength(2);
    expect(p.openPages()).toBe(0);

    // Tampering with the kept HTML shows, even at the same length.
    writeFileSync(ok.htmlPath, readFileSync(ok.htmlPath, 'utf8').replace('Biên giới', 'biên giới'));
    const tampered = verifyEvidence(ok.dir);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toContainEqual(expect.stringMatching(/^page\.html: SHA-256/));
  });
});
