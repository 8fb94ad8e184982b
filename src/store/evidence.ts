// The evidence table (migration 3): one row per article URL saying where its evidence package
// lies and what its files hash to, or that capturing it failed so far. The SqliteStore
// delegates here so the SQL of evidence stays in one file.
import type Database from 'better-sqlite3';

export type EvidenceReason = 'manual' | 'sensitive';

/** A captured package as the store records it (the manifest holds the same and more). */
export type EvidenceRecord = {
  /** The article's canonical URL (or the submitted URL when the page is not an article). */
  articleUrl: string;
  reason: EvidenceReason;
  /** The package folder. */
  dir: string;
  finalUrl: string;
  httpStatus: number;
  htmlPath: string;
  htmlSha256: string;
  pngPath: string;
  pngSha256: string;
  /** ISO 8601 with the deployment's offset. */
  fetchedAt: string;
  submittedBy: string | null;
  note: string | null;
};

export type EvidenceState =
  | ({ status: 'ok'; attempts: number } & EvidenceRecord)
  | {
      status: 'failed';
      articleUrl: string;
      reason: EvidenceReason;
      attempts: number;
      lastError: string;
      lastAttemptAt: string;
    };

type EvidenceRow = {
  article_url: string;
  status: string;
  reason: string;
  dir: string | null;
  final_url: string | null;
  http_status: number | null;
  html_path: string | null;
  html_sha256: string | null;
  png_path: string | null;
  png_sha256: string | null;
  fetched_at: string | null;
  submitted_by: string | null;
  note: string | null;
  attempts: number;
  last_error: string | null;
  last_attempt_at: string;
};

const reasonOf = (r: string): EvidenceReason => (r === 'manual' ? 'manual' : 'sensitive');

function rowToState(r: EvidenceRow): EvidenceState {
  if (r.status === 'ok') {
    return {
      status: 'ok',
      attempts: r.attempts,
      articleUrl: r.article_url,
      reason: reasonOf(r.reason),
      dir: r.dir ?? '',
      finalUrl: r.final_url ?? r.article_url,
      httpStatus: r.http_status ?? 0,
      htmlPath: r.html_path ?? '',
      htmlSha256: r.html_sha256 ?? '',
      pngPath: r.png_path ?? '',
      pngSha256: r.png_sha256 ?? '',
      fetchedAt: r.fetched_at ?? r.last_attempt_at,
      submittedBy: r.submitted_by,
      note: r.note,
    };
  }
  return {
    status: 'failed',
    articleUrl: r.article_url,
    reason: reasonOf(r.reason),
    attempts: r.attempts,
    lastError: r.last_error ?? '',
    lastAttemptAt: r.last_attempt_at,
  };
}

/** A package was written: it replaces an earlier failure (a captured package is kept). */
export function saveEvidence(db: Database.Database, e: EvidenceRecord, at: Date): void {
  db.prepare(
    `INSERT INTO evidence (article_url, status, reason, dir, final_url, http_status, html_path,
       html_sha256, png_path, png_sha256, fetched_at, submitted_by, note, attempts, last_error,
       last_attempt_at)
     VALUES (@articleUrl, 'ok', @reason, @dir, @finalUrl, @httpStatus, @htmlPath, @htmlSha256,
       @pngPath, @pngSha256, @fetchedAt, @submittedBy, @note, 1, NULL, @at)
     ON CONFLICT(article_url) DO UPDATE SET
       status = 'ok', reason = excluded.reason, dir = excluded.dir,
       final_url = excluded.final_url, http_status = excluded.http_status,
       html_path = excluded.html_path, html_sha256 = excluded.html_sha256,
       png_path = excluded.png_path, png_sha256 = excluded.png_sha256,
       fetched_at = excluded.fetched_at, submitted_by = excluded.submitted_by,
       note = excluded.note, attempts = evidence.attempts + 1, last_error = NULL,
       last_attempt_at = excluded.last_attempt_at
     WHERE evidence.status <> 'ok'`,
  ).run({ ...e, at: at.toISOString() });
}

/** A capture failed: counted, unless a package already exists (it stays the evidence). */
export function recordEvidenceFailure(
  db: Database.Database,
  articleUrl: string,
  reason: EvidenceReason,
  at: Date,
  message: string,
): void {
  db.prepare(
    `INSERT INTO evidence (article_url, status, reason, attempts, last_error, last_attempt_at)
     VALUES (?, 'failed', ?, 1, ?, ?)
     ON CONFLICT(article_url) DO UPDATE SET
       attempts = evidence.attempts + 1, last_error = excluded.last_error,
       last_attempt_at = excluded.last_attempt_at
     WHERE evidence.status <> 'ok'`,
  ).run(articleUrl, reason, message, at.toISOString());
}

export function getEvidence(db: Database.Database, articleUrl: string): EvidenceState | null {
  const row = db.prepare('SELECT * FROM evidence WHERE article_url = ?').get(articleUrl) as
    EvidenceRow | undefined;
  return row ? rowToState(row) : null;
}

export function listEvidence(db: Database.Database): EvidenceState[] {
  const rows = db
    .prepare('SELECT * FROM evidence ORDER BY last_attempt_at, article_url')
    .all() as EvidenceRow[];
  return rows.map(rowToState);
}

/**
 * Sensitive articles without a package yet, oldest fetch first; those that failed
 * `maxAttempts` times are given up on (a deleted post will not come back).
 */
export function articlesNeedingEvidence(
  db: Database.Database,
  opts: { maxAttempts: number; limit: number },
): string[] {
  const rows = db
    .prepare(
      `SELECT a.url FROM articles a LEFT JOIN evidence e ON e.article_url = a.url
       WHERE a.sensitive = 1 AND (e.article_url IS NULL OR (e.status <> 'ok' AND e.attempts < ?))
       ORDER BY a.fetched_at, a.url LIMIT ?`,
    )
    .all(opts.maxAttempts, opts.limit) as { url: string }[];
  return rows.map((r) => r.url);
}
