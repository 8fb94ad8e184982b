import { mkdtempSync, writeFileSync, cpSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHealthTable, healthRows } from '../../crawlers/health.ts';
import { sourcesCommand } from '../../src/cli/commands/sources.ts';
import type { SourceDef } from '../../src/config/sources.ts';
import { openStore, MIGRATIONS } from '../../src/store/index.ts';
import { migrate } from '../../src/store/migrations.ts';
import { makeArticle } from '../store/article-factory.ts';

const NOW = new Date('2026-11-20T00:00:00Z');
const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

function def(id: string, name: string): SourceDef {
  return {
    id,
    name,
    domain: `${id}.example`,
    category: 'provincial-press',
    kind: 'rss',
    enabled: true,
    intervalMinutes: 30,
    feeds: [`https://${id}.example/rss`],
  };
}

function seeded() {
  const store = openStore(':memory:');
  store.upsertSources([def('baolamdong', 'Báo Lâm Đồng'), def('cu', 'Báo Cũ'), def('moi', 'Mới')]);
  const save = (id: string, sourceId: string, at: Date, article: boolean) => {
    const url = `https://${sourceId}.example/${id}.html`;
    store.savePage({
      url,
      sourceId,
      fetchedAt: at,
      status: 200,
      contentType: 'text/html',
      html: '',
    });
    if (article) {
      store.upsertArticle(
        makeArticle({ id, url, sourceId, sourceName: sourceId, fetchedAt: at.toISOString() }),
      );
    }
  };
  save('a1', 'baolamdong', ago(2 * 3600_000), true);
  save('a2', 'baolamdong', ago(3 * DAY), true);
  save('a3', 'baolamdong', ago(10 * DAY), true);
  save('p1', 'baolamdong', ago(3600_000), false);
  // A feed that moved: it still answers, but its last new item is 12 days old.
  save('c1', 'cu', ago(12 * DAY), true);
  store.recordSourceSuccess('baolamdong', ago(600_000), { items: 20 });
  store.recordSourceSuccess('cu', ago(600_000), { items: 20 });
  store.recordSourceFailure('moi', ago(2 * DAY), {
    errorClass: 'blocked',
    message: 'fetch: HTTP 403',
  });
  store.recordSourceFailure('moi', ago(DAY), { errorClass: 'blocked', message: 'fetch: HTTP 403' });
  return store;
}

describe('source health', () => {
  it('counts items per day and week, and days of silence', () => {
    const store = seeded();
    try {
      const rows = healthRows(store.listSources(), store.sourceActivity(NOW), NOW);
      const by = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(by.baolamdong).toMatchObject({
        articles24h: 1,
        articles7d: 2,
        silentDays: 0,
        consecutiveFailures: 0,
        lastErrorClass: null,
      });
      expect(by.cu).toMatchObject({ articles24h: 0, articles7d: 0, silentDays: 12 });
      // Never brought anything: silent since its first check.
      expect(by.moi).toMatchObject({
        silentDays: 2,
        consecutiveFailures: 2,
        lastErrorClass: 'blocked',
        lastError: 'fetch: HTTP 403',
        lastSuccessAt: null,
      });

      const table = formatHealthTable(rows, 'Asia/Ho_Chi_Minh');
      const lines = table.split('\n');
      expect(lines[0]).toMatch(
        /^ID\s+Name\s+Last success\s+Failures\s+Last error\s+Items 24h\s+Items 7d\s+Silent\s+Next check$/,
      );
      expect(table).toContain('Báo Lâm Đồng');
      expect(lines.find((l) => l.startsWith('moi'))).toMatch(/blocked 2026-11-19 07:00.*\s2 d\s/);
      expect(table).toContain('moi: fetch: HTTP 403');
      // Columns line up: every row's "Failures" cell starts where the header's does.
      const col = lines[0]!.indexOf('Failures');
      for (const l of lines.slice(2, 5)) expect(l[col - 1]).toBe(' ');
    } finally {
      store.close();
    }
  });
});

describe('diemtin sources', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the table, and the same rows as JSON', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'diemtin-sources-'));
    const config = path.join(dir, 'config');
    for (const entry of ['diemtin.yaml', 'topics.yaml', 'provinces']) {
      cpSync(path.join(process.cwd(), 'config', entry), path.join(config, entry), {
        recursive: true,
      });
    }
    mkdirSync(path.join(config, 'sources'));
    writeFileSync(
      path.join(config, 'sources', 'test.yaml'),
      'sources:\n' +
        '  - { id: baolamdong, name: Báo Lâm Đồng, domain: baolamdong.vn, category: provincial-press, feeds: ["https://baolamdong.vn/rss"] }\n',
    );
    const db = path.join(dir, 'x.sqlite');
    const out: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    try {
      await sourcesCommand().parseAsync(['--config', config, '--db', db], { from: 'user' });
      await sourcesCommand().parseAsync(['--config', config, '--db', db, '--json'], {
        from: 'user',
      });
    } finally {
      spy.mockRestore();
    }
    expect(out[0]).toMatch(/^ID +Name +Last success/);
    expect(out[0]).toMatch(/baolamdong +Báo Lâm Đồng +- +0 +- +0 +0 +- +-/);
    const json = JSON.parse(out[1]!) as unknown[];
    expect(json).toEqual([
      expect.objectContaining({
        id: 'baolamdong',
        name: 'Báo Lâm Đồng',
        consecutiveFailures: 0,
        articles24h: 0,
        silentDays: null,
        lastErrorClass: null,
      }),
    ]);
  });
});

describe('migration 2 on a database written by the first schema', () => {
  it('marks pages that became articles as processed, the others for reprocessing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-m2-'));
    try {
      const file = path.join(dir, 'old.sqlite');
      const db = new Database(file);
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version === 1),
      );
      db.prepare(
        `INSERT INTO sources (id, name, domain, category, kind, feeds, enabled, interval_minutes)
         VALUES ('s', 'S', 's.example', 'central-press', 'rss', '["https://s.example/rss"]', 1, 30)`,
      ).run();
      const page = db.prepare(
        `INSERT INTO pages (url, source_id, fetched_at, status, html) VALUES (?, 's', ?, 200, x'')`,
      );
      page.run('https://s.example/a', NOW.toISOString());
      page.run('https://s.example/b', NOW.toISOString());
      db.close();
      const store = openStore(file);
      store.upsertArticle(makeArticle({ url: 'https://s.example/x', sourceId: 's' }));
      expect(store.pageState('https://s.example/a')).toBe('unprocessed');
      expect(store.pageState('https://s.example/nope')).toBe('absent');
      store.markPageProcessed('https://s.example/a', NOW);
      expect(store.pageState('https://s.example/a')).toBe('processed');
      expect(store.listSources()[0]).toMatchObject({ firstCheckedAt: null, lastCheckedAt: null });
      store.close();

      const withArticle = new Database(path.join(dir, 'old2.sqlite'));
      migrate(
        withArticle,
        MIGRATIONS.filter((m) => m.version === 1),
      );
      withArticle.exec(`
        INSERT INTO sources (id, name, domain, category, kind, feeds, enabled, interval_minutes)
          VALUES ('s', 'S', 's.example', 'central-press', 'rss', '["https://s.example/rss"]', 1, 30);
        INSERT INTO pages (url, source_id, fetched_at, status, html)
          VALUES ('https://s.example/a', 's', '2026-11-20T00:00:00.000Z', 200, x'');
        INSERT INTO articles (id, url, source_id, source_name, source_category, title, sapo, body,
          fetched_at, tags, relevant, relevance, mentions, topics, tone, sensitive,
          sensitive_reasons)
          VALUES ('a', 'https://s.example/a', 's', 'S', 'central-press', 't', '', '',
          '2026-11-20T00:00:00.000Z', '[]', 0, 0, '[]', '[]', 'neutral', 0, '[]');`);
      // Every later migration runs too; this test is about what 2 does to old rows.
      expect(migrate(withArticle)).toEqual(
        MIGRATIONS.filter((m) => m.version >= 2).map((m) => m.version),
      );
      const r = withArticle.prepare('SELECT processed_at AS p FROM pages').get() as { p: string };
      expect(r.p).toBe('2026-11-20T00:00:00.000Z');
      withArticle.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
