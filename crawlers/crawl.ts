// One crawl pass over the enabled sources: feeds → new items → page → processPage → store.
// Fetching and handling are apart (crawlee's split): this file owns the order and the error
// accounting; processPage (extract + classify, supplied by the caller) owns the meaning.
// A failure costs one feed or one item, never the pass.
import type { SourceDef } from '../src/config/sources.ts';
import type { Article } from '../src/schema.ts';
import type { Store } from '../src/store/index.ts';
import { canonicalUrl, preferCanonical } from './canonical-url.ts';
import { FeedError, FetchError, type FetchErrorClass } from './errors.ts';
import { parseFeed, type FeedItem } from './feed.ts';
import type { HttpClient } from './http-client.ts';

export type ProcessResult = { ok: true; article: Article } | { ok: false; reason: string };

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
};

type Failure = { errorClass: FetchErrorClass; message: string; retryAfterMs?: number };

export type CrawlReport = {
  sources: number;
  feeds: number;
  feedFailures: { sourceId: string; url: string; errorClass: FetchErrorClass; message: string }[];
  itemsSeen: number;
  newArticles: number;
  alreadyStored: number;
  notArticles: { url: string; reason: string }[];
  itemFailures: { url: string; errorClass: FetchErrorClass; message: string }[];
};

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

export async function crawlOnce(deps: CrawlDeps): Promise<CrawlReport> {
  const { store, http, now } = deps;
  const log = deps.log ?? ((): void => undefined);
  const report: CrawlReport = {
    sources: 0,
    feeds: 0,
    feedFailures: [],
    itemsSeen: 0,
    newArticles: 0,
    alreadyStored: 0,
    notArticles: [],
    itemFailures: [],
  };
  store.upsertSources(deps.sources);
  const jobId = store.startJobRun('crawl', now());
  try {
    for (const source of deps.sources) {
      if (!source.enabled) continue;
      report.sources++;
      if (source.politeness) {
        // The override applies to every host the source is read from.
        for (const u of [`https://${source.domain}/`, ...source.feeds]) {
          http.setHostInterval(new URL(u).host, source.politeness.minHostIntervalMs);
        }
      }
      let lastFailure: Failure | null = null;
      let items = 0;
      for (const feedUrl of source.feeds) {
        report.feeds++;
        let feedItems: FeedItem[];
        try {
          const res = await http.get(feedUrl, { accept: FEED_ACCEPT });
          feedItems = await parseFeed(res.text, res.url);
        } catch (err) {
          lastFailure = describe(err);
          report.feedFailures.push({
            sourceId: source.id,
            url: feedUrl,
            errorClass: lastFailure.errorClass,
            message: lastFailure.message,
          });
          log(
            `crawl: ${source.id}: feed failed (${lastFailure.errorClass}): ${lastFailure.message}`,
          );
          continue;
        }
        items += feedItems.length;
        log(`crawl: ${source.id}: ${feedUrl}: ${feedItems.length} items`);
        for (const item of feedItems) await crawlItem(deps, source, item, report, log);
      }
      // A source with a dead feed is reported as failing even if its other feeds work: the
      // operator must see it, and the backoff keeps us from hammering the dead URL.
      if (lastFailure) store.recordSourceFailure(source.id, now(), lastFailure);
      else store.recordSourceSuccess(source.id, now(), { items });
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    store.finishJobRun(jobId, now(), 'failed', { ...report, error: message });
    throw err;
  }
  store.finishJobRun(jobId, now(), 'ok', report);
  log(
    `crawl: done: ${report.newArticles} new, ${report.alreadyStored} already stored, ` +
      `${report.notArticles.length} not articles, ${report.itemFailures.length} item failures, ` +
      `${report.feedFailures.length} feed failures`,
  );
  return report;
}

async function crawlItem(
  deps: CrawlDeps,
  source: SourceDef,
  item: FeedItem,
  report: CrawlReport,
  log: (line: string) => void,
): Promise<void> {
  const { store, http, now } = deps;
  report.itemsSeen++;
  let itemUrl = item.url;
  try {
    itemUrl = canonicalUrl(item.url);
    // A stored page means the item was fetched before (as an article or not): its raw HTML
    // is kept for reprocessing, so the site is never asked for it again.
    if (store.hasArticle(itemUrl) || store.hasPage(itemUrl)) {
      report.alreadyStored++;
      return;
    }
    const res = await http.get(itemUrl, { accept: PAGE_ACCEPT });
    const fetchedAt = now();
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
      return;
    }
    const pageUrl = preferCanonical(res.url, res.text);
    if (pageUrl !== itemUrl && store.hasArticle(pageUrl)) {
      report.alreadyStored++;
      return;
    }
    const result = await deps.processPage({
      url: pageUrl,
      html: res.text,
      source,
      fetchedAt,
      feedItem: item,
    });
    if (!result.ok) {
      report.notArticles.push({ url: pageUrl, reason: result.reason });
      return;
    }
    // The dedup key is decided here, whatever URL the handler put in the article.
    const { inserted } = store.upsertArticle({ ...result.article, url: pageUrl });
    if (inserted) report.newArticles++;
    else report.alreadyStored++;
  } catch (err) {
    const f = describe(err);
    report.itemFailures.push({ url: itemUrl, errorClass: f.errorClass, message: f.message });
    log(`crawl: ${source.id}: item failed (${f.errorClass}): ${f.message}`);
  }
}
