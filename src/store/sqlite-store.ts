// SQLite backend of the Store (better-sqlite3: synchronous, so every method is atomic on its
// own and multi-row changes use db.transaction).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { FetchErrorClass } from '../../crawlers/errors.ts';
import { SourceDef } from '../config/sources.ts';
import { Article, type StoryAssignment } from '../schema.ts';
import type {
  ArticleQuery,
  DigestInput,
  JobRun,
  PageInput,
  SourceHealth,
  Store,
  StoredDigest,
  StoredPage,
  StoryRow,
} from './index.ts';
import { migrate } from './migrations.ts';

/** A failing source backs off up to this long between checks. */
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

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
  last_success_at: string | null;
  last_item_count: number | null;
  last_error_at: string | null;
  last_error: string | null;
  last_error_class: string | null;
  consecutive_failures: number;
  next_check_at: string | null;
};

type ArticleRow = {
  id: string;
  url: string;
  source_id: string;
  source_name: string;
  source_category: string;
  title: string;
  sapo: string;
  body: string;
  author: string | null;
  published_at: string | null;
  fetched_at: string;
  section: string | null;
  tags: string;
  relevant: number;
  relevance: number;
  mentions: string;
  topics: string;
  tone: string;
  sensitive: number;
  sensitive_reasons: string;
  story_id: string | null;
  reach: number;
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
  const candidate = {
    id: r.id,
    url: r.url,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceCategory: r.source_category,
    title: r.title,
    sapo: r.sapo,
    body: r.body,
    author: r.author,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    section: r.section,
    tags: JSON.parse(r.tags) as unknown,
    relevant: r.relevant === 1,
    relevance: r.relevance,
    mentions: JSON.parse(r.mentions) as unknown,
    topics: JSON.parse(r.topics) as unknown,
    tone: r.tone,
    sensitive: r.sensitive === 1,
    sensitiveReasons: JSON.parse(r.sensitive_reasons) as unknown,
    storyId: r.story_id,
    reach: r.reach,
  };
  const parsed = Article.safeParse(candidate);
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

  constructor(db: Database.Database) {
    this.#db = db;
  }

  close(): void {
    this.#db.close();
  }

  upsertSources(defs: SourceDef[]): void {
    const stmt = this.#db.prepare(`
      INSERT INTO sources (id, name, domain, category, kind, feeds, enabled, interval_minutes, politeness)
      VALUES (@id, @name, @domain, @category, @kind, @feeds, @enabled, @intervalMinutes, @politeness)
      ON CONFLICT(id) DO UPDATE SET
        name = excluded.name, domain = excluded.domain, category = excluded.category,
        kind = excluded.kind, feeds = excluded.feeds, enabled = excluded.enabled,
        interval_minutes = excluded.interval_minutes, politeness = excluded.politeness`);
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
        });
      }
    })();
  }

  listSources(): SourceHealth[] {
    const rows = this.#db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[];
    return rows.map(rowToSource);
  }

  recordSourceSuccess(id: string, at: Date, info: { items: number }): void {
    const interval = this.#intervalMs(id);
    this.#db
      .prepare(
        `UPDATE sources SET last_success_at = ?, last_item_count = ?, consecutive_failures = 0,
         next_check_at = ? WHERE id = ?`,
      )
      .run(at.toISOString(), info.items, new Date(at.getTime() + interval).toISOString(), id);
  }

  recordSourceFailure(
    id: string,
    at: Date,
    error: { errorClass: FetchErrorClass; message: string; retryAfterMs?: number },
  ): void {
    const interval = this.#intervalMs(id);
    const row = this.#db
      .prepare('SELECT consecutive_failures AS n FROM sources WHERE id = ?')
      .get(id) as { n: number };
    const failures = row.n + 1;
    // Exponential backoff per consecutive failure (miniflux does the same per feed), so a
    // dead feed is asked less and less often; a server's Retry-After is a floor.
    const backoff = Math.min(interval * 2 ** Math.min(failures - 1, 16), MAX_BACKOFF_MS);
    const wait = Math.max(backoff, error.retryAfterMs ?? 0);
    this.#db
      .prepare(
        `UPDATE sources SET last_error_at = ?, last_error = ?, last_error_class = ?,
         consecutive_failures = ?, next_check_at = ? WHERE id = ?`,
      )
      .run(
        at.toISOString(),
        error.message,
        error.errorClass,
        failures,
        new Date(at.getTime() + wait).toISOString(),
        id,
      );
  }

  #intervalMs(id: string): number {
    const row = this.#db
      .prepare('SELECT interval_minutes AS m FROM sources WHERE id = ?')
      .get(id) as { m: number } | undefined;
    if (!row) throw new Error(`store: unknown source ${id}`);
    return row.m * MINUTE_MS;
  }

  hasArticle(canonicalUrl: string): boolean {
    return this.#db.prepare('SELECT 1 FROM articles WHERE url = ?').get(canonicalUrl) !== undefined;
  }

  getArticle(canonicalUrl: string): Article | null {
    const row = this.#db.prepare('SELECT * FROM articles WHERE url = ?').get(canonicalUrl) as
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
    const insert = this.#db.prepare(`
      INSERT INTO articles (id, url, source_id, source_name, source_category, title, sapo, body,
        author, published_at, published_utc, fetched_at, section, tags, relevant, relevance,
        mentions, topics, tone, sensitive, sensitive_reasons, story_id, reach)
      VALUES (@id, @url, @sourceId, @sourceName, @sourceCategory, @title, @sapo, @body,
        @author, @publishedAt, @publishedUtc, @fetchedAt, @section, @tags, @relevant, @relevance,
        @mentions, @topics, @tone, @sensitive, @sensitiveReasons, @storyId, @reach)
      ON CONFLICT(url) DO NOTHING`);
    // On a known URL, refresh what a reprocess may change; id and the story assignment
    // belong to the first insert and to setStories.
    const update = this.#db.prepare(`
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
    return (this.#db.prepare(sql).all(params) as ArticleRow[]).map(rowToArticle);
  }

  setStories(assignments: StoryAssignment[]): void {
    const oldStory = this.#db.prepare('SELECT story_id AS s FROM articles WHERE id = ?');
    const assign = this.#db.prepare('UPDATE articles SET story_id = ?, reach = ? WHERE id = ?');
    const summary = this.#db.prepare(`
      SELECT MIN(published_utc) AS first, MAX(reach) AS reach, COUNT(*) AS n
      FROM articles WHERE story_id = ?`);
    const upsertStory = this.#db.prepare(`
      INSERT INTO stories (id, first_published_at, reach, article_count) VALUES (?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET first_published_at = excluded.first_published_at,
        reach = excluded.reach, article_count = excluded.article_count`);
    const deleteStory = this.#db.prepare('DELETE FROM stories WHERE id = ?');
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
    const rows = this.#db
      .prepare('SELECT * FROM stories ORDER BY reach DESC, first_published_at, id')
      .all() as {
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
    this.#db
      .prepare(
        `INSERT INTO pages (url, source_id, fetched_at, status, content_type, html)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET source_id = excluded.source_id,
           fetched_at = excluded.fetched_at, status = excluded.status,
           content_type = excluded.content_type, html = excluded.html`,
      )
      .run(
        p.url,
        p.sourceId,
        p.fetchedAt.toISOString(),
        p.status,
        p.contentType,
        gzipSync(Buffer.from(p.html, 'utf8')),
      );
  }

  getPage(url: string): StoredPage | null {
    const row = this.#db
      .prepare('SELECT url, source_id, fetched_at, html FROM pages WHERE url = ?')
      .get(url) as { url: string; source_id: string; fetched_at: string; html: Buffer } | undefined;
    if (!row) return null;
    return {
      url: row.url,
      sourceId: row.source_id,
      fetchedAt: row.fetched_at,
      html: gunzipSync(row.html).toString('utf8'),
    };
  }

  hasPage(url: string): boolean {
    return this.#db.prepare('SELECT 1 FROM pages WHERE url = ?').get(url) !== undefined;
  }

  nextDigestSeq(period: string, year: number): number {
    const row = this.#db
      .prepare(
        `SELECT MAX(
           COALESCE((SELECT last_seq FROM digest_counters WHERE period = @period AND year = @year), 0),
           COALESCE((SELECT MAX(seq) FROM digests WHERE period = @period AND year = @year), 0)
         ) AS last`,
      )
      .get({ period, year }) as { last: number };
    return row.last + 1;
  }

  saveDigest(d: DigestInput): number {
    const insert = this.#db.prepare(`
      INSERT INTO digests (period, year, seq, number, window_start, window_end, created_at, html, model)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const bump = this.#db.prepare(`
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
    const row = this.#db.prepare('SELECT * FROM digests WHERE id = ?').get(id) as
      DigestRow | undefined;
    return row ? rowToDigest(row) : null;
  }

  findDigest(period: string, windowStart: string): StoredDigest | null {
    const row = this.#db
      .prepare(
        'SELECT * FROM digests WHERE period = ? AND window_start = ? ORDER BY id DESC LIMIT 1',
      )
      .get(period, toUtc(windowStart, 'windowStart')) as DigestRow | undefined;
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
    this.#db
      .prepare(
        `UPDATE digests SET number = ?, window_start = ?, window_end = ?, created_at = ?,
         html = ?, model = ? WHERE id = ?`,
      )
      .run(
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
    this.#db.prepare('DELETE FROM digests WHERE id = ?').run(id);
  }

  startJobRun(kind: string, at: Date): number {
    const r = this.#db
      .prepare("INSERT INTO job_runs (kind, started_at, status) VALUES (?, ?, 'running')")
      .run(kind, at.toISOString());
    return Number(r.lastInsertRowid);
  }

  finishJobRun(id: number, at: Date, status: 'ok' | 'failed', summary: unknown): void {
    const r = this.#db
      .prepare('UPDATE job_runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?')
      .run(at.toISOString(), status, JSON.stringify(summary ?? null), id);
    if (r.changes === 0) throw new Error(`store: unknown job run ${id}`);
  }

  listJobRuns(kind?: string): JobRun[] {
    const rows = (
      kind === undefined
        ? this.#db.prepare('SELECT * FROM job_runs ORDER BY id').all()
        : this.#db.prepare('SELECT * FROM job_runs WHERE kind = ? ORDER BY id').all(kind)
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
}
