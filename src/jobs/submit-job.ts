// `diemtin submit URL`: an editor pastes a link a collaborator sent. The page is opened in
// Chromium (robots.txt and the host's pace respected, as for any crawl), kept as an evidence
// package whatever it turns out to be, extracted and classified like a crawled page, and
// stored under the outlet it belongs to (or a 'manual' source row for an unknown site).
import type { BrowserPool } from '../../crawlers/browser-pool.ts';
import { canonicalUrl, preferCanonical } from '../../crawlers/canonical-url.ts';
import { decodeHtml } from '../../crawlers/charset.ts';
import { FetchError } from '../../crawlers/errors.ts';
import { createClassifyContext } from '../../pipeline/classify/index.ts';
import { processPage } from '../../pipeline/process-page.ts';
import type { Config } from '../config/load.ts';
import type { SourceDef } from '../config/sources.ts';
import { writeEvidencePackage } from '../evidence/package.ts';
import type { Article, SourceCategory } from '../schema.ts';
import type { EvidenceRecord, Store } from '../store/index.ts';

export type SubmitOutcome =
  | {
      status: 'stored';
      /** The key it is stored under: the page's canonical URL. */
      url: string;
      source: SourceDef;
      /** Null when the page is not an article (the evidence is kept all the same). */
      article: Article | null;
      notArticle: string | null;
      evidence: EvidenceRecord;
    }
  | {
      status: 'already-stored';
      url: string;
      /** The package: the earlier one, or one captured now if there was none. */
      evidence: EvidenceRecord | null;
      evidenceCaptured: boolean;
    }
  | { status: 'blocked'; url: string; message: string };

export type SubmitDeps = {
  config: Config;
  store: Store;
  pool: BrowserPool;
  url: string;
  by?: string | null;
  note?: string | null;
  /** The category of a new 'manual' source row (default: guessed from the host). */
  category?: SourceCategory;
  log?: (line: string) => void;
};

/** Hosts of the social platforms an editor is sent links from. */
const SOCIAL_HOSTS = [
  'facebook.com',
  'fb.com',
  'fb.watch',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'zalo.me',
  'x.com',
  'twitter.com',
  'instagram.com',
  'threads.net',
];

const bare = (host: string): string => host.toLowerCase().replace(/^www\./, '');
const within = (host: string, domain: string): boolean =>
  host === domain || host.endsWith(`.${domain}`);

/** The configured source a link belongs to: the longest domain that contains its host. */
export function sourceForUrl(sources: SourceDef[], url: string): SourceDef | null {
  const host = bare(new URL(url).hostname);
  let best: SourceDef | null = null;
  for (const s of sources) {
    const domain = bare(s.domain);
    if (within(host, domain) && (!best || domain.length > bare(best.domain).length)) best = s;
  }
  return best;
}

/** A source row for a site no configured source covers; it is never crawled. */
export function manualSource(url: string, category?: SourceCategory): SourceDef {
  const parsed = new URL(url);
  const host = bare(parsed.host);
  const guessed: SourceCategory = SOCIAL_HOSTS.some((d) => within(bare(parsed.hostname), d))
    ? 'social'
    : /\.gov\.vn$/.test(parsed.hostname)
      ? 'government-portal'
      : 'central-press';
  return {
    id: `manual-${host.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    name: host,
    domain: host,
    category: category ?? guessed,
    kind: 'manual',
    feeds: [],
    enabled: false,
    intervalMinutes: 30,
  };
}

export async function runSubmit(deps: SubmitDeps): Promise<SubmitOutcome> {
  const { config, store, pool } = deps;
  const log = deps.log ?? ((): void => undefined);
  let url: string;
  try {
    url = canonicalUrl(deps.url);
  } catch (cause) {
    throw new Error(`submit: not a URL: ${deps.url}`, { cause });
  }
  if (!/^https?:/.test(url)) throw new Error(`submit: not an http(s) URL: ${deps.url}`);
  const evidenceOf = (key: string): EvidenceRecord | null => {
    const e = store.getEvidence(key);
    return e?.status === 'ok' ? e : null;
  };
  const known = (key: string): boolean => store.hasArticle(key) || evidenceOf(key) !== null;

  const earlier = evidenceOf(url);
  if (earlier) return { status: 'already-stored', url, evidence: earlier, evidenceCaptured: false };

  let capture;
  try {
    capture = await pool.capture(url);
  } catch (err) {
    if (err instanceof FetchError && err.errorClass === 'blocked') {
      return { status: 'blocked', url, message: err.message };
    }
    throw err;
  }
  const rawText = decodeHtml(capture.rawHtml, capture.contentType);
  const pageUrl = preferCanonical(capture.finalUrl, rawText);
  const write = (articleUrl: string): EvidenceRecord => {
    const { record } = writeEvidencePackage({
      dataDir: config.paths.dataDir,
      timeZone: config.app.timeZone,
      articleUrl,
      reason: 'manual',
      capture,
      userAgent: config.app.crawl.userAgent,
      submittedBy: deps.by ?? null,
      note: deps.note ?? null,
    });
    store.saveEvidence(record, capture.fetchedAt);
    log(`submit: evidence: ${record.dir}`);
    return record;
  };

  // Stored before (under the submitted or the page's own URL) but without a package.
  for (const key of new Set([url, pageUrl])) {
    if (!known(key)) continue;
    const existing = evidenceOf(key);
    if (existing) {
      return { status: 'already-stored', url: key, evidence: existing, evidenceCaptured: false };
    }
    return { status: 'already-stored', url: key, evidence: write(key), evidenceCaptured: true };
  }

  const source = sourceForUrl(config.sources, pageUrl) ?? manualSource(pageUrl, deps.category);
  store.upsertSources([source]);
  const evidence = write(pageUrl);
  store.savePage({
    url: pageUrl,
    sourceId: source.id,
    fetchedAt: capture.fetchedAt,
    status: capture.status,
    contentType: capture.contentType,
    html: rawText,
  });
  const ctx = createClassifyContext(config.profile, config.topics);
  const run = (html: string): ReturnType<typeof processPage> =>
    processPage({ url: pageUrl, html, source, fetchedAt: capture.fetchedAt }, ctx);
  let result = run(rawText);
  // A page whose text is put in by scripts (a social post) is an article only once rendered.
  if (!result.ok && capture.html !== rawText) {
    const rendered = run(capture.html);
    if (rendered.ok) result = rendered;
  }
  let article: Article | null = null;
  if (result.ok) {
    article = { ...result.article, url: pageUrl };
    store.upsertArticle(article);
  }
  store.markPageProcessed(pageUrl, capture.fetchedAt);
  return {
    status: 'stored',
    url: pageUrl,
    source,
    article,
    notArticle: result.ok ? null : result.reason,
    evidence,
  };
}
