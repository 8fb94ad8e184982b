// SIGKILL during `diemtin crawl`, then run it again: every sample article is stored exactly
// once and none is lost. The crawl reads the bundled sample newsroom through a counting proxy
// on 127.0.0.1, which is how the test knows when the crawl is in the middle of its pass.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { sampleArticles, startNewsroom, type Newsroom } from '../../src/demo/server.ts';
import { writeNewsroomConfig } from '../../src/jobs/newsroom-config.ts';
import { openStore } from '../../src/store/index.ts';
import { BIN, runCli } from '../cli/run-cli.ts';

let newsroom: Newsroom;
let proxy: Server;
let proxyOrigin: string;
let dir: string;
/** Article pages (not feeds, not robots.txt) the proxy has answered. */
let pagesServed = 0;
let onPage: (() => void) | null = null;

beforeAll(async () => {
  newsroom = await startNewsroom();
  const feedPaths = new Set(
    newsroom.sources.flatMap((s) => (s.feeds ?? []).map((f) => new URL(f).pathname)),
  );
  proxy = createServer((req, res) => {
    const url = req.url ?? '/';
    void (async () => {
      const upstream = await fetch(newsroom.baseUrl + url, {
        headers: { 'user-agent': req.headers['user-agent'] ?? '' },
      });
      // Links inside feeds and pages name the newsroom; the crawler must come back to us.
      const body = (await upstream.text()).replaceAll(newsroom.baseUrl, proxyOrigin);
      // A little latency widens the window in which the crawl can be killed mid-page.
      await new Promise((r) => setTimeout(r, 15));
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      res.end(body);
      if (!feedPaths.has(url.split('?')[0]!) && url !== '/robots.txt') {
        pagesServed++;
        onPage?.();
      }
    })().catch(() => res.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'diemtin-kill-'));
  writeNewsroomConfig({
    fromDir: loadConfig({ env: {} }).dir,
    toDir: path.join(dir, 'config'),
    baseUrl: proxyOrigin,
    sources: newsroom.sources.map((s) => ({
      ...s,
      feeds: (s.feeds ?? []).map((f) => f.replace(newsroom.baseUrl, proxyOrigin)),
    })),
  });
}, 30_000);

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
  await newsroom.close();
});

/** Starts a crawl and SIGKILLs it once `pages` more article pages have been served. */
function crawlKilledAfter(pages: number): Promise<{ signal: NodeJS.Signals | null }> {
  const target = pagesServed + pages;
  const child = spawn(
    process.execPath,
    // --no-evidence: evidence capture re-opens sensitive pages in Chromium, and this test
    // counts the crawl's own article fetches.
    [
      BIN,
      'crawl',
      '--no-evidence',
      '--config',
      path.join(dir, 'config'),
      '--db',
      path.join(dir, 'k.sqlite'),
    ],
    { stdio: 'ignore', env: { ...process.env, DIEMTIN_DEBUG: '' } },
  );
  onPage = () => {
    if (pagesServed >= target) {
      onPage = null;
      child.kill('SIGKILL');
    }
  };
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal }));
  });
}

describe('diemtin crawl killed mid-pass', () => {
  it('stores every item exactly once after a re-run, and loses none', async () => {
    const first = await crawlKilledAfter(6);
    expect(first.signal).toBe('SIGKILL');
    const killedAt = pagesServed;
    const second = await crawlKilledAfter(15);
    expect(second.signal).toBe('SIGKILL');
    expect(pagesServed).toBeLessThan(killedAt + sampleArticles.length);
    const killed = openStore(path.join(dir, 'k.sqlite'));
    const storedBeforeRerun = killed.listArticles({}).length;
    killed.close();
    console.log(
      `kill-safety: killed after ${killedAt} and ${pagesServed} pages; ` +
        `${storedBeforeRerun} articles stored before the re-run`,
    );
    expect(storedBeforeRerun).toBeLessThan(sampleArticles.length);

    const args = [
      'crawl',
      '--no-evidence',
      '--config',
      path.join(dir, 'config'),
      '--db',
      path.join(dir, 'k.sqlite'),
    ];
    const third = await runCli(args);
    expect(third.stderr).not.toMatch(/internal error/);
    expect(third.code).toBe(0);

    const store = openStore(path.join(dir, 'k.sqlite'));
    try {
      const all = store.listArticles({});
      const urls = all.map((a) => a.url);
      expect(new Set(urls).size).toBe(urls.length);
      const paths = new Set(urls.map((u) => decodeURI(new URL(u).pathname)));
      const missing = sampleArticles.filter((a) => !paths.has(decodeURI(a.path.split('?')[0]!)));
      expect(missing.map((a) => a.path)).toEqual([]);
      expect(all).toHaveLength(sampleArticles.length);
      // Each copy carries its outlet; no article page was fetched twice across the three runs
      // beyond the ones in flight when the crawl was killed.
      expect(pagesServed).toBeLessThanOrEqual(sampleArticles.length + 2);
    } finally {
      store.close();
    }

    // A fourth run finds nothing due and nothing new.
    const fourth = await runCli(args);
    expect(fourth.code).toBe(0);
    expect(fourth.stdout).toContain('0 new articles');
  }, 120_000);
});
