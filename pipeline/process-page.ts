// Runs the pipeline stages on one fetched page: extract → normalize → locate/classify.
// Pure: the fetch time comes in as data, and nothing is read or written here.
import { sha256Hex } from './hash.ts';
import type { SourceDef } from '../src/config/sources.ts';
import { Article } from '../src/schema.ts';
import { classify, type ClassifyContext } from './classify/index.ts';
import { parseVietnameseDate } from './extract/dates.ts';
import { extract } from './extract/index.ts';

export type PageInput = {
  /** Canonical URL of the article: the store's key. */
  url: string;
  html: string;
  source: SourceDef;
  fetchedAt: Date;
  /** The feed's own date text, used when the page shows none. */
  feedPublishedAt?: string | null;
};

export type ProcessResult = { ok: true; article: Article } | { ok: false; reason: string };

/** A stable article id derived from its canonical URL, so a re-run gives the same id. */
export function articleId(url: string): string {
  return 'a-' + sha256Hex(url).slice(0, 16);
}

export function processPage(page: PageInput, ctx: ClassifyContext): ProcessResult {
  const extracted = extract({ html: page.html, url: page.url, now: page.fetchedAt });
  if (!extracted.ok) return extracted;
  const a = extracted.article;
  const publishedAt =
    a.publishedAt ??
    (page.feedPublishedAt ? parseVietnameseDate(page.feedPublishedAt, page.fetchedAt) : null);
  const id = articleId(page.url);
  const labels = classify(
    {
      id,
      title: a.title,
      sapo: a.sapo,
      body: a.body,
      url: page.url,
      source: page.source.domain,
      sourceCategory: page.source.category,
      publishedAt,
    },
    ctx,
  );
  const article = Article.parse({
    id,
    url: page.url,
    sourceId: page.source.id,
    sourceName: page.source.name,
    sourceCategory: page.source.category,
    title: a.title,
    sapo: a.sapo,
    body: a.body,
    author: a.author,
    publishedAt,
    fetchedAt: page.fetchedAt.toISOString(),
    section: a.section,
    tags: a.tags,
    relevant: labels.relevant,
    relevance: labels.relevance,
    mentions: labels.mentions,
    topics: labels.topics,
    tone: labels.tone,
    sensitive: labels.sensitive,
    sensitiveReasons: labels.sensitiveReasons,
    // Stories are assigned by the cluster stage over many articles, after the crawl.
    storyId: null,
    reach: 0,
  });
  return { ok: true, article };
}
