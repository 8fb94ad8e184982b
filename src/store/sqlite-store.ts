// SQLite backend of the Store (better-sqlite3: synchronous, so every method is atomic on its
// own and multi-row changes use db.transaction).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { FetchErrorClass } from '../../crawlers/errors.ts';
import type { RobotsCache, RobotsCacheEntry } from '../../crawlers/http-client.ts';
import { backoffMs } from '../../crawlers/schedule.ts';
import { SourceDef } from '../config/sources.ts';
import { Article, type StoryAssignment, type Tone } from '../schema.ts';
import { articleFields, type ArticleRow } from './article-row.ts';
import type {
  ArticleQuery,
  DigestInput,
  FeedState,
  FeedStateUpdate,
  JobRun,
  PageInput,
  PageState,
  SourceActivity,
  SourceError,
  SourceHealth,
  Store,
  StoredDigest,
  StoredPage,
  StoryRow,
} from './index.ts';
import { migrate } from './migrations.ts';
import * as evidenceSql from './evidence.ts';
import { listDigestArticles, relevantToneCounts } from './digest-queries.ts';
import type { EvidenceReason, EvidenceRecord, EvidenceState } from './evidence.ts';
import type { FollowUpCase } from '../digest/follow-up.ts';
import { bulletinStore, type BulletinStore } from './bulletins.ts';
import { caseStore, type CaseStore } from './cases.ts';
import { outboxStore, type OutboxStore } from './outbox.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3600_000;

type SourceRow = {
  id: string;
  name: string;
  domain: string;
  category: string;
  kind: string;
  feeds: string;
  enabled: number;
  interval_minutes: number;
  politeness: string | null;
  list: string | null;
  last_success_at: string | null;
  last_item_count: number | null;
  last_error_at: string | null;
  last_error: string | null;
  last_error_class: string | null;
  consecutive_failures: number;
  next_check_at: string | null;
  first_checked_at: string | null;
  last_checked_at: string | null;
};

type DigestRow = {
  id: number;
  period: string;
  year: number;
  seq: number;
  number: string;
  window_start: string;
  window_end: string;
  created_at: string;
  html: string;
  model: string;
};

type JobRunRow = {
  id: number;
  kind: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  summary: string | null;
};

const FETCH_ERROR_CLASSES: readonly string[] = [
  'not-retryable',
  'retryable',
  'throttled',
  'blocked',
];

/** Any ISO 8601 instant → the same instant as UTC `toISOString()` text. */
function toUtc(iso: string, what: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`store: ${what} is not a valid ISO date: ${iso}`);
  return new Date(ms).toISOString();
}

function rowToArticle(r: ArticleRow): Article {
  const parsed = Article.safeParse(articleFields(r));
  if (!parsed.success) {
    throw new Error(`store: article ${r.url} in the database does not match the schema`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function rowToSource(r: SourceRow): SourceHealth {
  const def = SourceDef.parse({
    id: r.id,
    name: r.name,
    domain: r.domain,
    category: r.category,
    kind: r.kind,
    feeds: JSON.parse(r.feeds) as unknown,
    enabled: r.enabled === 1,
    intervalMinutes: r.interval_minutes,
    ...(r.politeness ? { politeness: JSON.parse(r.politeness) as unknown } : {}),
    ...(r.list ? { list: JSON.parse(r.list) as unknown } : {}),
  });
  const errorClass =
    r.last_error_class && FETCH_ERROR_CLASSES.includes(r.last_error_class)
      ? (r.last_error_class as FetchErrorClass)
      : null;
  return {
    ...def,
    lastSuccessAt: r.last_success_at,
    lastItemCount: r.last_item_count,
    lastErrorAt: r.last_error_at,
    lastError: r.last_error,
    lastErrorClass: errorClass,
    consecutiveFailures: r.consecutive_failures,
    nextCheckAt: r.next_check_at,
    firstCheckedAt: r.first_checked_at,
    lastCheckedAt: r.last_checked_at,
  };
}

function rowToDigest(r: DigestRow): StoredDigest {
  return {
    id: r.id,
    period: r.period,
    year: r.year,
    seq: r.seq,
    number: r.number,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    createdAt: r.created_at,
    html: r.html,
    model: JSON.parse(r.model) as unknown,
  };
}

export function openStore(file: string): Store {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`store: cannot open ${file}`, { cause: err });
  }
  try {
    // WAL lets the web UI read while a crawl writes; busy_timeout makes a second writer
    // (a CLI run during a scheduled crawl) wait instead of failing at once.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (err) {
    db.close();
    throw err instanceof Error && err.message.startsWith('store: ')
      ? err
      : new Error(`store: cannot prepare ${file}`, { cause: err });
  }
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly #db: Database.Database;

  /** Prepared once per SQL text: preparing costs more than running the small queries here. */
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #prepare(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    this.#db.close();
  }

  upsertSources(defs: SourceDef[]): void {
    const stmt = this.#prepare(`
      INSERT INTO sources (id, name, domain, category, kind, feeds, enabled, interval_minutes, politeness, list)
      VALUES (@id, @name, @domain, @category, @kind, @feeds, @enabled, @intervalMinutes, @politeness, @list)
      ON CONFLICT(id) DO UPDATE SET
        name = excluded.name, domain = excluded.domain, category = excluded.category,
        kind = excluded.kind, feeds = excluded.feeds, enabled = excluded.enabled,
        interval_minutes = excluded.interval_minutes, politeness = excluded.politeness,
        list = excluded.list`);
    this.#db.transaction(() => {
      for (const d of defs) {
        stmt.run({
          id: d.id,
          name: d.name,
          domain: d.domain,
          category: d.category,
          kind: d.kind,
          feeds: JSON.stringify(d.feeds),
          enabled: d.enabled ? 1 : 0,
          intervalMinutes: d.intervalMinutes,
          politeness: d.politeness ? JSON.stringify(d.politeness) : null,
          list: d.list ? JSON.stringify(d.list) : null,
        });
      }
    })();
  }

  listSources(): SourceHealth[] {
    const rows = this.#prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[];
    return rows.map(rowToSource);
  }

  recordSourceSuccess(
    id: string,
    at: Date,
    info: { items: number; nextCheckAt?: Date; itemError?: SourceError },
  ): void {
    const next = info.nextCheckAt ?? new Date(at.getTime() + this.#intervalMs(id));
    const iso = at.toISOString();
    this.#db.transaction(() => {
      this.#prepare(
        `UPDATE sources SET last_success_at = ?, last_item_count = ?, consecutive_failures = 0,
           next_check_at = ?, last_checked_at = ?, first_checked_at = COALESCE(first_checked_at, ?)
           WHERE id = ?`,
      ).run(iso, info.items, next.toISOString(), iso, iso, id);
      if (info.itemError) {
        this.#prepare(
          'UPDATE sources SET last_error_at = ?, last_error = ?, last_error_class = ? WHERE id = ?',
        ).run(iso, info.itemError.message, info.itemError.errorClass, id);
      }
    })();
  }

  recordSourceFailure(id: string, at: Date, error: SourceError & { jitter?: number }): void {
    const interval = this.#intervalMs(id);
    const row = this.#prepare('SELECT consecutive_failures AS n FROM sources WHERE id = ?').get(
      id,
    ) as { n: number };
    const failures = row.n + 1;
    // Exponential backoff per consecutive failure (miniflux does the same per feed), so a
    // dead feed is asked less and less often; a server's Retry-After is a floor.
    const wait = backoffMs({
      intervalMs: interval,
      failures,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      jitter: error.jitter ?? 0,
    });
    const iso = at.toISOString();
    this.#prepare(
      `UPDATE sources SET last_error_at = ?, last_error = ?, last_error_class = ?,
         consecutive_failures = ?, next_check_at = ?, last_checked_at = ?,
         first_checked_at = COALESCE(first_checked_at, ?) WHERE id = ?`,
    ).run(
      iso,
      error.message,
      error.errorClass,
      failures,
      new Date(at.getTime() + wait).toISOString(),
      iso,
      iso,
      id,
    );
  }

  sourceActivity(now: Date): SourceActivity[] {
    const day = new Date(now.getTime() - DAY_MS).toISOString();
    const week = new Date(now.getTime() - 7 * DAY_MS).toISOString();
    const rows = this.#prepare(
      `SELECT s.id AS id,
           (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.fetched_at >= @day)
             AS d,
           (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.fetched_at >= @week)
             AS w,
           (SELECT MAX(p.fetched_at) FROM pages p WHERE p.source_id = s.id) AS last
         FROM sources s ORDER BY s.id`,
    ).all({ day, week }) as { id: string; d: number; w: number; last: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      articles24h: r.d,
      articles7d: r.w,
      lastNewItemAt: r.last,
    }));
  }

  getFeedState(url: string): FeedState | null {
    const r = this.#prepare('SELECT * FROM feed_state WHERE url = ?').get(url) as
      | {
          url: string;
          source_id: string;
          etag: string | null;
          last_modified: string | null;
          checked_at: string;
          last_status: number;
          not_modified_count: number;
        }
      | undefined;
    if (!r) return null;
    return {
      url: r.url,
      sourceId: r.source_id,
      etag: r.etag,
      lastModified: r.last_modified,
      checkedAt: r.checked_at,
      lastStatus: r.last_status,
      notModifiedCount: r.not_modified_count,
    };
  }

  saveFeedState(f: FeedStateUpdate): void {
    if (f.status === 304) {
      this.#prepare(
        `UPDATE feed_state SET checked_at = ?, last_status = 304,
           not_modified_count = not_modified_count + 1 WHERE url = ?`,
      ).run(f.at.toISOString(), f.url);
      return;
    }
    this.#prepare(
      `INSERT INTO feed_state (url, source_id, etag, last_modified, checked_at, last_status)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag,
           last_modified = excluded.last_modified, checked_at = excluded.checked_at,
           last_status = excluded.last_status`,
    ).run(f.url, f.sourceId, f.etag ?? null, f.lastModified ?? null, f.at.toISOString(), f.status);
  }

  robotsCache(): RobotsCache {
    const get = this.#prepare('SELECT * FROM robots_cache WHERE origin = ?');
    const put = this.#prepare(
      `INSERT INTO robots_cache (origin, status, body, error, fetched_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET status = excluded.status, body = excluded.body,
         error = excluded.error, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
    );
    return {
      get(origin: string): RobotsCacheEntry | null {
        const r = get.get(origin) as
          | {
              status: number | null;
              body: string;
              error: string | null;
              fetched_at: string;
              expires_at: string;
            }
          | undefined;
        if (!r) return null;
        return {
          status: r.status,
          body: r.body,
          error: r.error,
          fetchedAt: new Date(r.fetched_at),
          expiresAt: new Date(r.expires_at),
        };
      },
      put(origin: string, e: RobotsCacheEntry): void {
        put.run(
          origin,
          e.status,
          e.body,
          e.error,
          e.fetchedAt.toISOString(),
          e.expiresAt.toISOString(),
        );
      },
    };
  }

  #intervalMs(id: string): number {
    const row = this.#prepare('SELECT interval_minutes AS m FROM sources WHERE id = ?').get(id) as
      { m: number } | undefined;
    if (!row) throw new Error(`store: unknown source ${id}`);
    return row.m * MINUTE_MS;
  }

  hasArticle(canonicalUrl: string): boolean {
    return this.#prepare('SELECT 1 FROM articles WHERE url = ?').get(canonicalUrl) !== undefined;
  }

  getArticle(canonicalUrl: string): Article | null {
    const row = this.#prepare('SELECT * FROM articles WHERE url = ?').get(canonicalUrl) as
      ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  upsertArticle(input: Article): { inserted: boolean } {
    const parsed = Article.safeParse(input);
    if (!parsed.success) {
      throw new Error(`store: article ${input.url} does not match the schema`, {
        cause: parsed.error,
      });
    }
    const a = parsed.data;
    const values = {
      id: a.id,
      url: a.url,
      sourceId: a.sourceId,
      sourceName: a.sourceName,
      sourceCategory: a.sourceCategory,
      title: a.title,
      sapo: a.sapo,
      body: a.body,
      author: a.author,
      publishedAt: a.publishedAt,
      publishedUtc: a.publishedAt === null ? null : toUtc(a.publishedAt, 'publishedAt'),
      fetchedAt: toUtc(a.fetchedAt, 'fetchedAt'),
      section: a.section,
      tags: JSON.stringify(a.tags),
      relevant: a.relevant ? 1 : 0,
      relevance: a.relevance,
      mentions: JSON.stringify(a.mentions),
      topics: JSON.stringify(a.topics),
      tone: a.tone,
      sensitive: a.sensitive ? 1 : 0,
      sensitiveReasons: JSON.stringify(a.sensitiveReasons),
      storyId: a.storyId,
      reach: a.reach,
    };
    const insert = this.#prepare(`
      INSERT INTO articles (id, url, source_id, source_name, source_category, title, sapo, body,
        author, published_at, published_utc, fetched_at, section, tags, relevant, relevance,
        mentions, topics, tone, sensitive, sensitive_reasons, story_id, reach)
      VALUES (@id, @url, @sourceId, @sourceName, @sourceCategory, @title, @sapo, @body,
        @author, @publishedAt, @publishedUtc, @fetchedAt, @section, @tags, @relevant, @relevance,
        @mentions, @topics, @tone, @sensitive, @sensitiveReasons, @storyId, @reach)
      ON CONFLICT(url) DO NOTHING`);
    // On a known URL, refresh what a reprocess may change; id and the story assignment
    // belong to the first insert and to setStories.
    const update = this.#prepare(`
      UPDATE articles SET source_id = @sourceId, source_name = @sourceName,
        source_category = @sourceCategory, title = @title, sapo = @sapo, body = @body,
        author = @author, published_at = @publishedAt, published_utc = @publishedUtc,
        fetched_at = @fetchedAt, section = @section, tags = @tags, relevant = @relevant,
        relevance = @relevance, mentions = @mentions, topics = @topics, tone = @tone,
        sensitive = @sensitive, sensitive_reasons = @sensitiveReasons
      WHERE url = @url`);
    try {
      return this.#db.transaction(() => {
        if (insert.run(values).changes === 1) return { inserted: true };
        update.run(values);
        return { inserted: false };
      })();
    } catch (err) {
      throw new Error(`store: cannot save article ${a.url}`, { cause: err });
    }
  }

  listArticles(q: ArticleQuery): Article[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (q.from !== undefined) {
      where.push('published_utc >= @from');
      params.from = toUtc(q.from, 'from');
    }
    if (q.to !== undefined) {
      where.push('published_utc < @to');
      params.to = toUtc(q.to, 'to');
    }
    if (q.relevantOnly) where.push('relevant = 1');
    const sql =
      'SELECT * FROM articles' +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY published_utc IS NULL, published_utc, url';
    return (this.#prepare(sql).all(params) as ArticleRow[]).map(rowToArticle);
  }

  setStories(assignments: StoryAssignment[]): void {
    const oldStory = this.#prepare('SELECT story_id AS s FROM articles WHERE id = ?');
    const assign = this.#prepare('UPDATE articles SET story_id = ?, reach = ? WHERE id = ?');
    const summary = this.#prepare(`
      SELECT MIN(published_utc) AS first, MAX(reach) AS reach, COUNT(*) AS n
      FROM articles WHERE story_id = ?`);
    const upsertStory = this.#prepare(`
      INSERT INTO stories (id, first_published_at, reach, article_count) VALUES (?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET first_published_at = excluded.first_published_at,
        reach = excluded.reach, article_count = excluded.article_count`);
    const deleteStory = this.#prepare('DELETE FROM stories WHERE id = ?');
    this.#db.transaction(() => {
      const touched = new Set<string>();
      for (const a of assignments) {
        const before = oldStory.get(a.id) as { s: string | null } | undefined;
        if (!before) throw new Error(`store: setStories: unknown article id ${a.id}`);
        if (before.s !== null) touched.add(before.s);
        touched.add(a.storyId);
        assign.run(a.storyId, a.reach, a.id);
      }
      for (const id of touched) {
        const s = summary.get(id) as { first: string | null; reach: number | null; n: number };
        if (s.n === 0) deleteStory.run(id);
        else upsertStory.run(id, s.first, s.reach ?? 0, s.n);
      }
    })();
  }

  listStories(): StoryRow[] {
    const rows = this.#prepare(
      'SELECT * FROM stories ORDER BY reach DESC, first_published_at, id',
    ).all() as {
      id: string;
      first_published_at: string | null;
      reach: number;
      article_count: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      firstPublishedAt: r.first_published_at,
      reach: r.reach,
      articleCount: r.article_count,
    }));
  }

  savePage(p: PageInput): void {
    this.#prepare(
      `INSERT INTO pages (url, source_id, fetched_at, status, content_type, html)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET source_id = excluded.source_id,
           fetched_at = excluded.fetched_at, status = excluded.status,
           content_type = excluded.content_type, html = excluded.html, processed_at = NULL`,
    ).run(
      p.url,
      p.sourceId,
      p.fetchedAt.toISOString(),
      p.status,
      p.contentType,
      gzipSync(Buffer.from(p.html, 'utf8')),
    );
  }

  getPage(url: string): StoredPage | null {
    const row = this.#prepare(
      'SELECT url, source_id, fetched_at, html FROM pages WHERE url = ?',
    ).get(url) as { url: string; source_id: string; fetched_at: string; html: Buffer } | undefined;
    if (!row) return null;
    return {
      url: row.url,
      sourceId: row.source_id,
      fetchedAt: row.fetched_at,
      html: gunzipSync(row.html).toString('utf8'),
    };
  }

  hasPage(url: string): boolean {
    return this.#prepare('SELECT 1 FROM pages WHERE url = ?').get(url) !== undefined;
  }

  pageState(url: string): PageState {
    const r = this.#prepare('SELECT processed_at AS p FROM pages WHERE url = ?').get(url) as
      { p: string | null } | undefined;
    if (!r) return 'absent';
    return r.p === null ? 'unprocessed' : 'processed';
  }

  markPageProcessed(url: string, at: Date): void {
    this.#prepare('UPDATE pages SET processed_at = ? WHERE url = ?').run(at.toISOString(), url);
  }

  nextDigestSeq(period: string, year: number): number {
    const row = this.#prepare(
      `SELECT MAX(
           COALESCE((SELECT last_seq FROM digest_counters WHERE period = @period AND year = @year), 0),
           COALESCE((SELECT MAX(seq) FROM digests WHERE period = @period AND year = @year), 0)
         ) AS last`,
    ).get({ period, year }) as { last: number };
    return row.last + 1;
  }

  saveDigest(d: DigestInput): number {
    const insert = this.#prepare(`
      INSERT INTO digests (period, year, seq, number, window_start, window_end, created_at, html, model)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const bump = this.#prepare(`
      INSERT INTO digest_counters (period, year, last_seq) VALUES (?, ?, ?)
      ON CONFLICT(period, year) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)`);
    return this.#db.transaction(() => {
      const next = this.nextDigestSeq(d.period, d.year);
      if (!Number.isInteger(d.seq) || d.seq < next) {
        throw new Error(
          `store: digest ${d.period} ${d.year} number ${d.seq} was already issued (next is ${next})`,
        );
      }
      const id = insert.run(
        d.period,
        d.year,
        d.seq,
        d.number,
        toUtc(d.windowStart, 'windowStart'),
        toUtc(d.windowEnd, 'windowEnd'),
        d.createdAt.toISOString(),
        d.html,
        JSON.stringify(d.model ?? null),
      ).lastInsertRowid;
      bump.run(d.period, d.year, d.seq);
      return Number(id);
    })();
  }

  getDigest(id: number): StoredDigest | null {
    const row = this.#prepare('SELECT * FROM digests WHERE id = ?').get(id) as
      DigestRow | undefined;
    return row ? rowToDigest(row) : null;
  }

  findDigest(period: string, windowStart: string): StoredDigest | null {
    const row = this.#prepare(
      'SELECT * FROM digests WHERE period = ? AND window_start = ? ORDER BY id DESC LIMIT 1',
    ).get(period, toUtc(windowStart, 'windowStart')) as DigestRow | undefined;
    return row ? rowToDigest(row) : null;
  }

  replaceDigest(id: number, d: DigestInput): void {
    const existing = this.getDigest(id);
    if (!existing) throw new Error(`store: unknown digest ${id}`);
    if (existing.period !== d.period || existing.year !== d.year || existing.seq !== d.seq) {
      // An issued number belongs to its bulletin: a rebuild may change content, not identity.
      throw new Error(
        `store: digest ${id} is ${existing.period} ${existing.year} number ${existing.seq}; ` +
          `a rebuild cannot make it ${d.period} ${d.year} number ${d.seq}`,
      );
    }
    this.#prepare(
      `UPDATE digests SET number = ?, window_start = ?, window_end = ?, created_at = ?,
         html = ?, model = ? WHERE id = ?`,
    ).run(
      d.number,
      toUtc(d.windowStart, 'windowStart'),
      toUtc(d.windowEnd, 'windowEnd'),
      d.createdAt.toISOString(),
      d.html,
      JSON.stringify(d.model ?? null),
      id,
    );
  }

  deleteDigest(id: number): void {
    this.#prepare('DELETE FROM digests WHERE id = ?').run(id);
  }

  startJobRun(kind: string, at: Date): number {
    const r = this.#prepare(
      "INSERT INTO job_runs (kind, started_at, status) VALUES (?, ?, 'running')",
    ).run(kind, at.toISOString());
    return Number(r.lastInsertRowid);
  }

  finishJobRun(id: number, at: Date, status: 'ok' | 'failed', summary: unknown): void {
    const r = this.#prepare(
      'UPDATE job_runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?',
    ).run(at.toISOString(), status, JSON.stringify(summary ?? null), id);
    if (r.changes === 0) throw new Error(`store: unknown job run ${id}`);
  }

  listJobRuns(kind?: string): JobRun[] {
    const rows = (
      kind === undefined
        ? this.#prepare('SELECT * FROM job_runs ORDER BY id').all()
        : this.#prepare('SELECT * FROM job_runs WHERE kind = ? ORDER BY id').all(kind)
    ) as JobRunRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status === 'ok' || r.status === 'failed' ? r.status : 'running',
      summary: r.summary === null ? null : (JSON.parse(r.summary) as unknown),
    }));
  }

  saveEvidence(e: EvidenceRecord, at: Date): void {
    evidenceSql.saveEvidence(this.#db, e, at);
  }

  recordEvidenceFailure(
    articleUrl: string,
    reason: EvidenceReason,
    at: Date,
    message: string,
  ): void {
    evidenceSql.recordEvidenceFailure(this.#db, articleUrl, reason, at, message);
  }

  getEvidence(articleUrl: string): EvidenceState | null {
    return evidenceSql.getEvidence(this.#db, articleUrl);
  }

  listEvidence(): EvidenceState[] {
    return evidenceSql.listEvidence(this.#db);
  }

  articlesNeedingEvidence(opts: { maxAttempts: number; limit: number }): string[] {
    return evidenceSql.articlesNeedingEvidence(this.#db, opts);
  }

  bulletins(): BulletinStore {
    return bulletinStore(this.#db);
  }

  cases(): CaseStore {
    return caseStore(this.#db);
  }

  listCasesForWindow(start: string, end: string): FollowUpCase[] {
    return caseStore(this.#db).forWindow(start, end);
  }

  outbox(): OutboxStore {
    return outboxStore(this.#db);
  }

  findDigestForWindow(period: string, windowStart: string, windowEnd: string): StoredDigest | null {
    const row = this.#prepare(
      `SELECT * FROM digests WHERE period = ? AND window_start = ? AND window_end = ?
       ORDER BY id DESC LIMIT 1`,
    ).get(period, toUtc(windowStart, 'windowStart'), toUtc(windowEnd, 'windowEnd')) as
      DigestRow | undefined;
    return row ? rowToDigest(row) : null;
  }

  relevantToneCounts(from: string, to: string): Record<Tone, number> {
    return relevantToneCounts(this.#db, toUtc(from, 'from'), toUtc(to, 'to'));
  }

  listDigestArticles(from: string, to: string): Article[] {
    return listDigestArticles(this.#db, toUtc(from, 'from'), toUtc(to, 'to'));
  }
}
