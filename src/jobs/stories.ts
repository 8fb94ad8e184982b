// Re-runs the cluster stage over recent articles and stores the story of each, so that a
// copy published today joins the story its original started days ago.
import { cluster } from '../../pipeline/cluster.ts';
import type { Store } from '../store/index.ts';

/** Syndicated copies appear within days; a month back covers late republications. */
export const STORY_LOOKBACK_DAYS = 30;

export function assignStories(store: Store, now: Date): { articles: number; stories: number } {
  const from = new Date(now.getTime() - STORY_LOOKBACK_DAYS * 86_400_000).toISOString();
  const articles = store.listArticles({ from });
  const assignments = cluster(
    articles.map((a) => ({
      id: a.id,
      title: a.title,
      sapo: a.sapo,
      body: a.body,
      url: a.url,
      // The outlet is the source: reach counts distinct sources carrying a story.
      source: a.sourceId,
      publishedAt: a.publishedAt,
    })),
  );
  store.setStories(assignments);
  return { articles: articles.length, stories: new Set(assignments.map((a) => a.storyId)).size };
}
