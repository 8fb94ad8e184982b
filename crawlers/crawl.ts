// One crawl pass over the enabled (and, for `diemtin crawl`, due) sources: feeds (conditional
// GET) → new items → page → processPage → store. Fetching and handling are apart (crawlee's
// split): this file owns the order, the error accounting and the next check of each source;
// processPage (extract + classify, supplied by the caller) owns the meaning. A failure costs
// one feed or one item, never the pass, and the pass can be killed at any point: pages are
// saved before they are processed and marked after, feed validators are saved last.
import type { SourceDef } from '../src/config/sources.ts';
import type { ProcessResult } from '../pipeline/process-page.ts';
import type { EvidenceRecord, Store } from '../src/store/index.ts';
import type { BrowserPool } from './browser-pool.ts';
import { canonicalUrl, preferCanonical } from './canonical-url.ts';
import { FeedError, FetchError, type FetchErrorClass } from './errors.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import type { FetchedResponse, HttpClient } from './http-client.ts';
import { LOGIN_FIELD, parseListPage } from './list-page.ts';
import { freshnessMs, isDue, nextCheckAfterSuccess } from './schedule.ts';

// The pipeline's answer for one page: an article, or why the page is not one.
export type { ProcessResult };

export type ProcessPageInput = {
  /** The article's canonical URL: the dedup key, to be used as Article.url. */
  url: string;
  html: string;
  source: SourceDef;
  fetchedAt: Date;
  feedItem: FeedItem;
};

export type CrawlDeps = {
  store: Store;
  http: HttpClient;
  sources: SourceDef[];
  now: () => Date;
  processPage: (page: ProcessPageInput) => ProcessResult | Promise<ProcessResult>;
  log?: (line: string) => void;
  /** Only the sources whose next check has come (`diemtin crawl`); default: every source. */
  onlyDue?: boolean;
  /** Sources crawled at once. Politeness is per host in the HTTP client, not here. */
  concurrency?: number;
  /** Draws in [0, 1) for backoff jitter; default Math.random. */
  random?: () => number;
  /** Chromium, for `kind: browser` sources; without it they fail as not-retryable. */
  browser?: BrowserPool;
  /**
   * Writes the evidence package of one sensitive article (src/evidence/). After the sources,
   * the pass captures every sensitive article still without one, this pass's or an earlier's.
   */
  captureEvidence?: (articleUrl: string) => Promise<EvidenceRecord>;
  /** Failed captures of one article after which it is given up on (default 5). */
  maxEvidenceAttempts?: number;
};

type Failure = { errorClass: FetchErrorClass; message: string; retryAfterMs?: number };

export type CrawlReport = {
  sources: number;
  /** Enabled sources left for a later pass because they were not due. */
  notDue: number;
  feeds: number;
  /** Feeds that answered 304 Not Modified: nothing new, not a failure. */
  notModified: number;
  feedFailures: { sourceId: string; url: string; errorClass: FetchErrorClass; message: string }[];
  itemsSeen: number;
  newArticles: number;
  alreadyStored: number;
  /** Pages saved by an earlier, interrupted pass and processed now without a new request. */
  resumed: number;
  notArticles: { url: string; reason: string }[];
  itemFailures: {
    sourceId: string;
    url: string;
    errorClass: FetchErrorClass;
    message: string;
  }[];
  /** Evidence packages written for sensitive articles, and the captures that failed. */
  evidenceCaptured: number;
  evidenceFailures: { url: string; message: string }[];
};

/** Sources in flight at once by default: each holds at most one request, so this is cheap. */
export const DEFAULT_SOURCE_CONCURRENCY = 64;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

function describe(err: unknown): Failure {
  if (err instanceof FetchError) {
    return {
      errorClass: err.errorClass,
      message: err.message,
      ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    };
  }
  // A feed that does not parse will not parse on a quick retry either.
  if (err instanceof FeedError) return { errorClass: 'not-retryable', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  // Keep the module prefix the error already carries ("extract: …", "store: …").
  const prefixed = /^[a-z][a-z-]*: /.test(message) ? message : `crawl: ${message}`;
  return { errorClass: 'not-retryable', message: prefixed };
}

/** Whether a failure may go away if the same request is made later. */
const transient = (f: Failure): boolean =>
  f.errorClass === 'retryable' || f.errorClass === 'throttled';

export async function crawlOnce(deps: CrawlDeps): Promise<CrawlReport> {
  const { store, now } = deps;
  const log = deps.log ?? ((): void => undefined);
  const report: CrawlReport = {
    sources: 0,
    notDue: 0,
    feeds: 0,
    notModified: 0,
    feedFailures: [],
    itemsSeen: 0,
    newArticles: 0,
    alreadyStored: 0,
    resumed: 0,
    notArticles: [],
    itemFailures: [],
    evidenceCaptured: 0,
    evidenceFailures: [],
  };
  store.upsertSources(deps.sources);
  const jobId = store.startJobRun('crawl', now());
  try {
    const health = new Map(store.listSources().map((s) => [s.id, s]));
    const todo: SourceDef[] = [];
    for (const source of deps.sources) {
      if (!source.enabled) continue;
      if (deps.onlyDue && !isDue(health.get(source.id)?.nextCheckAt ?? null, now())) {
        report.notDue++;
        continue;
      }
      todo.push(source);
      if (source.politeness) {
        // The override applies to every host the source is read from.
        for (const u of [`https://${source.domain}/`, ...listingUrls(source)]) {
          deps.http.setHostInterval(new URL(u).host, source.politeness.minHostIntervalMs);
        }
      }
    }
    report.sources = todo.length;
    // A small pool of workers over the due sources: sources on different hosts proceed in
    // parallel, sources sharing a host queue in the HTTP client.
    await eachLimited(todo, deps.concurrency ?? DEFAULT_SOURCE_CONCURRENCY, (source) =>
      crawlSource(deps, source, report, log),
    );
    // Report in configuration order, whatever order the workers finished in.
    const order = new Map(deps.sources.map((s, i) => [s.id, i]));
    const rank = (id: string): number => order.get(id) ?? 0;
    report.feedFailures.sort((a, b) => rank(a.sourceId) - rank(b.sourceId));
    report.itemFailures.sort((a, b) => rank(a.sourceId) - rank(b.sourceId));
    if (deps.captureEvidence) await captureMissingEvidence(deps, deps.captureEvidence, report, log);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    store.finishJobRun(jobId, now(), 'failed', { ...report, error: message });
    throw err;
  }
  store.finishJobRun(jobId, now(), 'ok', report);
  log(
    `crawl: done: ${report.newArticles} new, ${report.alreadyStored} already stored, ` +
      `${report.notModified} feeds not modified, ${report.notArticles.length} not articles, ` +
      `${report.itemFailures.length} item failures, ${report.feedFailures.length} feed failures` +
      (report.notDue > 0 ? `, ${report.notDue} sources not due` : '') +
      (report.evidenceCaptured + report.evidenceFailures.length > 0
        ? `, evidence: ${report.evidenceCaptured} captured, ${report.evidenceFailures.length} failed`
        : ''),
  );
  return report;
}

async function crawlSource(
  deps: CrawlDeps,
  source: SourceDef,
  report: CrawlReport,
  log: (line: string) => void,
): Promise<void> {
  const { store, http, now } = deps;
  let feedFailure: Failure | null = null;
  let itemFailure: Failure | null = null;
  let retryAfterMs = 0;
  let items = 0;
  const freshness: (number | null)[] = [];
  for (const feedUrl of listingUrls(source)) {
    report.feeds++;
    const state = store.getFeedState(feedUrl);
    let res: Pick<FetchedResponse, 'status' | 'headers'>;
    let feedItems: FeedItem[];
    try {
      if (source.kind === 'browser') {
        // No conditional GET in a browser: the list is whatever the scripts show now.
        ({ res, items: feedItems } = await readBrowserList(deps, source, feedUrl));
      } else {
        const got = await http.get(feedUrl, {
          accept: source.kind === 'rss' ? FEED_ACCEPT : PAGE_ACCEPT,
          etag: state?.etag ?? null,
          lastModified: state?.lastModified ?? null,
        });
        res = got;
        freshness.push(freshnessMs(got.headers, got.text, now().getTime()));
        if (got.status === 304) {
          report.notModified++;
          store.saveFeedState({ url: feedUrl, sourceId: source.id, at: now(), status: 304 });
          log(`crawl: ${source.id}: ${feedUrl}: not modified`);
          continue;
        }
        feedItems =
          source.kind === 'list' && source.list
            ? parseListPage(got.text, got.url, source.list)
            : await parseFeed(got.text, got.url);
      }
    } catch (err) {
      feedFailure = describe(err);
      retryAfterMs = Math.max(retryAfterMs, feedFailure.retryAfterMs ?? 0);
      report.feedFailures.push({
        sourceId: source.id,
        url: feedUrl,
        errorClass: feedFailure.errorClass,
        message: feedFailure.message,
      });
      log(`crawl: ${source.id}: feed failed (${feedFailure.errorClass}): ${feedFailure.message}`);
      continue;
    }
    items += feedItems.length;
    log(`crawl: ${source.id}: ${feedUrl}: ${feedItems.length} items`);
    let transientItemFailure = false;
    for (const item of feedItems) {
      const f = await crawlItem(deps, source, item, report, log);
      if (!f) continue;
      itemFailure = f;
      retryAfterMs = Math.max(retryAfterMs, f.retryAfterMs ?? 0);
      if (transient(f)) transientItemFailure = true;
    }
    // Validators are kept only once every item was handled: a crawl killed mid-feed, or an
    // item that failed for now, must see the same feed in full next time, not a 304.
    if (!transientItemFailure) {
      store.saveFeedState({
        url: feedUrl,
        sourceId: source.id,
        at: now(),
        status: res.status,
        etag: res.headers.etag ?? null,
        lastModified: res.headers['last-modified'] ?? null,
      });
    }
  }
  // A source with a dead feed is reported as failing even if its other feeds work: the
  // operator must see it, and the backoff keeps us from hammering the dead URL.
  if (feedFailure) {
    store.recordSourceFailure(source.id, now(), {
      ...feedFailure,
      ...(retryAfterMs > 0 ? { retryAfterMs } : {}),
      jitter: (deps.random ?? Math.random)(),
    });
    return;
  }
  const at = now();
  store.recordSourceSuccess(source.id, at, {
    items,
    nextCheckAt: nextCheckAfterSuccess({
      at,
      intervalMs: source.intervalMinutes * 60_000,
      freshness,
      retryAfterMs,
    }),
    ...(itemFailure
      ? { itemError: { errorClass: itemFailure.errorClass, message: itemFailure.message } }
      : {}),
  });
}

/** Fetches, stores and processes one item; returns its failure, if any. */
async function crawlItem(
  deps: CrawlDeps,
  source: SourceDef,
  item: FeedItem,
  report: CrawlReport,
  log: (line: string) => void,
): Promise<Failure | null> {
  const { store, now } = deps;
  report.itemsSeen++;
  let itemUrl = item.url;
  try {
    itemUrl = canonicalUrl(item.url);
    if (store.hasArticle(itemUrl)) {
      report.alreadyStored++;
      return null;
    }
    // A processed page means the item was fetched and handled before (as an article or
    // not): its raw HTML is kept for reprocessing, so the site is never asked for it again.
    // A saved but unprocessed page is what a killed crawl leaves: process it now.
    const pageState = store.pageState(itemUrl);
    if (pageState === 'processed') {
      report.alreadyStored++;
      return null;
    }
    let finalUrl: string;
    let html: string;
    let fetchedAt: Date;
    if (pageState === 'unprocessed') {
      const stored = store.getPage(itemUrl)!;
      report.resumed++;
      // The final URL after redirects was not kept; the page's own canonical link and the
      // item URL stand in for it.
      finalUrl = itemUrl;
      html = stored.html;
      fetchedAt = new Date(stored.fetchedAt);
    } else {
      const res = await fetchItemPage(deps, source, itemUrl);
      fetchedAt = now();
      const contentType = res.headers['content-type'] ?? null;
      const isHtml = contentType === null || /html|xml/i.test(contentType);
      store.savePage({
        url: itemUrl,
        sourceId: source.id,
        fetchedAt,
        status: res.status,
        contentType,
        // A PDF or image is recorded as seen, but its bytes are not worth keeping as text.
        html: isHtml ? res.text : '',
      });
      if (!isHtml) {
        report.notArticles.push({ url: itemUrl, reason: `not an HTML page (${contentType})` });
        store.markPageProcessed(itemUrl, now());
        return null;
      }
      finalUrl = res.url;
      html = res.text;
    }
    const pageUrl = preferCanonical(finalUrl, html);
    if (pageUrl !== itemUrl && store.hasArticle(pageUrl)) {
      report.alreadyStored++;
      store.markPageProcessed(itemUrl, now());
      return null;
    }
    const result = await deps.processPage({
      url: pageUrl,
      html,
      source,
      fetchedAt,
      feedItem: item,
    });
    if (!result.ok) {
      report.notArticles.push({ url: pageUrl, reason: result.reason });
      store.markPageProcessed(itemUrl, now());
      return null;
    }
    // The dedup key is decided here, whatever URL the handler put in the article.
    const { inserted } = store.upsertArticle({ ...result.article, url: pageUrl });
    store.markPageProcessed(itemUrl, now());
    if (inserted) report.newArticles++;
    else report.alreadyStored++;
    return null;
  } catch (err) {
    const f = describe(err);
    report.itemFailures.push({
      sourceId: source.id,
      url: itemUrl,
      errorClass: f.errorClass,
      message: f.message,
    });
    log(`crawl: ${source.id}: item failed (${f.errorClass}): ${f.message}`);
    return f;
  }
}

/** The URLs a source is read from: its feeds, or its list pages. */
export function listingUrls(source: SourceDef): string[] {
  if (source.kind === 'list' || source.kind === 'browser') return source.list?.pages ?? [];
  if (source.kind === 'manual') return [];
  return source.feeds;
}

function needBrowser(deps: CrawlDeps, source: SourceDef): BrowserPool {
  if (!deps.browser) {
    throw new Error(`crawl: ${source.id} is a browser source, but no browser was started`);
  }
  return deps.browser;
}

async function readBrowserList(
  deps: CrawlDeps,
  source: SourceDef,
  pageUrl: string,
): Promise<{ res: Pick<FetchedResponse, 'status' | 'headers'>; items: FeedItem[] }> {
  const spec = source.list;
  if (!spec) throw new Error(`crawl: ${source.id} has no list spec`);
  // A sign-in form ends the wait too: parseListPage then reports a login wall, at once and
  // as such, instead of a selector that timed out.
  const page = await needBrowser(deps, source).render(pageUrl, {
    waitForSelector: spec.waitForSelector ?? spec.itemSelector,
    orSelector: LOGIN_FIELD,
  });
  return {
    res: { status: page.status, headers: {} },
    items: parseListPage(page.html, page.finalUrl, spec),
  };
}

/** An article page: through the HTTP client, or rendered when the source asks for it. */
async function fetchItemPage(
  deps: CrawlDeps,
  source: SourceDef,
  url: string,
): Promise<Pick<FetchedResponse, 'url' | 'status' | 'headers' | 'text'>> {
  if (source.kind === 'browser' && source.list?.renderItems) {
    const page = await needBrowser(deps, source).render(url);
    return {
      url: page.finalUrl,
      status: page.status,
      // The DOM is serialized as text: whatever the server declared, it is HTML now.
      headers: { 'content-type': 'text/html; charset=utf-8' },
      text: page.html,
    };
  }
  return deps.http.get(url, { accept: PAGE_ACCEPT });
}

/**
 * Captures the sensitive articles that have no evidence package yet, a few at a time (the
 * browser pool caps pages anyway). A failure is recorded on the article's evidence row and
 * retried by the next pass; it never fails the pass.
 */
async function captureMissingEvidence(
  deps: CrawlDeps,
  capture: (articleUrl: string) => Promise<EvidenceRecord>,
  report: CrawlReport,
  log: (line: string) => void,
): Promise<void> {
  const { store, now } = deps;
  const urls = store.articlesNeedingEvidence({
    maxAttempts: deps.maxEvidenceAttempts ?? 5,
    limit: 500,
  });
  await eachLimited(urls, 2, async (url) => {
    try {
      const record = await capture(url);
      store.saveEvidence(record, now());
      report.evidenceCaptured++;
      log(`crawl: evidence: ${url}: ${record.dir}`);
    } catch (err) {
      const message = describe(err).message;
      store.recordEvidenceFailure(url, 'sensitive', now(), message);
      report.evidenceFailures.push({ url, message });
      log(`crawl: evidence failed: ${url}: ${message}`);
    }
  });
}

/** Runs `fn` over `items` in order, at most `limit` at once (at least one worker). */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
}
