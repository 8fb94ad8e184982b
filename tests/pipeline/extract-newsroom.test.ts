// Every page of the sample newsroom (src/demo) extracts to exactly what the sample says it
// holds: the demo's crawl → extract → bulletin path depends on it, and the outlets there use
// the real markup shapes of the sites the rules were written for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../pipeline/extract/index.ts';
import { normalizeText } from '../../pipeline/normalize.ts';
import type { Newsroom } from '../../src/demo/server.ts';
import { sampleArticles, startNewsroom } from '../../src/demo/server.ts';

const NOW = new Date('2026-11-20T07:00:00+07:00');

let newsroom: Newsroom;
beforeAll(async () => {
  newsroom = await startNewsroom();
});
afterAll(async () => {
  await newsroom.close();
});

describe('extract: sample newsroom pages', () => {
  it('serves a sample with every outlet', () => {
    expect(sampleArticles.length).toBeGreaterThanOrEqual(40);
    expect(new Set(sampleArticles.map((a) => a.outlet)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(sampleArticles.map((a) => [`${a.outlet}/${a.id}`, a] as const))(
    '%s',
    async (_label, a) => {
      const url = newsroom.baseUrl + a.path;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const r = extract({ html: await res.text(), url, now: NOW });
      if (!r.ok) throw new Error(`not extracted: ${r.reason}`);
      // Compared field by field so a failure names the field.
      expect(r.article.title).toBe(normalizeText(a.title));
      expect(r.article.sapo).toBe(normalizeText(a.sapo));
      // extract separates paragraphs with one blank line (ExtractedArticle.body).
      expect(r.article.body).toBe(normalizeText(a.body.join('\n\n')));
      expect(r.article.author).toBe(a.author);
      expect(r.article.publishedAt).toBe(a.publishedAt);
    },
  );
});
