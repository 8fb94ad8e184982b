// extract: one article page (HTML) → ExtractedArticle, or the reason it is not an article.
// Pure (no I/O, no clock: `now` bounds dates) and total: it never throws, whatever the input.
// How it works: extract-page.ts; per-outlet rules: sites/; dates: dates.ts.
import type { ExtractedArticle } from '../../src/schema.ts';
import { extractPage } from './extract-page.ts';

export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

export function extract(input: { html: string; url: string; now: Date }): ExtractResult {
  return extractPage(input);
}
