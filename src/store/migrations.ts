// Schema history of the SQLite store. Migrations are append-only: a shipped migration is
// never edited, because databases in the field already ran it; a change is a new entry.
// PRAGMA user_version is the fast check of where a file stands, schema_migrations records
// when each step ran (useful when a deployment reports an odd schema).
import type Database from 'better-sqlite3';
import { BULLETIN_WORKFLOW_SQL } from './bulletins-schema.ts';

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        domain TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        feeds TEXT NOT NULL,                -- json array of URLs
        enabled INTEGER NOT NULL,
        interval_minutes INTEGER NOT NULL,
        politeness TEXT,                    -- json, or NULL
        last_success_at TEXT,
        last_item_count INTEGER,
        last_error_at TEXT,
        last_error TEXT,
        last_error_class TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_check_at TEXT
      );

      CREATE TABLE pages (
        url TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        html BLOB NOT NULL                  -- gzip of the decoded UTF-8 text
      );

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,           -- canonical URL: the dedup key
        source_id TEXT NOT NULL REFERENCES sources(id),
        source_name TEXT NOT NULL,
        source_category TEXT NOT NULL,
        title TEXT NOT NULL,
        sapo TEXT NOT NULL,
        body TEXT NOT NULL,
        author TEXT,
        published_at TEXT,                  -- exactly as given, with its offset
        published_utc TEXT,                 -- the same instant in UTC, for range queries
        fetched_at TEXT NOT NULL,
        section TEXT,
        tags TEXT NOT NULL,
        relevant INTEGER NOT NULL,
        relevance REAL NOT NULL,
        mentions TEXT NOT NULL,
        topics TEXT NOT NULL,
        tone TEXT NOT NULL,
        sensitive INTEGER NOT NULL,
        sensitive_reasons TEXT NOT NULL,
        story_id TEXT,
        reach INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX articles_published_utc ON articles(published_utc);
      CREATE INDEX articles_story_id ON articles(story_id);
      CREATE INDEX articles_relevant ON articles(relevant);

      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        first_published_at TEXT,
        reach INTEGER NOT NULL,
        article_count INTEGER NOT NULL
      );

      CREATE TABLE digests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        period TEXT NOT NULL,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        created_at TEXT NOT NULL,
        html TEXT NOT NULL,
        model TEXT NOT NULL,
        UNIQUE (period, year, seq)
      );

      -- Bulletin numbers are official: a number once issued is never issued again, even
      -- when its digest row is deleted, so the high-water mark lives apart from digests.
      CREATE TABLE digest_counters (
        period TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (period, year)
      );

      CREATE TABLE job_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        summary TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'crawl state: conditional GET, robots.txt cache, page processing, source health',
    sql: `
      -- Validators of each feed's last full answer, sent back as If-None-Match /
      -- If-Modified-Since; written only once the feed's items were all handled.
      CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT NOT NULL,
        last_status INTEGER NOT NULL,
        not_modified_count INTEGER NOT NULL DEFAULT 0
      );

      -- robots.txt per origin, kept between runs: a crawl is one short process, and the
      -- file is to be fetched about once a day, not once per pass.
      CREATE TABLE robots_cache (
        origin TEXT PRIMARY KEY,
        status INTEGER,                     -- NULL: no answer (timeout, network error)
        body TEXT NOT NULL,
        error TEXT,
        fetched_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );

      -- A page is saved before it is processed; processed_at marks the end, so a crawl killed
      -- in between reprocesses the stored page instead of losing the article.
      ALTER TABLE pages ADD COLUMN processed_at TEXT;
      UPDATE pages SET processed_at = fetched_at WHERE url IN (SELECT url FROM articles);
      CREATE INDEX pages_source_fetched ON pages(source_id, fetched_at);
      CREATE INDEX articles_source_fetched ON articles(source_id, fetched_at);

      ALTER TABLE sources ADD COLUMN first_checked_at TEXT;
      ALTER TABLE sources ADD COLUMN last_checked_at TEXT;
    `,
  },
  {
    version: 3,
    name: 'list and browser sources, evidence packages',
    sql: `
      -- The list-page spec of list and browser sources (json), so a row reads back whole.
      ALTER TABLE sources ADD COLUMN list TEXT;

      -- One evidence package per article URL (src/evidence/): where its files are and their
      -- hashes. No foreign key to articles: a package must outlive the post's deletion, and a
      -- manual submission that is not an article still gets one. A failed capture is a row
      -- with status 'failed', retried by later passes until it succeeds.
      CREATE TABLE evidence (
        article_url TEXT PRIMARY KEY,
        status TEXT NOT NULL,               -- 'ok' | 'failed'
        reason TEXT NOT NULL,               -- 'manual' | 'sensitive'
        dir TEXT,
        final_url TEXT,
        http_status INTEGER,
        html_path TEXT,
        html_sha256 TEXT,
        png_path TEXT,
        png_sha256 TEXT,
        fetched_at TEXT,                    -- ISO 8601 with the deployment's offset
        submitted_by TEXT,
        note TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_attempt_at TEXT NOT NULL
      );
      CREATE INDEX evidence_status ON evidence(status);
    `,
  },
  {
    version: 4,
    name: 'bulletin workflow, follow-up cases, outbox and delivery log',
    sql: BULLETIN_WORKFLOW_SQL,
  },
  {
    version: 5,
    name: 'index for the bulletin query: relevant articles of a time range',
    sql: `
      -- listArticles({ from, to, relevantOnly }) of a month: with only articles_relevant
      -- (relevant = 1 matches most rows) SQLite walked a year of rows; measured 4.4 s for
      -- a month of a 300,000-article store (bench/digest.ts), milliseconds with this.
      CREATE INDEX articles_relevant_published ON articles(relevant, published_utc);
    `,
  },
];

/** Applies the migrations newer than the file's user_version, each in its own transaction. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    // An older binary must not write into a schema it does not know.
    throw new Error(
      `store: database schema version ${current} is newer than this program (${latest})`,
    );
  }
  const applied: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      // pragma cannot take bound parameters; version is an integer from our own code.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
