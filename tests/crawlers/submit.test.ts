// Manual submission (`diemtin submit URL`) in Debian's Chromium against pages served on
// 127.0.0.1: one article and one evidence package whose hashes verify, a real PNG, tampering
// detected, re-submission reported, robots.txt obeyed. One browser for the whole file.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserPool, type BrowserPool } from '../../crawlers/browser-pool.ts';
import { createHttpClient } from '../../crawlers/http-client.ts';
import { launchChromium } from '../../src/browser/chromium.ts';
import { loadConfig, type Config } from '../../src/config/load.ts';
import { SourceDef } from '../../src/config/sources.ts';
import { EvidenceManifest } from '../../src/evidence/manifest.ts';
import { pngSize } from '../../src/evidence/png.ts';
import { verifyEvidence } from '../../src/evidence/verify.ts';
import { runSubmit } from '../../src/jobs/submit-job.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startServer, type LocalServer } from './local-server.ts';

const ARTICLE = readFileSync(
  path.join(import.meta.dirname, '../fixtures/crawlers/browser/article.html'),
  'utf8',
);
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const ARTICLE_PATH = '/thoi-su/sat-lo-deo-prenn-1234.html';

let browser: Browser;
let server: LocalServer;
let store: Store;
let dataDir: string;
let pool: BrowserPool;
let baseConfig: Config;
/** Browser starts asked of the pool. */
let launches = 0;

beforeAll(async () => {
  browser = await launchChromium();
  baseConfig = loadConfig({ env: {} });
}, 30_000);

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  server = await startServer({
    '/robots.txt': (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('User-agent: *\nDisallow: /noi-bo/\n');
    },
    [ARTICLE_PATH]: (_req, res) => void res.writeHead(200, HTML).end(ARTICLE),
    '/noi-bo/bai-mat.html': (_req, res) => void res.writeHead(200, HTML).end(ARTICLE),
    '/lien-he': (_req, res) => {
      res
        .writeHead(200, HTML)
        .end(
          '<html><head><title>Liên hệ</title></head><body><p>Đường dây nóng: 0263 000 000</p></body></html>',
        );
    },
  });
  store = openStore(':memory:');
  dataDir = mkdtempSync(path.join(tmpdir(), 'diemtin-submit-'));
  const http = createHttpClient({
    userAgent: baseConfig.app.crawl.userAgent,
    minHostIntervalMs: 0,
    timeoutMs: 3000,
    maxBodyBytes: 2_000_000,
    retries: 0,
    robotsCache: store.robotsCache(),
  });
  pool = createBrowserPool({
    http,
    userAgent: baseConfig.app.crawl.userAgent,
    navigationTimeoutMs: 5000,
    launch: () => {
      launches++;
      return Promise.resolve(browser);
    },
  });
  launches = 0;
});

afterEach(async () => {
  store.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function config(sources: SourceDef[] = []): Config {
  return { ...baseConfig, sources, paths: { dataDir, db: ':memory:' } };
}

describe('diemtin submit', () => {
  it('stores one article with an evidence package that verifies; a re-submission is reported', async () => {
    const url = server.url(ARTICLE_PATH) + '?fbclid=IwAR0abc';
    const r = await runSubmit({
      config: config(),
      store,
      pool,
      url,
      by: 'Chị Lan',
      note: 'qua Zalo',
    });
    if (r.status !== 'stored') throw new Error(`expected stored, got ${r.status}`);
    const key = server.url(ARTICLE_PATH);
    expect(r.url).toBe(key);
    // An unknown site gets a 'manual' source row, never crawled.
    expect(r.source).toMatchObject({ kind: 'manual', enabled: false, name: server.host });
    expect(store.listSources().map((s) => s.id)).toEqual([r.source.id]);
    // Extracted and classified as a crawled page would be.
    expect(r.article).toMatchObject({
      url: key,
      title: 'Lâm Đồng: sạt lở trên đèo Prenn, tạm cấm xe tải nặng qua Đà Lạt',
      author: 'Hoàng Yến',
      publishedAt: '2026-11-20T06:45:00+07:00',
      relevant: true,
      sourceId: r.source.id,
    });
    expect(r.article?.topics).toContain('moi-truong-thien-tai');
    expect(store.listArticles({})).toHaveLength(1);
    expect(store.pageState(key)).toBe('processed');

    // The package: files, hashes, a real PNG, the manifest's facts.
    const dir = r.evidence.dir;
    expect(dir.startsWith(path.join(dataDir, 'evidence') + path.sep)).toBe(true);
    expect(path.relative(path.join(dataDir, 'evidence'), dir)).toMatch(
      /^\d{4}\/\d{2}\/[0-9a-f]{16}$/,
    );
    expect(verifyEvidence(dir)).toMatchObject({ ok: true, problems: [] });
    const png = readFileSync(r.evidence.pngPath);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = pngSize(png);
    expect(size?.width).toBe(1280);
    expect(size?.height).toBeGreaterThanOrEqual(900);
    // The raw HTML is the server's bytes, exactly.
    expect(readFileSync(r.evidence.htmlPath).equals(Buffer.from(ARTICLE, 'utf8'))).toBe(true);
    const manifest = EvidenceManifest.parse(
      JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')),
    );
    expect(manifest).toMatchObject({
      url: key,
      requestedUrl: key,
      finalUrl: key,
      httpStatus: 200,
      reason: 'manual',
      submittedBy: 'Chị Lan',
      note: 'qua Zalo',
      files: { html: { fromServer: true }, screenshot: { width: 1280 } },
    });
    expect(manifest.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+07:00$/);
    expect(store.getEvidence(key)).toMatchObject({
      status: 'ok',
      htmlSha256: manifest.files.html.sha256,
      pngSha256: manifest.files.screenshot.sha256,
      fetchedAt: manifest.fetchedAt,
    });

    // Again, with another share link of the same article: reported, nothing fetched or added.
    const hits = server.hitsFor(ARTICLE_PATH).length;
    const again = await runSubmit({ config: config(), store, pool, url: key + '?utm_source=zalo' });
    expect(again).toMatchObject({ status: 'already-stored', url: key, evidenceCaptured: false });
    expect(server.hitsFor(ARTICLE_PATH).length).toBe(hits);
    expect(store.listArticles({})).toHaveLength(1);
    expect(store.listEvidence()).toHaveLength(1);

    // Any change to a kept file makes verification fail, even one that keeps its length.
    writeFileSync(r.evidence.htmlPath, ARTICLE.replace('300 mét khối', '301 mét khối'));
    const tampered = verifyEvidence(dir);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toContainEqual(expect.stringMatching(/^page\.html: SHA-256/));
    writeFileSync(r.evidence.pngPath, Buffer.from('not a png'));
    expect(verifyEvidence(dir).problems).toContainEqual('screenshot.png: not a PNG');
    expect(pool.openPages()).toBe(0);
  });

  it('fetches nothing and stores nothing when robots.txt disallows the page', async () => {
    const r = await runSubmit({
      config: config(),
      store,
      pool,
      url: server.url('/noi-bo/bai-mat.html'),
    });
    expect(r).toMatchObject({
      status: 'blocked',
      message: expect.stringMatching(/disallowed by robots\.txt/) as unknown,
    });
    expect(server.hitsFor('/noi-bo/bai-mat.html')).toHaveLength(0);
    expect(store.listArticles({})).toEqual([]);
    expect(store.listEvidence()).toEqual([]);
    expect(store.listSources()).toEqual([]);
    expect(existsSync(path.join(dataDir, 'evidence'))).toBe(false);
    // Not even Chromium was started for it.
    expect(launches).toBe(0);
  });

  it('keeps evidence of a page that is not an article, under the configured source of its site', async () => {
    const outlet = SourceDef.parse({
      id: 'tin-cao-nguyen',
      name: 'Tin Cao Nguyên',
      domain: '127.0.0.1',
      category: 'provincial-press',
      feeds: ['http://127.0.0.1/rss.xml'],
    });
    const r = await runSubmit({
      config: config([outlet]),
      store,
      pool,
      url: server.url('/lien-he'),
    });
    if (r.status !== 'stored') throw new Error(`expected stored, got ${r.status}`);
    expect(r.source.id).toBe('tin-cao-nguyen');
    expect(r.article).toBeNull();
    expect(r.notArticle).toBeTruthy();
    expect(store.listArticles({})).toEqual([]);
    expect(verifyEvidence(r.evidence.dir).ok).toBe(true);
    // A second submission of the same non-article is reported, not captured again.
    const again = await runSubmit({
      config: config([outlet]),
      store,
      pool,
      url: server.url('/lien-he'),
    });
    expect(again).toMatchObject({ status: 'already-stored', evidenceCaptured: false });
    expect(server.hitsFor('/lien-he')).toHaveLength(1);
  });
});
