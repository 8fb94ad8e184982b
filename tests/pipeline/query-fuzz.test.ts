import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import {
  QuerySyntaxError,
  assertQueryNode,
  compileQueries,
  formatQuery,
  parseQuery,
  type QueryNode,
} from '../../pipeline/query/index.ts';

const PIECES = [
  'biên',
  'giới',
  'Đắk',
  'Nông',
  'bão',
  'hoà',
  'thủy*',
  '*',
  '"',
  '"',
  '“',
  '”',
  '(',
  '(',
  ')',
  ')',
  'AND',
  'OR',
  'NOT',
  '-',
  '--',
  'NEAR/',
  'NEAR/3',
  'NEAR',
  'NEAR/999999999',
  'NEAR/-1',
  'title:',
  'sapo:',
  'body:(',
  'topic:',
  'topic:bien-gioi',
  'tone:negative',
  'tone:',
  'source:',
  'source:vnexpress.net',
  'category:social',
  'after:2026-11-20',
  'before:2026-02-30',
  'foo:',
  ':',
  '\u0000',
  '\u0007',
  '\u202e',
  '\u200f',
  '\u200b',
  '\ufeff',
  '\ud83d',
  '\ude00',
  '😀',
  '👨‍👩‍👧',
  'a\u0301',
  '\u0301',
  'đ',
  'ß',
  'İ',
  '\n',
  '\t',
  ' ',
  ' ',
  ' ',
  '\\',
  "'",
  'K’Ho',
  '10:30',
  'http://x.vn',
  '0',
  '١٢٣',
  'שלום',
  'ﷺ',
];

const VALID = [
  '"biên giới" OR "đường biên" -"không biên giới"',
  'title:(bão OR lũ) sapo:"sạt lở" topic:moi-truong-thien-tai',
  '"biên phòng" NEAR/5 "tuần tra" after:2026-11-01 before:2026-12-01',
  'NOT (tone:positive OR category:social) source:vnexpress.net',
  '(Đắk Nông OR "Lâm Đồng") AND (thuỷ* -"thủy sản")',
  'body:("tôn giáo" NEAR/3 "trái phép") OR title:"Tin Lành"',
  'a b OR c NOT d NEAR/2 e',
];

const DOC = {
  title: 'Bão số 3 đổ bộ Đắk Nông',
  sapo: 'Biên giới AND hoà bình',
  body: 'Lực lượng biên phòng tuần tra. Thuỷ điện xả lũ; NEAR 10:30 K’Ho 😀',
  topics: ['bien-gioi' as const],
  tone: 'negative' as const,
  source: 'vnexpress.net',
  publishedAt: '2026-11-20T08:00:00+07:00',
};

type Outcome = 'node' | 'syntax-error';

/** Parses one input; anything but a node or a QuerySyntaxError fails the test. */
function check(input: string): { outcome: Outcome; ms: number } {
  const t0 = performance.now();
  let node: QueryNode;
  try {
    node = parseQuery(input);
  } catch (e) {
    if (!(e instanceof QuerySyntaxError))
      throw new Error(`non-syntax error for ${JSON.stringify(input.slice(0, 200))}`, { cause: e });
    expect(e.position).toBeGreaterThanOrEqual(0);
    expect(e.position).toBeLessThanOrEqual(input.length);
    expect(e.message.startsWith(`query: position ${e.position}: `)).toBe(true);
    expect(e.message.length).toBeLessThan(400);
    return { outcome: 'syntax-error', ms: performance.now() - t0 };
  }
  // What parses is canonical, formats back to itself and compiles in both modes.
  expect(assertQueryNode(node)).toBe(node);
  expect(parseQuery(formatQuery(node))).toEqual(node);
  for (const diacritics of ['insensitive', 'strict'] as const) {
    const set = compileQueries([{ key: 0, query: node }], { diacritics });
    expect(Array.isArray(set.match(DOC))).toBe(true);
  }
  return { outcome: 'node', ms: performance.now() - t0 };
}

describe('parseQuery fuzz: a node or a QuerySyntaxError, in bounded time', () => {
  it('survives 2,500 seeded random strings of query pieces and code units', () => {
    const rand = prng(42);
    const counts: Record<Outcome, number> = { node: 0, 'syntax-error': 0 };
    let slowest = 0;
    for (let i = 0; i < 2500; i++) {
      // Half near-valid queries with a few edits, half soup of pieces and random code units.
      let s = i % 2 ? (VALID[Math.floor(rand() * VALID.length)] ?? '') : '';
      const len = i % 2 ? Math.floor(rand() * 3) : Math.floor(rand() * 25);
      for (let k = 0; k < len && i % 2; k++) {
        const at = Math.floor(rand() * (s.length + 1));
        const piece = rand() < 0.5 ? '' : (PIECES[Math.floor(rand() * PIECES.length)] ?? '');
        s = s.slice(0, at) + piece + s.slice(at + (rand() < 0.5 ? 1 : 0));
      }
      for (let k = 0; k < len && i % 2 === 0; k++) {
        s +=
          rand() < 0.85
            ? (PIECES[Math.floor(rand() * PIECES.length)] ?? '')
            : String.fromCharCode(Math.floor(rand() * 0x10000));
        if (rand() < 0.5) s += ' ';
      }
      const r = check(s);
      counts[r.outcome]++;
      slowest = Math.max(slowest, r.ms);
    }
    console.log(
      `query fuzz: ${counts.node} parsed, ${counts['syntax-error']} syntax errors, slowest ${slowest.toFixed(1)} ms`,
    );
    // Both outcomes are exercised, so the fuzz reaches the matcher as well as the errors.
    expect(counts.node).toBeGreaterThan(200);
    expect(counts['syntax-error']).toBeGreaterThan(200);
    expect(slowest).toBeLessThan(2000);
  });

  it.each([
    ['100 kB of text', 'biên giới '.repeat(10_000), 'syntax-error'],
    ['100 kB of parentheses', '('.repeat(100_000), 'syntax-error'],
    ['10,000 nested parentheses', '('.repeat(5000) + 'a' + ')'.repeat(5000), 'syntax-error'],
    ['10,000 open parentheses', '('.repeat(10_000), 'syntax-error'],
    ['5,000 NOTs', 'NOT '.repeat(2499) + 'a', 'syntax-error'],
    ['9,999 minus signs', '-'.repeat(9999) + 'a', 'syntax-error'],
    ['5,000 terms', `${'a '.repeat(4999)}a`, 'node'],
    ['2,000 ORs', `${'bão OR '.repeat(1427)}a`, 'node'],
    ['an unclosed quote at the end of 10 kB', `${'a'.repeat(9999)}"`, 'syntax-error'],
    ['9,999 quotes', '"'.repeat(9999), 'syntax-error'],
    ['only control characters', '\u0000\u0001\u001f\u007f', 'syntax-error'],
    ['RTL marks around a term', '\u202ebiên\u202c \u200fgiới\u200e', 'node'],
    ['emoji only', '😀😀 👨‍👩‍👧', 'syntax-error'],
    ['lone surrogates', '\ud800 \udfff biên', 'syntax-error'],
    ['a lone operator', 'AND', 'syntax-error'],
    ['a lone NEAR/', 'NEAR/', 'syntax-error'],
    ['NEAR/999999999', 'a NEAR/999999999 b', 'syntax-error'],
    ['NEAR/1000', 'a NEAR/1000 b', 'node'],
    ['a 10 kB term', 'a'.repeat(10_000), 'node'],
    ['NFD everything', '"Đắk Nông" NEAR/2 thuỷ*'.normalize('NFD'), 'node'],
  ])('%s', (_label, input, expected) => {
    expect(check(input).outcome).toBe(expected);
  });
});
