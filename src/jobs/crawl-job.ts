// One crawl pass with the real pipeline: fetch due feeds and new pages, run the stages on each
// page, store the articles, then regroup recent articles into stories. One tick, then return:
// a scheduler (cron, a systemd timer) calls `diemtin crawl` every few minutes and each source
// is checked when its own next check has come.
import { browserPoolFor } from '../../crawlers/browser-pool.ts';
import { crawlOnce, type CrawlReport } from '../../crawlers/crawl.ts';
import { createHttpClient, type HttpClient } from '../../crawlers/http-client.ts';
import { createClassifyContext } from '../../pipeline/classify/index.ts';
import { processPage } from '../../pipeline/process-page.ts';
import { createEvidenceCapturer } from '../evidence/capture.ts';
import type { Config } from '../config/load.ts';
import type { SourceDef } from '../config/sources.ts';
import type { Store } from '../store/index.ts';
import { assignStories } from './stories.ts';

/** `stories`: stories among the last 30 days' articles, or null when the pass stored nothing new. */
export type CrawlSummary = CrawlReport & { stories: number | null };

export type CrawlJobDeps = {
  config: Config;
  store: Store;
  /** Default: the sources of config/sources/. */
  sources?: SourceDef[];
  /** Default: a client with the politeness settings of diemtin.yaml, robots.txt kept in the store. */
  http?: HttpClient;
  now?: () => Date;
  log?: (line: string) => void;
  /** Check every given source now, due or not (default: only the due ones). */
  all?: boolean;
  /** Sources crawled at once (default crawlers/crawl.ts DEFAULT_SOURCE_CONCURRENCY). */
  concurrency?: number;
  /**
   * Capture an evidence package (screenshot + raw HTML + hashes) for every sensitive article
   * that has none yet. On for `diemtin crawl`; off for the demo, whose articles are fictional.
   */
  evidence?: boolean;
};

export function httpClientFor(config: Config, store?: Store): HttpClient {
  const c = config.app.crawl;
  return createHttpClient({
    userAgent: c.userAgent,
    minHostIntervalMs: c.minHostIntervalMs,
    timeoutMs: c.timeoutMs,
    maxBodyBytes: c.maxBodyBytes,
    retries: c.retries,
    ...(store ? { robotsCache: store.robotsCache() } : {}),
  });
}

export async function runCrawl(deps: CrawlJobDeps): Promise<CrawlSummary> {
  const now = deps.now ?? (() => new Date());
  const ctx = createClassifyContext(deps.config.profile, deps.config.topics);
  const http = deps.http ?? httpClientFor(deps.config, deps.store);
  const app = deps.config.app;
  // Chromium starts only when a browser source or an evidence capture first needs it.
  const browser = browserPoolFor(app.crawl, http);
  try {
    const report = await crawlOnce({
      store: deps.store,
      http,
      sources: deps.sources ?? deps.config.sources,
      now,
      log: deps.log,
      onlyDue: !deps.all,
      browser,
      ...(deps.evidence
        ? {
            captureEvidence: createEvidenceCapturer({
              pool: browser,
              dataDir: deps.config.paths.dataDir,
              timeZone: app.timeZone,
              userAgent: app.crawl.userAgent,
            }),
          }
        : {}),
      ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
      processPage: (page) =>
        processPage(
          {
            url: page.url,
            html: page.html,
            source: page.source,
            fetchedAt: page.fetchedAt,
            feedPublishedAt: page.feedItem.publishedAt,
          },
          ctx,
        ),
    });
    // Stories change only when articles arrive: an idle pass (most of them) skips the 30-day
    // regrouping, which is the costliest step of a pass on a large store.
    const stories = report.newArticles > 0 ? assignStories(deps.store, now()).stories : null;
    return { ...report, stories };
  } finally {
    await browser.close();
  }
}
