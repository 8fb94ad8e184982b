import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrations.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { makeArticle, makeSource } from './article-factory.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diemtin-store-'));
  store = openStore(':memory:');
  store.upsertSources([makeSource()]);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates the parent folder, records the schema version and reopens without re-running', () => {
    const file = path.join(dir, 'nested', 'deeper', 'diemtin.sqlite');
    const first = openStore(file);
    first.upsertSources([makeSource()]);
    first.upsertArticle(makeArticle());
    first.close();

    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toEqual([]);
    const rows = db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();

    const again = openStore(file);
    expect(again.listArticles({})).toHaveLength(1);
    again.close();
  });

  it('applies only the new migrations to an existing file', () => {
    const db = new Database(path.join(dir, 'm.sqlite'));
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    const next = {
      version: latest + 1,
      name: 'add a column',
      sql: 'ALTER TABLE stories ADD COLUMN label TEXT',
    };
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([latest + 1]);
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1);
    db.close();
  });

  it('refuses a database written by a newer program', () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStore(file)).toThrow(/^store: database schema version 99 is newer/);
  });

  it('turns foreign keys on', () => {
    expect(() => store.upsertArticle(makeArticle({ sourceId: 'khong-co' }))).toThrow(
      /^store: cannot save article/,
    );
  });
});

describe('sources', () => {
  it('keeps health columns when definitions are upserted again', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    store.recordSourceFailure('baomau', at, { errorClass: 'blocked', message: 'fetch: HTTP 403' });
    store.upsertSources([
      makeSource({ name: 'Báo Mẫu (mới)', feeds: ['https://baomau.example/rss/a.rss'] }),
    ]);
    const [s] = store.listSources();
    expect(s?.name).toBe('Báo Mẫu (mới)');
    expect(s?.feeds).toEqual(['https://baomau.example/rss/a.rss']);
    expect(s?.lastErrorClass).toBe('blocked');
    expect(s?.lastError).toBe('fetch: HTTP 403');
    expect(s?.consecutiveFailures).toBe(1);
  });

  it('backs off per consecutive failure, honours Retry-After and resets on success', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    store.recordSourceFailure('baomau', at, { errorClass: 'retryable', message: 'x' });
    expect(store.listSources()[0]?.nextCheckAt).toBe('2026-11-20T00:30:00.000Z');
    store.recordSourceFailure('baomau', at, { errorClass: 'retryable', message: 'x' });
    expect(store.listSources()[0]?.nextCheckAt).toBe('2026-11-20T01:00:00.000Z');
    store.recordSourceFailure('baomau', at, {
      errorClass: 'throttled',
      message: 'fetch: HTTP 429',
      retryAfterMs: 6 * 3600_000,
    });
    expect(store.listSources()[0]?.nextCheckAt).toBe('2026-11-20T06:00:00.000Z');
    store.recordSourceSuccess('baomau', at, { items: 12 });
    const [s] = store.listSources();
    expect(s?.consecutiveFailures).toBe(0);
    expect(s?.lastSuccessAt).toBe('2026-11-20T00:00:00.000Z');
    expect(s?.lastItemCount).toBe(12);
    expect(s?.nextCheckAt).toBe('2026-11-20T00:30:00.000Z');
    expect(s?.lastErrorClass).toBe('throttled');
  });
});

describe('articles', () => {
  it('round-trips every field, keeping publishedAt with its offset', () => {
    const a = makeArticle({
      sensitive: true,
      sensitiveReasons: ['biên giới'],
      storyId: 's1',
      reach: 2,
    });
    expect(store.upsertArticle(a)).toEqual({ inserted: true });
    expect(store.getArticle(a.url)).toEqual(a);
    expect(store.listArticles({})).toEqual([a]);
    expect(store.hasArticle(a.url)).toBe(true);
    expect(store.hasArticle('https://baomau.example/khac.html')).toBe(false);
  });

  it('stores a canonical URL once; a second upsert relabels but keeps id and story', () => {
    const a = makeArticle({ storyId: 's1', reach: 3 });
    store.upsertArticle(a);
    const again = store.upsertArticle({
      ...a,
      id: 'other',
      relevant: false,
      tone: 'negative',
      storyId: null,
    });
    expect(again).toEqual({ inserted: false });
    const all = store.listArticles({});
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: 'a1',
      relevant: false,
      tone: 'negative',
      storyId: 's1',
      reach: 3,
    });
  });

  it('rejects an article that does not match the schema', () => {
    expect(() => store.upsertArticle(makeArticle({ publishedAt: '20/11/2026' }))).toThrow(
      /^store: article .* does not match the schema/,
    );
  });

  it('queries [from, to) by instant, whatever the offsets', () => {
    store.upsertArticle(
      makeArticle({
        id: 'a',
        url: 'https://baomau.example/a',
        publishedAt: '2026-11-19T05:59:59+07:00',
      }),
    );
    store.upsertArticle(
      makeArticle({
        id: 'b',
        url: 'https://baomau.example/b',
        publishedAt: '2026-11-19T06:00:00+07:00',
      }),
    );
    // 23:30Z on the 19th is already 06:30 on the 20th in Vietnam: after the window below.
    store.upsertArticle(
      makeArticle({
        id: 'c',
        url: 'https://baomau.example/c',
        publishedAt: '2026-11-19T23:30:00Z',
        relevant: false,
      }),
    );
    store.upsertArticle(
      makeArticle({
        id: 'd',
        url: 'https://baomau.example/d',
        publishedAt: '2026-11-20T06:00:00+07:00',
      }),
    );
    store.upsertArticle(
      makeArticle({ id: 'e', url: 'https://baomau.example/e', publishedAt: null }),
    );
    const window = { from: '2026-11-19T06:00:00+07:00', to: '2026-11-20T06:00:00+07:00' };
    // "a" ends one second early, "d" sits exactly on the exclusive end.
    expect(store.listArticles(window).map((a) => a.id)).toEqual(['b']);
    expect(store.listArticles({ ...window, to: '2026-11-19T23:59:59Z' }).map((a) => a.id)).toEqual([
      'b',
      'd',
      'c',
    ]);
    expect(
      store.listArticles({ from: '2026-11-18T23:00:00Z', relevantOnly: true }).map((a) => a.id),
    ).toEqual(['b', 'd']);
    expect(store.listArticles({}).map((a) => a.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(store.listArticles({}).find((a) => a.id === 'c')?.publishedAt).toBe(
      '2026-11-19T23:30:00Z',
    );
  });
});

describe('stories', () => {
  it('assigns stories and keeps the stories table in step, in one transaction', () => {
    store.upsertSources([makeSource({ id: 'khac', name: 'Báo Khác' })]);
    store.upsertArticle(
      makeArticle({
        id: 'a',
        url: 'https://baomau.example/a',
        publishedAt: '2026-11-20T08:00:00+07:00',
      }),
    );
    store.upsertArticle(
      makeArticle({
        id: 'b',
        url: 'https://baokhac.example/b',
        sourceId: 'khac',
        publishedAt: '2026-11-20T07:00:00+07:00',
      }),
    );
    store.setStories([
      { id: 'a', storyId: 's1', reach: 2 },
      { id: 'b', storyId: 's1', reach: 2 },
    ]);
    expect(store.listArticles({}).map((a) => [a.id, a.storyId, a.reach])).toEqual([
      ['b', 's1', 2],
      ['a', 's1', 2],
    ]);
    expect(store.listStories()).toEqual([
      { id: 's1', firstPublishedAt: '2026-11-20T00:00:00.000Z', reach: 2, articleCount: 2 },
    ]);

    // Moving "b" out leaves s1 with one article; moving both out deletes s1.
    store.setStories([{ id: 'b', storyId: 's2', reach: 1 }]);
    expect(store.listStories().map((s) => [s.id, s.articleCount])).toEqual([
      ['s1', 1],
      ['s2', 1],
    ]);
    expect(() =>
      store.setStories([
        { id: 'a', storyId: 's2', reach: 1 },
        { id: 'khong-co', storyId: 's2', reach: 1 },
      ]),
    ).toThrow(/unknown article id khong-co/);
    // The failed call changed nothing.
    expect(store.listArticles({}).find((a) => a.id === 'a')?.storyId).toBe('s1');
    store.setStories([{ id: 'a', storyId: 's2', reach: 1 }]);
    expect(store.listStories().map((s) => [s.id, s.articleCount])).toEqual([['s2', 2]]);
  });
});

describe('pages', () => {
  it('keeps the raw page gzip-compressed and gives it back intact', () => {
    const html = `<html><body>${'<p>Đà Lạt mộng mơ, sương mù phủ kín đồi thông.</p>'.repeat(200)}</body></html>`;
    store.savePage({
      url: 'https://baomau.example/a',
      sourceId: 'baomau',
      fetchedAt: new Date('2026-11-20T01:02:03Z'),
      status: 200,
      contentType: 'text/html; charset=utf-8',
      html,
    });
    expect(store.getPage('https://baomau.example/a')).toEqual({
      url: 'https://baomau.example/a',
      sourceId: 'baomau',
      fetchedAt: '2026-11-20T01:02:03.000Z',
      html,
    });
    expect(store.hasPage('https://baomau.example/a')).toBe(true);
    expect(store.getPage('https://baomau.example/b')).toBeNull();
  });

  it('stores the page bytes compressed on disk', () => {
    const file = path.join(dir, 'p.sqlite');
    const s = openStore(file);
    s.upsertSources([makeSource()]);
    const html = '<p>Bảo Lộc</p>'.repeat(1000);
    s.savePage({
      url: 'https://baomau.example/a',
      sourceId: 'baomau',
      fetchedAt: new Date(),
      status: 200,
      contentType: null,
      html,
    });
    s.close();
    const db = new Database(file);
    const row = db.prepare('SELECT html FROM pages').get() as { html: Buffer };
    db.close();
    expect(row.html.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(row.html.length).toBeLessThan(Buffer.byteLength(html) / 10);
  });
});

describe('digests', () => {
  const digest = (seq: number, year = 2026) => ({
    period: 'daily',
    year,
    seq,
    number: `Số ${seq}/ĐT-SVHTTDL`,
    windowStart: '2026-11-19T06:00:00+07:00',
    windowEnd: '2026-11-20T06:00:00+07:00',
    createdAt: new Date('2026-11-20T00:05:00Z'),
    html: '<h1>Điểm tin</h1>',
    model: { items: 3 },
  });

  it('numbers per period and year and never reuses a number, even after a delete', () => {
    expect(store.nextDigestSeq('daily', 2026)).toBe(1);
    const first = store.saveDigest(digest(1));
    expect(store.nextDigestSeq('daily', 2026)).toBe(2);
    const second = store.saveDigest(digest(2));
    expect(store.nextDigestSeq('weekly', 2026)).toBe(1);
    expect(store.nextDigestSeq('daily', 2027)).toBe(1);
    store.deleteDigest(second);
    expect(store.getDigest(second)).toBeNull();
    expect(store.nextDigestSeq('daily', 2026)).toBe(3);
    expect(() => store.saveDigest(digest(2))).toThrow(/number 2 was already issued \(next is 3\)/);
    expect(store.getDigest(first)).toMatchObject({
      number: 'Số 1/ĐT-SVHTTDL',
      windowStart: '2026-11-18T23:00:00.000Z',
      createdAt: '2026-11-20T00:05:00.000Z',
      model: { items: 3 },
    });
  });
});

describe('digest rebuilds', () => {
  it('finds a digest by its window start instant and rebuilds it under the same number', () => {
    const d = {
      period: 'daily',
      year: 2026,
      seq: store.nextDigestSeq('daily', 2026),
      number: 'Số 1/ĐT-SVHTTDL',
      windowStart: '2026-11-19T06:00:00+07:00',
      windowEnd: '2026-11-20T06:00:00+07:00',
      createdAt: new Date('2026-11-20T00:05:00Z'),
      html: '<p>bản nháp</p>',
      model: { v: 1 },
    };
    const id = store.saveDigest(d);
    expect(store.findDigest('daily', '2026-11-18T23:00:00Z')?.id).toBe(id);
    expect(store.findDigest('weekly', '2026-11-18T23:00:00Z')).toBeNull();
    store.replaceDigest(id, { ...d, html: '<p>bản cuối</p>', model: { v: 2 } });
    expect(store.getDigest(id)).toMatchObject({ seq: 1, html: '<p>bản cuối</p>', model: { v: 2 } });
    expect(store.nextDigestSeq('daily', 2026)).toBe(2);
    expect(() => store.replaceDigest(id, { ...d, seq: 5 })).toThrow(
      /cannot make it daily 2026 number 5/,
    );
  });
});

describe('job runs', () => {
  it('records a run from start to finish', () => {
    const id = store.startJobRun('crawl', new Date('2026-11-20T00:00:00Z'));
    expect(store.listJobRuns('crawl')[0]).toMatchObject({
      id,
      status: 'running',
      finishedAt: null,
    });
    store.finishJobRun(id, new Date('2026-11-20T00:01:00Z'), 'ok', { newArticles: 4 });
    expect(store.listJobRuns()).toEqual([
      {
        id,
        kind: 'crawl',
        startedAt: '2026-11-20T00:00:00.000Z',
        finishedAt: '2026-11-20T00:01:00.000Z',
        status: 'ok',
        summary: { newArticles: 4 },
      },
    ]);
    expect(() => store.finishJobRun(999, new Date(), 'failed', null)).toThrow(/unknown job run/);
  });
});
