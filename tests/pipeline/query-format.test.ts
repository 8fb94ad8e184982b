import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import { SOURCE_CATEGORIES, TOPIC_IDS } from '../../src/schema.ts';
import {
  MAX_QUERY_DEPTH,
  QuerySyntaxError,
  assertQueryNode,
  formatQuery,
  parseQuery,
  type LeafNode,
  type QueryNode,
} from '../../pipeline/query/index.ts';

const SYLLABLES = [
  'biên',
  'giới',
  'Đắk',
  'Nông',
  'bão',
  'báo',
  'hòa',
  'thủy',
  'điện',
  'K',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'title',
  'topic',
  '19',
  'covid',
  'ĐỒN',
  'x',
];

function randomAst(rand: () => number, depth: number, inField = false): QueryNode {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const leaf = (): LeafNode =>
    rand() < 0.6
      ? { type: 'term', text: pick(SYLLABLES), prefix: rand() < 0.2 }
      : {
          type: 'phrase',
          text: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(' '),
        };
  const r = rand();
  if (depth <= 0 || r < 0.25) return leaf();
  const kids = (): QueryNode[] =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => randomAst(rand, depth - 1, inField));
  if (r < 0.4) return { type: 'and', children: kids() };
  if (r < 0.55) return { type: 'or', children: kids() };
  if (r < 0.65) return { type: 'not', child: randomAst(rand, depth - 1, inField) };
  if (r < 0.75)
    return { type: 'near', left: leaf(), right: leaf(), distance: Math.floor(rand() * 1001) };
  if (inField) return leaf();
  if (r < 0.85) {
    return {
      type: 'field',
      field: pick(['title', 'sapo', 'body'] as const),
      child: randomAst(rand, depth - 1, true),
    };
  }
  const m = rand();
  if (m < 0.2) return { type: 'topic', topic: pick(TOPIC_IDS) };
  if (m < 0.4) return { type: 'tone', tone: pick(['positive', 'negative', 'neutral'] as const) };
  if (m < 0.6) return { type: 'category', category: pick(SOURCE_CATEGORIES) };
  if (m < 0.8) return { type: 'source', source: pick(['vnexpress', 'baolamdong.vn', '-x:y*']) };
  return {
    type: 'date',
    bound: pick(['after', 'before'] as const),
    date: pick(['2026-11-20', '2024-02-29', '1999-12-31']),
  };
}

describe('formatQuery', () => {
  it.each([
    ['biên  giới', 'biên giới'],
    ['biên AND giới', 'biên giới'],
    ['a -b', 'a NOT b'],
    ['(a OR b) c', '(a OR b) c'],
    ['a (b c)', 'a (b c)'],
    ['a OR (b OR c)', 'a OR (b OR c)'],
    ['NOT (a NEAR/2 b)', 'NOT (a NEAR/2 b)'],
    ['((a))', 'a'],
    ['“Đắk  Nông”', '"Đắk Nông"'],
    ['"AND" OR "NEAR"', '"AND" OR "NEAR"'],
    ['title:(NOT bão) sapo:(x)', 'title:(NOT bão) sapo:x'],
    ['Tone:NEGATIVE source:WWW.Example.VN', 'tone:negative source:www.example.vn'],
    ['hoà thuỷ*', 'hòa thủy*'],
  ])('%j → %j', (query, text) => {
    expect(formatQuery(parseQuery(query))).toBe(text);
  });

  it('parses back to an equal AST for 1,500 random ASTs (seeded)', () => {
    const rand = prng(20261120);
    for (let i = 0; i < 1500; i++) {
      const ast = randomAst(rand, 1 + (i % 6));
      expect(assertQueryNode(ast)).toBe(ast);
      const text = formatQuery(ast);
      expect(parseQuery(text), text).toEqual(ast);
      // Serialisable: JSON round trip keeps it equal and valid.
      expect(assertQueryNode(JSON.parse(JSON.stringify(ast)))).toEqual(ast);
    }
  });

  it('formats the deepest AST the parser accepts, and assertQueryNode rejects one level more', () => {
    let ok: QueryNode = { type: 'term', text: 'a', prefix: false };
    for (let i = 0; i < MAX_QUERY_DEPTH; i++) ok = { type: 'not', child: ok };
    expect(parseQuery(formatQuery(assertQueryNode(ok)))).toEqual(ok);
    const deeper: QueryNode = { type: 'not', child: ok };
    expect(() => assertQueryNode(deeper)).toThrow(/nesting deeper/);
    expect(() => parseQuery(formatQuery(deeper))).toThrow(/nesting deeper/);
    // Alternating AND/OR costs a '(' every second level only.
    let alt: QueryNode = { type: 'term', text: 'a', prefix: false };
    for (let i = 0; i < 2 * MAX_QUERY_DEPTH; i++) {
      alt = {
        type: i % 2 ? 'or' : 'and',
        children: [alt, { type: 'term', text: 'b', prefix: false }],
      };
    }
    expect(parseQuery(formatQuery(assertQueryNode(alt)))).toEqual(alt);
  });
});

describe('assertQueryNode', () => {
  it.each([
    [null, 'expected an object'],
    [{ type: 'term', text: 'biên giới', prefix: false }, 'one syllable'],
    [{ type: 'term', text: 'hoà', prefix: false }, 'canonical form'],
    [{ type: 'term', text: 'a' }, "missing key 'prefix'"],
    [{ type: 'term', text: 'a', prefix: false, extra: 1 }, "unexpected key 'extra'"],
    [{ type: 'phrase', text: 'biên' }, 'two or more syllables'],
    [{ type: 'and', children: [{ type: 'term', text: 'a', prefix: false }] }, 'two or more'],
    [
      { type: 'near', left: { type: 'topic', topic: 'bien-gioi' }, right: null, distance: 1 },
      'left',
    ],
    [
      {
        type: 'near',
        left: { type: 'term', text: 'a', prefix: false },
        right: { type: 'term', text: 'b', prefix: false },
        distance: 1001,
      },
      'distance',
    ],
    [{ type: 'field', field: 'title', child: { type: 'tone', tone: 'negative' } }, 'metadata'],
    [{ type: 'topic', topic: 'khac' }, 'expected one of'],
    [{ type: 'source', source: 'Vn Express' }, 'lowercase source'],
    [{ type: 'date', bound: 'after', date: '2026-13-01' }, 'YYYY-MM-DD'],
    [{ type: 'regex', value: '.*' }, "unknown node type 'regex'"],
  ])('rejects %j', (value, words) => {
    expect(() => assertQueryNode(value)).toThrow(QuerySyntaxError);
    expect(() => assertQueryNode(value)).toThrow(words);
  });

  it('rejects a hostile deep object without overflowing the stack', () => {
    let v: unknown = { type: 'term', text: 'a', prefix: false };
    for (let i = 0; i < 100_000; i++) v = { type: 'not', child: v };
    expect(() => assertQueryNode(v)).toThrow(/nesting deeper/);
  });
});
