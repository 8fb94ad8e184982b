// The store: the system of record behind one interface (STYLE.md §10), so that crawlers,
// the pipeline and the digest builder never write SQL. SQLite is the embedded backend.
import type { FetchErrorClass } from '../../crawlers/errors.ts';
import type { RobotsCache } from '../../crawlers/http-client.ts';
import type { SourceDef } from '../config/sources.ts';
import type { Article, StoryAssignment, Tone } from '../schema.ts';
import type { EvidenceReason, EvidenceRecord, EvidenceState } from './evidence.ts';
import type { FollowUpCase } from '../digest/follow-up.ts';
import type { BulletinStore } from './bulletins.ts';
import type { CaseStore } from './cases.ts';
import type { OutboxStore } from './outbox.ts';

export { openStore } from './sqlite-store.ts';
export { MIGRATIONS } from './migrations.ts';
export type { EvidenceReason, EvidenceRecord, EvidenceState } from './evidence.ts';
export type {
  ArchiveManifest,
  ArchivedFile,
  BulletinChange,
  BulletinEventRow,
  BulletinRecord,
  BulletinStore,
} from './bulletins.ts';
export type { CaseEvent, CasePatch, CaseStore, NewCase } from './cases.ts';
export type {
  DeliveryLogEntry,
  DeliveryOutcome,
  LockOwner,
  OutboxInput,
  OutboxRow,
  OutboxStatus,
  OutboxStore,
} from './outbox.ts';

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
  firstCheckedAt: string | null;
  lastCheckedAt: string | null;
};

/** What a source brought in recently, from the pages and articles tables. */
export type SourceActivity = {
  id: string;
  /** Articles stored (by fetch time) in the 24 hours / 7 days before `now`. */
  articles24h: number;
  articles7d: number;
  /** The last time a new item (any page) was fetched from it; null if never. */
  lastNewItemAt: string | null;
};

export type SourceError = {
  errorClass: FetchErrorClass;
  message: string;
  retryAfterMs?: number;
};

/** A feed's validators and last answer, for conditional GET. */
export type FeedState = {
  url: string;
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string;
  lastStatus: number;
  notModifiedCount: number;
};

export type PageState = 'absent' | 'unprocessed' | 'processed';

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

/** One fetch of a feed, as saveFeedState records it. */
export type FeedStateUpdate = {
  url: string;
  sourceId: string;
  at: Date;
  status: number;
  etag?: string | null;
  lastModified?: string | null;
};

export interface Store {
  close(): void;

  /** Inserts or updates source definitions; health columns are kept on update. */
  upsertSources(defs: SourceDef[]): void;
  listSources(): SourceHealth[];
  /**
   * The source answered. Next check: `nextCheckAt`, else its interval. An `itemError` (a
   * page of the source failed) is recorded as its last error without counting as a failure.
   */
  recordSourceSuccess(
    id: string,
    at: Date,
    info: { items: number; nextCheckAt?: Date; itemError?: SourceError },
  ): void;
  /**
   * The source failed: consecutive failures + 1, next check after an exponential backoff
   * (crawlers/schedule.ts) lengthened by `jitter` (a draw in [0, 1); default 0) and never
   * before Retry-After.
   */
  recordSourceFailure(id: string, at: Date, error: SourceError & { jitter?: number }): void;
  sourceActivity(now: Date): SourceActivity[];

  getFeedState(url: string): FeedState | null;
  /** A 200 stores new validators; a 304 only counts (`notModified`). */
  saveFeedState(s: FeedStateUpdate): void;

  /** The robots.txt cache the HTTP client reads through. */
  robotsCache(): RobotsCache;

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
  /** 'unprocessed': saved, but the crawl stopped before the article (or its absence) was. */
  pageState(url: string): PageState;
  markPageProcessed(url: string, at: Date): void;

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

  /** An evidence package was written for this URL (src/evidence/); replaces a failure. */
  saveEvidence(e: EvidenceRecord, at: Date): void;
  /** Capturing evidence failed; later passes retry (articlesNeedingEvidence). */
  recordEvidenceFailure(
    articleUrl: string,
    reason: EvidenceReason,
    at: Date,
    message: string,
  ): void;
  getEvidence(articleUrl: string): EvidenceState | null;
  listEvidence(): EvidenceState[];
  /** URLs of sensitive articles with no package yet and fewer than maxAttempts failures. */
  articlesNeedingEvidence(opts: { maxAttempts: number; limit: number }): string[];

  /** The bulletin workflow: status, edits, signatures, events (src/store/bulletins.ts). */
  bulletins(): BulletinStore;
  /** Follow-up cases (theo dõi xử lý) and their history (src/store/cases.ts). */
  cases(): CaseStore;
  /** Follow-up cases a bulletin of [start, end) shows: open at end, or opened/closed within. */
  listCasesForWindow(start: string, end: string): FollowUpCase[];
  /** Bulletin deliveries: one row per bulletin × recipient, and their log (src/store/outbox.ts). */
  outbox(): OutboxStore;
  /** The digest of a period with exactly this window (custom ranges may share a start). */
  findDigestForWindow(period: string, windowStart: string, windowEnd: string): StoredDigest | null;
  /** Relevant articles published in [from, to) by tone: the previous period's figures. */
  relevantToneCounts(from: string, to: string): Record<Tone, number>;
  /**
   * Relevant articles published in [from, to) for the bulletin: bodies cut to their opening
   * (the summary reads no further), rows not re-validated. Not for showing whole articles.
   */
  listDigestArticles(from: string, to: string): Article[];
}
