// The store: the system of record behind one interface (STYLE.md §10), so that crawlers,
// the pipeline and the digest builder never write SQL. SQLite is the embedded backend.
import type { FetchErrorClass } from '../../crawlers/errors.ts';
import type { SourceDef } from '../config/sources.ts';
import type { Article, StoryAssignment } from '../schema.ts';

export { openStore } from './sqlite-store.ts';
export { MIGRATIONS } from './migrations.ts';

/** A source's definition (from config) with the health the crawler records. */
export type SourceHealth = SourceDef & {
  lastSuccessAt: string | null;
  /** Items in the feeds at the last success. */
  lastItemCount: number | null;
  lastErrorAt: string | null;
  lastError: string | null;
  lastErrorClass: FetchErrorClass | null;
  consecutiveFailures: number;
  /** When the source is due again; null until its first check. */
  nextCheckAt: string | null;
};

export type StoryRow = {
  id: string;
  /** The earliest publishedAt of its articles, UTC. */
  firstPublishedAt: string | null;
  reach: number;
  articleCount: number;
};

export type StoredPage = { url: string; sourceId: string; fetchedAt: string; html: string };

export type PageInput = {
  url: string;
  sourceId: string;
  fetchedAt: Date;
  status: number;
  contentType: string | null;
  html: string;
};

export type DigestInput = {
  /** 'daily' | 'weekly' | 'monthly' (kept open: the digest builder owns the list). */
  period: string;
  year: number;
  /** From nextDigestSeq(period, year). */
  seq: number;
  /** The bulletin number as printed, e.g. "Số 125/ĐT-SVHTTDL". */
  number: string;
  windowStart: string;
  windowEnd: string;
  createdAt: Date;
  html: string;
  model: unknown;
};

export type StoredDigest = Omit<DigestInput, 'createdAt'> & { id: number; createdAt: string };

export type JobRun = {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed';
  summary: unknown;
};

export type ArticleQuery = {
  /** Inclusive lower bound on publishedAt, ISO 8601 with offset; compared as instants. */
  from?: string;
  /** Exclusive upper bound on publishedAt. */
  to?: string;
  relevantOnly?: boolean;
};

export interface Store {
  close(): void;

  /** Inserts or updates source definitions; health columns are kept on update. */
  upsertSources(defs: SourceDef[]): void;
  listSources(): SourceHealth[];
  recordSourceSuccess(id: string, at: Date, info: { items: number }): void;
  recordSourceFailure(
    id: string,
    at: Date,
    error: { errorClass: FetchErrorClass; message: string; retryAfterMs?: number },
  ): void;

  hasArticle(canonicalUrl: string): boolean;
  getArticle(canonicalUrl: string): Article | null;
  /**
   * Keyed by canonical URL. A second call with the same URL updates the stored fields (so a
   * reprocess can relabel) but keeps the original id and the story assignment.
   */
  upsertArticle(a: Article): { inserted: boolean };
  /** Ordered by publishedAt (articles without one last, and only when no bound is given). */
  listArticles(q: ArticleQuery): Article[];
  /** Sets articles' storyId/reach and refreshes the stories table, in one transaction. */
  setStories(assignments: StoryAssignment[]): void;
  /** Stories by reach, then first publication. */
  listStories(): StoryRow[];

  /** The raw page, kept (gzip) so articles can be reprocessed when rules change. */
  savePage(p: PageInput): void;
  getPage(url: string): StoredPage | null;
  hasPage(url: string): boolean;

  /** The next bulletin sequence for (period, year); never a number already issued. */
  nextDigestSeq(period: string, year: number): number;
  saveDigest(d: DigestInput): number;
  getDigest(id: number): StoredDigest | null;
  /** The digest of a period whose window starts at this instant (any offset), if built. */
  findDigest(period: string, windowStart: string): StoredDigest | null;
  /** Rebuilds a digest in place; its period, year and number (seq) cannot change. */
  replaceDigest(id: number, d: DigestInput): void;
  deleteDigest(id: number): void;

  startJobRun(kind: string, at: Date): number;
  finishJobRun(id: number, at: Date, status: 'ok' | 'failed', summary: unknown): void;
  listJobRuns(kind?: string): JobRun[];
}
