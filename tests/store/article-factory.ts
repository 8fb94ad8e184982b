// A valid Article with overridable fields, for store and crawler tests.
import { createHash } from 'node:crypto';
import type { ProcessPageInput, ProcessResult } from '../../crawlers/crawl.ts';
import type { Article } from '../../src/schema.ts';
import type { SourceDef } from '../../src/config/sources.ts';

export function makeSource(over: Partial<SourceDef> = {}): SourceDef {
  return {
    id: 'baomau',
    name: 'Báo Mẫu',
    domain: 'baomau.example',
    category: 'provincial-press',
    kind: 'rss',
    feeds: ['https://baomau.example/rss/thoi-su.rss'],
    enabled: true,
    intervalMinutes: 30,
    ...over,
  };
}

export function makeArticle(over: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    url: 'https://baomau.example/lam-dong-khoi-cong-1001.html',
    sourceId: 'baomau',
    sourceName: 'Báo Mẫu',
    sourceCategory: 'provincial-press',
    title: 'Lâm Đồng khởi công tuyến đường liên xã',
    sapo: 'Tuyến đường dài 12 km nối hai xã vùng cao.',
    body: 'Đoạn một.\n\nĐoạn hai.',
    author: 'Minh Anh',
    publishedAt: '2026-11-20T07:30:00+07:00',
    fetchedAt: '2026-11-20T01:00:00.000Z',
    section: 'Thời sự',
    tags: ['giao thông'],
    relevant: true,
    relevance: 0.9,
    mentions: [{ name: 'Lâm Đồng', field: 'title', count: 1 }],
    topics: ['dau-tu-kinh-te'],
    tone: 'positive',
    sensitive: false,
    sensitiveReasons: [],
    storyId: null,
    reach: 0,
    ...over,
  };
}

/** What a crawler test's trivial processPage stores for a page: an article with this title. */
export function pageArticle(
  p: ProcessPageInput,
  title: string,
  over: Partial<Article> = {},
): ProcessResult {
  return {
    ok: true,
    article: makeArticle({
      id: createHash('sha1').update(p.url).digest('hex').slice(0, 16),
      url: p.url,
      sourceId: p.source.id,
      sourceName: p.source.name,
      sourceCategory: p.source.category,
      title,
      fetchedAt: p.fetchedAt.toISOString(),
      ...over,
    }),
  };
}
