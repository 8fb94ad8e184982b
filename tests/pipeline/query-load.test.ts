// The matcher on a realistic load (query-load.ts): what 12 topic-like queries match on a
// 600-word article, strict and diacritic-insensitive. Its speed is in bench/query.ts.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../pipeline/classify/phrase-index.ts';
import { compileQueries, prepareDocument } from '../../pipeline/query/index.ts';
import { ARTICLE, EXPECTED, QUERIES } from './query-load.ts';

describe('query matcher on a 600-word article', () => {
  it('matches 12 topic-like queries, prepared or not, in both diacritics modes', () => {
    const syllables = (['title', 'sapo', 'body'] as const).reduce(
      (n, f) => n + tokenize(ARTICLE[f] ?? '').tokens.length,
      0,
    );
    expect(syllables).toBeGreaterThan(700);
    for (const diacritics of ['insensitive', 'strict'] as const) {
      const set = compileQueries(
        QUERIES.map(([key, query]) => ({ key, query })),
        { diacritics },
      );
      // Folded, "vùng biên" is "vùng biển" and "chưa" is "chùa": why topics compile strict.
      const loose = ['bien-dao', 'ton-giao'];
      const want = (diacritics === 'strict' ? EXPECTED : [...EXPECTED, ...loose]).sort();
      expect([...set.match(prepareDocument(ARTICLE))].sort()).toEqual(want);
      expect([...set.match(ARTICLE)].sort()).toEqual(want);
    }
  });
});
