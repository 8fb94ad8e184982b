// The bulletin's queries (bench/digest.ts: a monthly bulletin over 300,000 articles in < 3 s).
// The previous period's figures are counts, and loading a month of full rows only to count
// them doubled the time; the month itself is read without the bodies' tails.
import type Database from 'better-sqlite3';
import { Tone } from '../schema.ts';
import type { Article } from '../schema.ts';
import { articleFields, type ArticleRow } from './article-row.ts';

const TONES = Tone.options;

/** Relevant articles published in [fromUtc, toUtc) by tone; bounds are UTC ISO strings. */
export function relevantToneCounts(
  db: Database.Database,
  fromUtc: string,
  toUtc: string,
): Record<Tone, number> {
  const rows = db
    .prepare(
      `SELECT tone, COUNT(*) AS n FROM articles
       WHERE relevant = 1 AND published_utc >= ? AND published_utc < ?
       GROUP BY tone`,
    )
    .all(fromUtc, toUtc) as { tone: string; n: number }[];
  const counts = Object.fromEntries(TONES.map((t) => [t, 0])) as Record<Tone, number>;
  for (const r of rows) {
    const tone = Tone.safeParse(r.tone);
    if (tone.success) counts[tone.data] += r.n;
  }
  return counts;
}

/**
 * How much of a body the bulletin reads: the summary under an item is at most 60 words
 * (src/digest/summary.ts), taken from the sapo or else the body's opening, so the rest of a
 * 3–5 KB body is never printed; not decoding it is most of the monthly query's time.
 */
export const DIGEST_BODY_CHARS = 1000;

/**
 * The relevant articles published in [fromUtc, toUtc), as the bulletin needs them: bodies cut
 * to their opening (DIGEST_BODY_CHARS), and rows trusted as written (upsertArticle validated
 * them) rather than re-validated one by one. For the digest builder only: anything that shows
 * or re-processes a whole article uses listArticles.
 */
export function listDigestArticles(
  db: Database.Database,
  fromUtc: string,
  toUtc: string,
): Article[] {
  const rows = db
    .prepare(
      `SELECT id, url, source_id, source_name, source_category, title, sapo,
         substr(body, 1, ${DIGEST_BODY_CHARS}) AS body, author, published_at, fetched_at,
         section, tags, relevant, relevance, mentions, topics, tone, sensitive, sensitive_reasons,
         story_id, reach
       FROM articles
       WHERE relevant = 1 AND published_utc >= ? AND published_utc < ?
       ORDER BY published_utc, url`,
    )
    .all(fromUtc, toUtc) as ArticleRow[];
  return rows.map((r) => articleFields(r) as Article);
}
