import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import { fold } from '../../pipeline/normalize.ts';
import { PhraseIndex, tokenize } from '../../pipeline/classify/phrase-index.ts';
import { compileQueries } from '../../pipeline/query/index.ts';

const strictMatch = (query: string, body: string): boolean =>
  compileQueries([{ key: 'q', query }], { diacritics: 'strict' }).match({ title: '', body })
    .length === 1;
const looseMatch = (query: string, body: string): boolean =>
  compileQueries([{ key: 'q', query }]).match({ title: '', body }).length === 1;

describe("strict diacritics: phrase-index's rule", () => {
  it('keeps bão (storm) apart from báo (newspaper) in a text with diacritics', () => {
    expect(strictMatch('bão', 'Cơn bão số 3 đổ bộ vào Lâm Đồng')).toBe(true);
    expect(strictMatch('bão', 'Báo Lâm Đồng đưa tin về mùa mưa')).toBe(false);
    expect(looseMatch('bão', 'Báo Lâm Đồng đưa tin về mùa mưa')).toBe(true);
    expect(strictMatch('bão -"bão giá"', 'Cơn bão giá quét qua chợ Đà Lạt')).toBe(false);
  });

  it('still reads NFD, old tone placement and capitals in a text with diacritics', () => {
    expect(strictMatch('"thủy điện"', 'NHÀ MÁY THUỶ ĐIỆN ĐỒNG NAI')).toBe(true);
    expect(strictMatch('"hòa bình"', 'Giữ gìn hoà bình'.normalize('NFD'))).toBe(true);
  });

  it('matches phrases in a text written without diacritics', () => {
    expect(strictMatch('"cơn bão"', 'con bao so 3 do bo vao Lam Dong')).toBe(true);
    expect(strictMatch('"Đắk Nông"', 'mua lon o dak nong')).toBe(true);
    // Inherited: one marked syllable alone means too many things in unaccented text.
    expect(strictMatch('bão', 'con bao so 3 do bo vao Lam Dong')).toBe(false);
    expect(looseMatch('bão', 'con bao so 3 do bo vao Lam Dong')).toBe(true);
  });

  it('compares marks both ways: a plain query syllable is not a marked one', () => {
    expect(strictMatch('"La Gi"', 'Đây là gì vậy?')).toBe(false);
    expect(strictMatch('"La Gi"', 'Thị xã La Gi mưa lớn')).toBe(true);
    expect(looseMatch('"La Gi"', 'Đây là gì vậy?')).toBe(true);
  });

  it('requires a capital the query writes, unless the text has none', () => {
    expect(strictMatch('"Tin Lành"', 'Hội thánh Tin Lành Việt Nam')).toBe(true);
    expect(strictMatch('"Tin Lành"', 'Người dân nghe tin lành về mùa màng')).toBe(false);
    expect(strictMatch('"Tin Lành"', 'hội thánh tin lành')).toBe(true);
  });

  it('applies the rule to prefixes', () => {
    expect(strictMatch('bão*', 'Cơn bão số 3')).toBe(true);
    expect(strictMatch('bão*', 'Báo Lâm Đồng')).toBe(false);
    expect(strictMatch('bao*', 'bao nhiêu')).toBe(true);
    expect(strictMatch('bão*', 'con bao so 3')).toBe(false);
  });

  it('finds exactly what PhraseIndex finds (3,000 seeded random phrases and texts)', () => {
    const pool = [
      'bão',
      'báo',
      'bao',
      'Bảo',
      'bảo',
      'Lộc',
      'lốc',
      'là',
      'gì',
      'La',
      'Gi',
      'Tin',
      'Lành',
      'tin',
      'lành',
      'nông',
      'Nông',
      'Đắk',
      'Đăk',
      'nghiệp',
      'biên',
      'giới',
      'hòa',
      'hoà',
      'thuỷ',
      'Thủy',
      'BÃO',
      "M'Nông",
      'Mnông',
      '40',
    ];
    const seps = [' ', ' ', ' ', ' ', ', ', '. ', '-', '\n', ' (', ') '];
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    let compared = 0;
    let found = 0;
    for (let round = 0; round < 150; round++) {
      let body = Array.from(
        { length: 5 + Math.floor(rand() * 40) },
        () => pick(pool) + pick(seps),
      ).join('');
      const style = rand();
      if (style < 0.2) body = fold(body);
      else if (style < 0.3) body = body.toUpperCase();
      else if (style < 0.4) body = body.toLowerCase();
      else if (style < 0.5) body = body.normalize('NFD');
      const phrases = Array.from({ length: 20 }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(pool)).join(' '),
      );
      const index = new PhraseIndex<number>();
      phrases.forEach((p, i) => index.add(p, i));
      const expected = index.match(tokenize(body)).map((m) => `${m.value}@${m.start}`);
      const set = compileQueries(
        phrases.map((p, i) => ({ key: i, query: `"${p}"` })),
        { diacritics: 'strict' },
      );
      const actual = set
        .explain({ title: '', body })
        .flatMap((e) => e.hits.map((h) => `${e.key}@${h.start}`));
      expect(new Set(actual), body).toEqual(new Set(expected));
      compared += phrases.length;
      found += expected.length;
    }
    expect(compared).toBe(3000);
    expect(found).toBeGreaterThan(100);
  });
});
