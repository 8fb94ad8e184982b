// The product's main job end to end, against the bundled sample newsroom on 127.0.0.1: the
// real crawler, pipeline, store and bulletin, through the same entry points a user runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { sampleArticles, SAMPLE_DAY } from '../../src/demo/server.ts';
import { runDemo, type DemoSummary } from '../../src/jobs/demo-job.ts';
import { openStore } from '../../src/store/index.ts';
import { BIN, runCli } from '../cli/run-cli.ts';

// The sample day's window: 19/11/2026 06:00 → 20/11/2026 06:00, Asia/Ho_Chi_Minh.
const WINDOW = {
  start: Date.parse('2026-11-19T06:00:00+07:00'),
  end: Date.parse('2026-11-20T06:00:00+07:00'),
};
const inWindow = (iso: string): boolean => {
  const t = Date.parse(iso);
  return t >= WINDOW.start && t < WINDOW.end;
};

describe('npm run demo (runDemo)', () => {
  let out: string;
  let s: DemoSummary;
  let text: string;

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'diemtin-demo-'));
    s = await runDemo({ config: loadConfig({ env: {} }), outDir: out });
    const $ = load(readFileSync(s.bulletin, 'utf8'));
    $('style, script').remove();
    text = $('body').text().replace(/\s+/g, ' ');
  }, 60_000);

  it('crawls every sample article without a failure', () => {
    expect(s.crawl.feedFailures).toEqual([]);
    expect(s.crawl.itemFailures).toEqual([]);
    expect(s.crawl.notArticles).toEqual([]);
    expect(s.stored).toBe(sampleArticles.length);
    expect(existsSync(s.db)).toBe(true);
  });

  it('writes the bulletin of the sample day into the output folder', () => {
    expect(path.dirname(s.bulletin)).toBe(out);
    expect(path.basename(s.bulletin)).toBe(`diemtin-daily-${SAMPLE_DAY}.html`);
    expect(text).toContain('Lâm Đồng, ngày 20 tháng 11 năm 2026');
    expect(text).toContain('Từ 06 giờ 00 ngày 19/11/2026 đến 06 giờ 00 ngày 20/11/2026');
    expect(text).toContain(s.number);
  });

  it('lists the relevant stories of the window with outlet and time, and nothing else', () => {
    const relevant = sampleArticles.filter((a) => a.labels.relevant && inWindow(a.publishedAt));
    const stories = new Map<string, typeof relevant>();
    for (const a of relevant) {
      const key = a.labels.story ?? a.id;
      stories.set(key, [...(stories.get(key) ?? []), a]);
    }
    let found = 0;
    for (const copies of stories.values()) {
      // A story is listed under the title of one of its copies, with every outlet named.
      if (copies.some((c) => text.includes(c.title))) found += 1;
    }
    console.log(`demo bulletin: ${found}/${stories.size} relevant sample stories listed`);
    expect(found).toBe(stories.size);
    const outside = sampleArticles.filter((a) => !a.labels.relevant || !inWindow(a.publishedAt));
    const leaked = outside.filter((a) => !a.labels.story && text.includes(a.title));
    expect(leaked.map((a) => a.id)).toEqual([]);
    expect(text).toMatch(/Nguồn: [^·]+· Thời gian: \d\d\/11 \d\d:\d\d/);
  });

  it('shows figures by tone and topic', () => {
    expect(text).toContain('Sắc thái thông tin');
    expect(text).toMatch(/Tích cực\s*\d+/);
    expect(text).toMatch(/Tiêu cực\s*\d+/);
    expect(text).toContain('Chủ đề nổi bật');
    expect(text).toContain('Biên giới');
    expect(s.inBulletin).toBeGreaterThan(15);
  });
});

describe('diemtin crawl, twice, against `diemtin newsroom`', () => {
  let newsroom: ChildProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'diemtin-crawl-'));
    newsroom = spawn(
      process.execPath,
      [BIN, 'newsroom', '--port', '0', '--config-out', path.join(dir, 'config')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      newsroom.stdout?.setEncoding('utf8').on('data', (d: string) => {
        seen += d;
        if (seen.includes('Ctrl-C')) resolve();
      });
      newsroom.on('exit', (code) => reject(new Error(`newsroom exited with ${code}: ${seen}`)));
    });
  }, 30_000);

  afterAll(() => {
    newsroom.kill('SIGTERM');
  });

  it('stores every article once and nothing on the second pass', async () => {
    const args = [
      'crawl',
      '--config',
      path.join(dir, 'config'),
      '--db',
      path.join(dir, 'x.sqlite'),
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${sampleArticles.length} new articles`);
    expect(first.stdout).toMatch(/, \d+ stories/);
    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 new articles');
    // Nothing new, nothing to regroup.
    expect(second.stdout).toContain('stories unchanged');

    const store = openStore(path.join(dir, 'x.sqlite'));
    try {
      const all = store.listArticles({});
      expect(all).toHaveLength(sampleArticles.length);
      expect(new Set(all.map((a) => a.url)).size).toBe(all.length);
    } finally {
      store.close();
    }
  }, 60_000);

  it('builds the bulletin from that store, keeping its number when rebuilt', async () => {
    const args = [
      'digest',
      'build',
      '--period',
      'daily',
      '--date',
      SAMPLE_DAY,
      '--config',
      path.join(dir, 'config'),
      '--db',
      path.join(dir, 'x.sqlite'),
      '--out',
      dir,
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(existsSync(path.join(dir, `diemtin-daily-${SAMPLE_DAY}.html`))).toBe(true);
    const second = await runCli(args);
    expect(second.code).toBe(0);
    const number = (r: { stdout: string }) => /Số \d+\/ĐT-\w+/.exec(r.stdout)?.[0];
    expect(number(first)).toBe('Số 1/ĐT-SVHTTDL');
    expect(number(second)).toBe(number(first));
  }, 60_000);
});
