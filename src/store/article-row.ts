// An `articles` row and its mapping to the Article shape, shared by the validating read
// (sqlite-store rowToArticle) and the bulletin's trusted bulk read (digest-queries).
export type ArticleRow = {
  id: string;
  url: string;
  source_id: string;
  source_name: string;
  source_category: string;
  title: string;
  sapo: string;
  body: string;
  author: string | null;
  published_at: string | null;
  fetched_at: string;
  section: string | null;
  tags: string;
  relevant: number;
  relevance: number;
  mentions: string;
  topics: string;
  tone: string;
  sensitive: number;
  sensitive_reasons: string;
  story_id: string | null;
  reach: number;
};

/** The row's fields under Article's names, JSON columns parsed, not validated. */
export function articleFields(r: ArticleRow): Record<string, unknown> {
  return {
    id: r.id,
    url: r.url,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceCategory: r.source_category,
    title: r.title,
    sapo: r.sapo,
    body: r.body,
    author: r.author,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    section: r.section,
    tags: JSON.parse(r.tags) as unknown,
    relevant: r.relevant === 1,
    relevance: r.relevance,
    mentions: JSON.parse(r.mentions) as unknown,
    topics: JSON.parse(r.topics) as unknown,
    tone: r.tone,
    sensitive: r.sensitive === 1,
    sensitiveReasons: JSON.parse(r.sensitive_reasons) as unknown,
    storyId: r.story_id,
    reach: r.reach,
  };
}
