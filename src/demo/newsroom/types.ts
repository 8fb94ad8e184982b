// Shapes of the sample newsroom: what an article is as data, and what an outlet must provide
// to publish it (an article page and RSS feeds in that outlet's own markup).
import type { SourceCategory, TopicId, Tone } from '../../schema.ts';

export const OUTLET_IDS = [
  'vnexpress',
  'tuoitre',
  'thanhnien',
  'dantri',
  'baolamdong',
  'vietnamplus',
  'baochinhphu',
  'tin-hai-ngoai',
] as const;
export type OutletId = (typeof OUTLET_IDS)[number];

/** The labels the author of a sample article intends (taxonomy.md); documentation for tests. */
export type IntendedLabels = {
  relevant: boolean;
  topics: TopicId[];
  tone: Tone;
  /** Shared by every copy of one syndicated story. */
  story?: string;
};

export type ArticleContent = {
  id: string;
  outlet: OutletId;
  title: string;
  sapo: string;
  /** Body paragraphs, plain text. */
  body: string[];
  author: string;
  /** ISO 8601 with +07:00. */
  publishedAt: string;
  /** Section as the outlet's breadcrumb shows it, e.g. "Thời sự". */
  section: string;
  tags: string[];
  labels: IntendedLabels;
};

/** An article placed on the server: its URL path and ordinal among the outlet's articles. */
export type PlacedArticle = ArticleContent & {
  /** Absolute URL path on the newsroom server, e.g. "/vnexpress/…-5100137.html". */
  path: string;
  slug: string;
};

export type FeedDef = {
  /** URL path on the server, e.g. "/vnexpress/rss/tin-moi-nhat.rss". */
  path: string;
  title: string;
  /** Which of the outlet's articles the feed lists; all when absent. */
  section?: string;
};

export type RenderContext = {
  baseUrl: string;
  /** Other articles of the same outlet, newest first, for "Tin liên quan" boxes. */
  related: PlacedArticle[];
};

export type Outlet = {
  id: OutletId;
  name: string;
  domain: string;
  category: SourceCategory;
  feeds: FeedDef[];
  /** The outlet's own URL style; `seq` is a stable ordinal to build numeric ids from. */
  articlePath(a: ArticleContent, slug: string, seq: number): string;
  renderArticle(a: PlacedArticle, ctx: RenderContext): string;
  renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string;
};
