// The fast paths of classify must not change a label: the query set's `scan` (hits built only
// for the queries asked about) against `explain` (every query), the two-level leaf index
// (first syllable, then second) on phrases that share a start, and the tokens tokenize now
// shares between texts. No timings here: bench/classify.ts measures speed.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../pipeline/classify/phrase-index.ts';
import { compileTopics, matchTopics } from '../../pipeline/classify/topics.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { compileQueries, prepareDocument } from '../../pipeline/query/index.ts';
import { loadTopics } from '../../src/config/load.ts';
import { TopicsConfig } from '../../src/config/topics.ts';

// Written for this test: ordinary provincial news wording, with and without diacritics.
const TEXTS = [
  {
    title: 'Bộ đội Biên phòng tuần tra khu vực biên giới với Campuchia',
    sapo: 'Lực lượng biên phòng tỉnh phối hợp tuần tra song phương trên đường biên.',
    body:
      'Sáng nay, tổ công tác kiểm tra cột mốc chủ quyền gần cửa khẩu. Người dân không ' +
      'vượt biên trái phép. Mưa lớn kéo dài gây sạt lở đất, nhiều hộ bị ảnh hưởng; chính ' +
      'quyền đã hỗ trợ khắc phục hậu quả.\n\nBác sĩ Không biên giới cũng có mặt.',
  },
  {
    title: '',
    sapo: '',
    body:
      'tin don that thiet, bao lon o Lam Dong: chinh quyen khang dinh khong co chuyen do. ' +
      'Nguoi dan dung tin tin gia tren mang xa hoi.',
  },
  {
    title: 'GIÁ CÀ PHÊ TĂNG MẠNH, NÔNG DÂN PHẤN KHỞI',
    sapo: 'Bão giá phân bón khiến chi phí tăng.',
    body: 'Cơn bão số 5 đổ bộ. Du lịch Đà Lạt đón nhiều du khách; lễ hội hoa thu hút khách.',
  },
  { title: 'Biên', sapo: '', body: 'biên giới' },
];

const real = loadTopics('config');

describe('query set scan: hits on demand', () => {
  const topics = compileTopics(real);

  it('has/hits agree with explain for every topic entry on every text', () => {
    for (const t of TEXTS) {
      const doc = prepareDocument({ title: '', body: '' }, tokenizeDoc(t));
      const explained = topics.queries.explain(doc);
      const found = topics.queries.scan(doc);
      explained.forEach((e, i) => {
        expect(found.has(i), `query ${i}`).toBe(e.hits.length > 0);
        expect(found.hits(i), `query ${i}`).toEqual(e.hits);
      });
      // The texts do reach the rules: the check above compares real hits.
      expect(explained.some((e) => e.hits.length > 0)).toBe(true);
    }
  });

  it('the query set of the topics is built once, on first use', () => {
    const fresh = compileTopics(real);
    const set = fresh.queries;
    expect(fresh.queries).toBe(set);
    expect(set.queries.length).toBe(topics.queries.queries.length);
    expect(fresh.order).toEqual(topics.order);
  });

  it('phrases sharing a first syllable, and a phrase cut by the end of the text', () => {
    const set = compileQueries(
      [
        { key: 'term', query: 'biên' },
        { key: 'gioi', query: '"biên giới"' },
        { key: 'phong', query: '"biên phòng"' },
        { key: 'long', query: '"biên giới mềm"' },
        { key: 'not', query: '-"biên giới"' },
      ],
      { diacritics: 'strict' },
    );
    const doc = { title: 'Biên giới mềm', body: 'Đồn biên phòng. Biên' };
    expect(set.match(doc)).toEqual(['term', 'gioi', 'phong', 'long']);
    const found = set.scan(doc);
    expect([0, 1, 2, 3, 4].map((i) => found.has(i))).toEqual([true, true, true, true, true]);
    expect(found.hits(2)).toEqual([
      { leaf: { type: 'phrase', text: 'biên phòng' }, field: 'body', start: 1, end: 3 },
    ]);
    // "Biên" closing the body has no second syllable: only the one-syllable leaf holds there.
    expect(found.hits(0).map((h) => [h.field, h.start])).toEqual([
      ['title', 0],
      ['body', 1],
      ['body', 3],
    ]);
    const none = set.scan({ title: '', body: 'Không có gì' });
    expect([0, 1, 2, 3, 4].some((i) => none.has(i))).toBe(false);
    expect(set.match({ title: '', body: 'Không có gì' })).toEqual(['not']);
  });

  it('an entry without hits never counts, NOT-only entries included', () => {
    // Every topic made unreachable ("zzz" is no Vietnamese syllable) but two.
    const only: Record<string, string[]> = {
      'bien-gioi': ['-"biên giới"'],
      'moi-truong-thien-tai': ['"sạt lở"', '"mưa lớn" -"bão giá"'],
    };
    const cfg = TopicsConfig.parse({
      topics: real.topics.map((tp) => ({ ...tp, include: only[tp.id] ?? ['zzz'], exclude: [] })),
    });
    const t = compileTopics(cfg);
    const first = TEXTS[0];
    const third = TEXTS[2];
    if (!first || !third) throw new Error('fixture');
    expect(matchTopics(tokenizeDoc(first), t)).toEqual(['moi-truong-thien-tai']);
    expect(matchTopics(tokenizeDoc(third), t)).toEqual([]);
  });
});

describe('tokenize shares its token objects', () => {
  it('equal texts give equal tokens, and one text does not disturb another', () => {
    const a = 'Lâm Đồng: mưa lớn, sạt lở. Lâm Đồng';
    const before = structuredClone(tokenize(a));
    const b = tokenize('lâm đồng LÂM ĐỒNG - Lâm-Đồng; Lâm Đồng');
    expect(tokenize(a)).toEqual(before);
    // The same form after the same kind of gap is one object; another gap, another token.
    const [first, second] = [before.tokens[0], b.tokens[6]];
    expect(first?.lower).toBe('lâm');
    expect(second?.lower).toBe('lâm');
    expect(second?.breakBefore).toBe(true);
    expect(first?.breakBefore).toBe(false);
    const again = tokenize(a).tokens;
    expect(again[0]).toBe(tokenize(a).tokens[0]);
    expect(again[0]).not.toBe(again[6]);
    expect(again[6]).toEqual({ ...again[0], breakBefore: true, joinedBefore: false });
  });
});
