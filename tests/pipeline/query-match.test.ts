import { describe, expect, it } from 'vitest';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import {
  QuerySyntaxError,
  compileQueries,
  parseQuery,
  prepareDocument,
  type QueryDocument,
} from '../../pipeline/query/index.ts';

/** Does `query` match a document whose body (or given fields) is `doc`? */
function matches(query: string, doc: string | QueryDocument): boolean {
  const d = typeof doc === 'string' ? { title: '', body: doc } : doc;
  return compileQueries([{ key: 'q', query }]).match(d).length === 1;
}

describe('query matching: syllables, insensitive to diacritics, case and tone placement', () => {
  const text = 'Lực lượng biên phòng tuần tra khu vực biên giới xã Quảng Trực.';

  it.each([
    ['the same spelling', '"biên giới"', text],
    ['NFD text', '"biên giới"', text.normalize('NFD')],
    ['NFD query', '"biên giới"'.normalize('NFD'), text],
    ['text without diacritics', '"biên giới"', 'Luc luong bien phong tuan tra khu vuc bien gioi'],
    ['query without diacritics', 'bien gioi', text],
    ['uppercase text', '"đồn biên phòng"', 'ĐỒN BIÊN PHÒNG CỬA KHẨU BU PRĂNG'],
    ['đ typed as d', '"dak nong"', 'Mưa lớn kéo dài ở Đắk Nông'],
    ['d in the text', 'đồn', 'Don bien phong'],
    ['old tone placement in the query', '"hoà bình"', 'Giữ gìn hòa bình nơi biên cương'],
    ['old tone placement in the text', '"thủy điện"', 'Nhà máy thuỷ điện Đồng Nai 3'],
    ['a syllable of a place name', 'nông', 'Mưa lớn kéo dài ở Đắk Nông'],
  ])('%s', (_label, query, doc) => {
    expect(matches(query, doc)).toBe(true);
  });

  it.each([
    ['a phrase in a look-alike', '"Đắk Nông"', 'Phát triển nông nghiệp công nghệ cao'],
    ['a term inside a longer token', 'nông', 'Đăng ký nôngnghiệp sạch'],
    ['a term that is a prefix', 'biên', 'Biênphòng tỉnh'],
    ['a phrase across a full stop', '"biên giới"', 'Ở vùng biên. Giới trẻ lên đường nhập ngũ'],
    ['a phrase across a comma', '"bão lũ"', 'Sau bão, lũ dâng cao'],
    ['a missing term', 'sạt', text],
  ])('not %s', (_label, query, doc) => {
    expect(matches(query, doc)).toBe(false);
  });

  it('matches a syllable prefix', () => {
    expect(matches('thủy*', 'Nhà máy thuỷ điện')).toBe(true);
    expect(matches('thuy*', 'Chiếc thuyền đánh cá')).toBe(true);
    expect(matches('thủy*', 'Nhà máy điện')).toBe(false);
  });

  it('evaluates AND, OR, NOT', () => {
    const doc = 'Cơn bão số 3 gây sạt lở đất tại Đam Rông';
    expect(matches('bão "sạt lở"', doc)).toBe(true);
    expect(matches('bão "lũ quét"', doc)).toBe(false);
    expect(matches('"lũ quét" OR "sạt lở"', doc)).toBe(true);
    expect(matches('bão -"bão giá"', doc)).toBe(true);
    expect(matches('bão -"sạt lở"', doc)).toBe(false);
    expect(matches('NOT "lũ quét"', doc)).toBe(true);
    expect(matches('NOT bão OR Rông', doc)).toBe(true);
  });
});

describe('query matching: NEAR/n', () => {
  // đồn(0) biên(1) phòng(2) cùng(3) dân(4) quân(5) tuần(6) tra(7) biên(8) giới(9)
  const doc = 'Đồn biên phòng cùng dân quân tuần tra biên giới';

  it('matches within n syllables in either order', () => {
    expect(matches('"biên phòng" NEAR/3 "tuần tra"', doc)).toBe(true);
    expect(matches('"tuần tra" NEAR/3 "biên phòng"', doc)).toBe(true);
    expect(matches('đồn NEAR/0 biên', doc)).toBe(true);
    expect(matches('biên NEAR/0 đồn', doc)).toBe(true);
  });

  it('does not match beyond n', () => {
    expect(matches('"biên phòng" NEAR/2 "tuần tra"', doc)).toBe(false);
    expect(matches('"tuần tra" NEAR/2 "biên phòng"', doc)).toBe(false);
    expect(matches('đồn NEAR/7 giới', doc)).toBe(false);
    expect(matches('đồn NEAR/8 giới', doc)).toBe(true);
  });

  it('does not let overlapping occurrences count', () => {
    expect(matches('biên NEAR/0 "biên phòng"', 'đồn biên phòng')).toBe(false);
    expect(matches('biên NEAR/1 biên', doc)).toBe(false);
    expect(matches('biên NEAR/6 biên', doc)).toBe(true);
  });

  it('needs both sides in the same field', () => {
    expect(
      matches('bão NEAR/5 "sạt lở"', { title: 'Cơn bão số 3', body: 'Sạt lở ở Đam Rông' }),
    ).toBe(false);
    expect(matches('title:(bão NEAR/1 số)', { title: 'Cơn bão số 3', body: '' })).toBe(true);
  });
});

describe('query matching: field filters', () => {
  const doc: QueryDocument = {
    title: 'Bão số 3 đổ bộ',
    sapo: 'Mưa lớn gây sạt lở',
    body: 'Người dân di dời khỏi vùng nguy hiểm; lũ quét ở Đam Rông.',
  };

  it('restricts text to one field', () => {
    expect(matches('title:bão', doc)).toBe(true);
    expect(matches('body:bão', doc)).toBe(false);
    expect(matches('sapo:"sạt lở"', doc)).toBe(true);
    expect(matches('title:"sạt lở"', doc)).toBe(false);
    expect(matches('body:("lũ quét" OR bão)', doc)).toBe(true);
    expect(matches('body:(bão OR "sạt lở")', doc)).toBe(false);
    expect(matches('-title:"lũ quét"', doc)).toBe(true);
    expect(matches('title:(NOT bão)', doc)).toBe(false);
  });

  it('searches every field without a filter, and a missing sapo is empty', () => {
    expect(matches('bão "sạt lở" "lũ quét"', doc)).toBe(true);
    expect(matches('sapo:mưa', { title: 'Mưa', body: 'mưa' })).toBe(false);
  });
});

describe('query matching: metadata filters', () => {
  const doc: QueryDocument = {
    title: 'Tuần tra biên giới',
    body: '',
    topics: ['bien-gioi', 'an-ninh-trat-tu'],
    tone: 'neutral',
    source: 'https://www.baolamdong.vn/xa-hoi/tuan-tra.html',
    sourceId: 'baolamdong',
    sourceCategory: 'provincial-press',
    publishedAt: '2026-11-20T08:30:00+07:00',
  };

  it.each([
    ['topic:bien-gioi', true],
    ['topic:ton-giao', false],
    ['tone:neutral', true],
    ['tone:negative', false],
    ['source:baolamdong', true],
    ['source:BaoLamDong.vn', true],
    ['source:www.baolamdong.vn', true],
    ['source:lamdong.vn', false],
    ['source:vnexpress', false],
    ['category:provincial-press', true],
    ['category:central-press', false],
    ['topic:bien-gioi -tone:negative biên', true],
  ])('%s → %s', (query, expected) => {
    expect(matches(query, doc)).toBe(expected);
  });

  it('matches a subdomain of a source domain', () => {
    const d = { title: 'x', body: '', source: 'e.vnexpress.net' };
    expect(matches('source:vnexpress.net', d)).toBe(true);
    expect(matches('source:press.net', d)).toBe(false);
  });

  it('reads after: inclusive and before: exclusive at 00:00 in Asia/Ho_Chi_Minh', () => {
    const at = (publishedAt: string | null) => ({ title: 'x', body: '', publishedAt });
    // 00:00 on 20 Nov in Vietnam is 17:00 UTC on the 19th.
    expect(matches('after:2026-11-20', at('2026-11-19T17:00:00Z'))).toBe(true);
    expect(matches('after:2026-11-20', at('2026-11-19T16:59:59.999Z'))).toBe(false);
    expect(matches('after:2026-11-20', at('2026-11-20T00:00:00+07:00'))).toBe(true);
    expect(matches('after:2026-11-20', at('2026-11-19T23:59:59+07:00'))).toBe(false);
    expect(matches('before:2026-11-20', at('2026-11-19T23:59:59+07:00'))).toBe(true);
    expect(matches('before:2026-11-20', at('2026-11-20T00:00:00+07:00'))).toBe(false);
    expect(matches('before:2026-11-20', at('2026-11-19T17:00:00Z'))).toBe(false);
    // A time without an offset is Vietnamese time, whatever the server's zone.
    expect(matches('after:2026-11-20', at('2026-11-20T00:00:00'))).toBe(true);
    expect(matches('before:2026-11-20', at('2026-11-20T00:00:00'))).toBe(false);
    expect(matches('after:2026-11-20 before:2026-11-21', at('2026-11-20T23:59:00+07:00'))).toBe(
      true,
    );
  });

  it('matches no date filter on a document without a readable date', () => {
    for (const publishedAt of [null, undefined, 'hôm qua']) {
      const d = { title: 'x', body: '', publishedAt };
      expect(matches('after:2000-01-01', d)).toBe(false);
      expect(matches('before:2100-01-01', d)).toBe(false);
      expect(matches('NOT before:2100-01-01', d)).toBe(true);
    }
  });
});

describe('compileQueries', () => {
  const doc: QueryDocument = {
    title: 'Bộ đội biên phòng tuần tra biên giới',
    body: 'Cơn bão số 3 gây mưa lớn ở Đắk Nông.',
  };

  it('returns the keys of the matching queries in the order given, from strings or ASTs', () => {
    const set = compileQueries([
      { key: 1, query: 'bão' },
      { key: 2, query: parseQuery('"lũ quét"') },
      { key: 3, query: 'title:"biên giới"' },
      { key: 4, query: { type: 'term', text: 'nông', prefix: false } },
    ]);
    expect(set.match(doc)).toEqual([1, 3, 4]);
    expect(set.queries.map((q) => q.query.type)).toEqual(['term', 'phrase', 'field', 'term']);
  });

  it('shares one leaf between spellings that fold alike and keeps queries apart', () => {
    const set = compileQueries([
      { key: 'a', query: 'BIÊN giới' },
      { key: 'b', query: 'bien NEAR/0 gioi' },
      { key: 'c', query: 'biên -giới' },
    ]);
    expect(set.match(doc)).toEqual(['a', 'b']);
  });

  it('matches a prepared document like the raw one, and reuses tokens from locate', () => {
    const sets = [
      compileQueries([{ key: 'x', query: 'bão' }]),
      compileQueries([{ key: 'y', query: 'biên' }]),
    ];
    const prepared = prepareDocument(doc);
    const fromLocate = prepareDocument(
      doc,
      tokenizeDoc({ title: doc.title, sapo: '', body: doc.body }),
    );
    for (const set of sets) {
      expect(set.match(prepared)).toEqual(set.match(doc));
      expect(set.match(fromLocate)).toEqual(set.match(doc));
    }
  });

  it('names the query that does not parse', () => {
    expect(() =>
      compileQueries([
        { key: 'ok', query: 'bão' },
        { key: 'broken', query: '(bão' },
      ]),
    ).toThrow(
      new QuerySyntaxError(
        4,
        "unbalanced parenthesis, expected ')' to close the '(' at position 0 (query 1 'broken')",
      ),
    );
    expect(() =>
      compileQueries([{ key: 0, query: { type: 'term', text: 'a b', prefix: false } }]),
    ).toThrow(/invalid query AST at \$\.text/);
  });

  it('matches nothing with an empty set and needs no text for metadata-only queries', () => {
    expect(compileQueries([]).match(doc)).toEqual([]);
    expect(compileQueries([{ key: 'm', query: 'NOT tone:negative' }]).match(doc)).toEqual(['m']);
  });

  it('explains which leaves matched where', () => {
    const [e] = compileQueries([{ key: 'k', query: 'bão OR ("biên giới" -"lũ quét")' }]).explain(
      doc,
    );
    expect(e?.matched).toBe(true);
    expect(e?.hits).toEqual([
      { leaf: { type: 'term', text: 'bão', prefix: false }, field: 'body', start: 1, end: 2 },
      { leaf: { type: 'phrase', text: 'biên giới' }, field: 'title', start: 6, end: 8 },
    ]);
  });
});
