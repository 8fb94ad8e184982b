import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  QuerySyntaxError,
  parseQuery,
  type QueryNode,
} from '../../pipeline/query/index.ts';

const t = (text: string, prefix = false): QueryNode => ({ type: 'term', text, prefix });
const p = (text: string): QueryNode => ({ type: 'phrase', text });
const and = (...children: QueryNode[]): QueryNode => ({ type: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ type: 'or', children });
const not = (child: QueryNode): QueryNode => ({ type: 'not', child });

function syntaxError(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(query)}`);
}

describe('parseQuery: constructs', () => {
  it('reads a term, keeping case and marks in NFC with the canonical tone placement', () => {
    expect(parseQuery('Biên')).toEqual(t('Biên'));
    expect(parseQuery('hoà'.normalize('NFD'))).toEqual(t('hòa'));
    expect(parseQuery('  thuỷ  ')).toEqual(t('thủy'));
  });

  it('reads a quoted phrase as syllables separated by single spaces', () => {
    expect(parseQuery('"biên   giới, "')).toEqual(p('biên giới'));
    expect(parseQuery('“Đắk Nông”')).toEqual(p('Đắk Nông'));
  });

  it('makes a quoted single syllable a term and a word of several syllables a phrase', () => {
    expect(parseQuery('"bão"')).toEqual(t('bão'));
    expect(parseQuery('covid-19')).toEqual(p('covid 19'));
    expect(parseQuery("K'Ho")).toEqual(t('KHo'));
  });

  it('reads a trailing * as a syllable prefix', () => {
    expect(parseQuery('thủy*')).toEqual(t('thủy', true));
    expect(parseQuery('AND*')).toEqual(t('AND', true));
  });

  it('joins adjacent items with an implicit AND, like an explicit one', () => {
    expect(parseQuery('biên giới')).toEqual(and(t('biên'), t('giới')));
    expect(parseQuery('biên AND giới')).toEqual(parseQuery('biên giới'));
    expect(parseQuery('a b "c d"')).toEqual(and(t('a'), t('b'), p('c d')));
  });

  it('reads OR, NOT and the - shorthand', () => {
    expect(parseQuery('bão OR lũ')).toEqual(or(t('bão'), t('lũ')));
    expect(parseQuery('bão NOT giá')).toEqual(and(t('bão'), not(t('giá'))));
    expect(parseQuery('bão -giá')).toEqual(parseQuery('bão NOT giá'));
    expect(parseQuery('-"bão giá"')).toEqual(not(p('bão giá')));
    expect(parseQuery('NOT NOT a')).toEqual(not(not(t('a'))));
    expect(parseQuery('a-b')).toEqual(p('a b'));
  });

  it('treats lowercase and/or/not as ordinary words', () => {
    expect(parseQuery('a or b')).toEqual(and(t('a'), t('or'), t('b')));
    expect(parseQuery('"OR"')).toEqual(t('OR'));
  });

  it('reads NEAR/n between terms and phrases', () => {
    expect(parseQuery('"biên phòng" NEAR/3 tuần')).toEqual({
      type: 'near',
      left: p('biên phòng'),
      right: t('tuần'),
      distance: 3,
    });
    expect(parseQuery('a NEAR/0 b*')).toEqual({
      type: 'near',
      left: t('a'),
      right: t('b', true),
      distance: 0,
    });
  });

  it('reads text field filters on a term, phrase or group', () => {
    expect(parseQuery('title:bão')).toEqual({ type: 'field', field: 'title', child: t('bão') });
    expect(parseQuery('sapo:"sạt lở"')).toEqual({
      type: 'field',
      field: 'sapo',
      child: p('sạt lở'),
    });
    expect(parseQuery('body:(bão OR lũ)')).toEqual({
      type: 'field',
      field: 'body',
      child: or(t('bão'), t('lũ')),
    });
    expect(parseQuery('Title:bão')).toEqual(parseQuery('title:bão'));
    expect(parseQuery('-title:bão')).toEqual(not(parseQuery('title:bão')));
  });

  it('reads metadata filters and lowercases their values', () => {
    expect(
      parseQuery(
        'topic:bien-gioi tone:Negative source:VnExpress.net category:foreign-vietnamese after:2026-11-01 before:2026-12-01',
      ),
    ).toEqual(
      and(
        { type: 'topic', topic: 'bien-gioi' },
        { type: 'tone', tone: 'negative' },
        { type: 'source', source: 'vnexpress.net' },
        { type: 'category', category: 'foreign-vietnamese' },
        { type: 'date', bound: 'after', date: '2026-11-01' },
        { type: 'date', bound: 'before', date: '2026-12-01' },
      ),
    );
  });

  it('takes a word of another name ending with a colon as a word', () => {
    expect(parseQuery('Lưu ý: bão')).toEqual(and(t('Lưu'), t('ý'), t('bão')));
    expect(parseQuery('note: bão')).toEqual(and(t('note'), t('bão')));
  });

  it('treats control and format characters as white space', () => {
    expect(parseQuery('biên\u200f\u0000giới\ufeff')).toEqual(and(t('biên'), t('giới')));
  });
});

describe('parseQuery: precedence NOT > NEAR > AND > OR', () => {
  it('binds AND tighter than OR', () => {
    expect(parseQuery('a b OR c')).toEqual(or(and(t('a'), t('b')), t('c')));
    expect(parseQuery('a OR b c')).toEqual(or(t('a'), and(t('b'), t('c'))));
    expect(parseQuery('a OR b AND c OR d')).toEqual(or(t('a'), and(t('b'), t('c')), t('d')));
  });

  it('binds NEAR tighter than AND and OR', () => {
    const near = { type: 'near', left: t('b'), right: t('c'), distance: 2 };
    expect(parseQuery('a b NEAR/2 c d')).toEqual(and(t('a'), near as QueryNode, t('d')));
    expect(parseQuery('a OR b NEAR/2 c')).toEqual(or(t('a'), near as QueryNode));
  });

  it('binds NOT tighter than AND and OR', () => {
    expect(parseQuery('NOT a b')).toEqual(and(not(t('a')), t('b')));
    expect(parseQuery('NOT a OR b')).toEqual(or(not(t('a')), t('b')));
    expect(parseQuery('NOT (a OR b)')).toEqual(not(or(t('a'), t('b'))));
  });

  it('keeps the grouping parentheses give', () => {
    expect(parseQuery('(a OR b) c')).toEqual(and(or(t('a'), t('b')), t('c')));
    expect(parseQuery('(a b) c')).toEqual(and(and(t('a'), t('b')), t('c')));
    expect(parseQuery('((a))')).toEqual(t('a'));
  });
});

describe('parseQuery: mistakes name the position and what was expected', () => {
  it.each([
    ['(biên giới', 10, "unbalanced parenthesis, expected ')'"],
    ['biên giới)', 9, "unexpected ')'"],
    ['"biên giới', 0, 'unclosed quote'],
    ['biên AND', 8, 'after AND'],
    ['OR biên', 0, 'unexpected OR'],
    ['biên OR OR giới', 8, 'unexpected OR after OR'],
    ['NOT', 3, 'after NOT'],
    ['biên NEAR/ giới', 5, 'expected NEAR/n'],
    ['biên NEAR giới', 5, 'expected NEAR/n'],
    ['biên NEAR/999999999 giới', 5, 'from 0 to 1000'],
    ['a NEAR/3 b NEAR/3 c', 11, 'cannot be chained'],
    ['NOT a NEAR/2 b', 0, 'NEAR/2 needs a term or phrase on its left'],
    ['x NEAR/2 (a b)', 9, 'on its right'],
    ['title: biên', 6, "after 'title:'"],
    ['title:(body:bão)', 7, 'inside another field'],
    ['title:(topic:bien-gioi)', 7, 'inside a text field'],
    ['topic:khac', 6, 'expected a topic id'],
    ['tone:angry', 5, 'expected a tone'],
    ['category:blog', 9, 'source category'],
    ['after:2026-02-30', 6, 'YYYY-MM-DD'],
    ['before:20261120', 7, 'YYYY-MM-DD'],
    ['topic:', 6, "expected a value after 'topic:'"],
    ['foo:bar', 0, "unknown field 'foo:'"],
    ['thủy*điện', 4, "'*'"],
    ['"thủy điện"*', 11, 'no letter or digit'],
    ['()', 1, 'empty parentheses'],
    ['""', 1, 'empty phrase'],
    ['a - b', 2, "'-' has no letter or digit"],
    ['   ', 0, 'empty query'],
    ['bão 😀', 4, 'no letter or digit'],
  ])('%j → position %i', (query, position, words) => {
    const e = syntaxError(query);
    expect(e.position).toBe(position);
    expect(e.message).toContain(`query: position ${position}: `);
    expect(e.message).toContain(words);
    expect(e.message).not.toContain('\n');
  });

  it('caps the input length', () => {
    const e = syntaxError('a '.repeat(MAX_QUERY_LENGTH));
    expect(e.position).toBe(MAX_QUERY_LENGTH);
    expect(e.message).toContain(`longer than ${MAX_QUERY_LENGTH} characters`);
    expect(parseQuery(`${'a '.repeat(MAX_QUERY_LENGTH / 2 - 1)}a`).type).toBe('and');
  });

  it('caps nesting: parentheses, NOT and fields', () => {
    const ok = '('.repeat(MAX_QUERY_DEPTH) + 'a' + ')'.repeat(MAX_QUERY_DEPTH);
    expect(parseQuery(ok)).toEqual(t('a'));
    const deep = '('.repeat(MAX_QUERY_DEPTH + 1) + 'a' + ')'.repeat(MAX_QUERY_DEPTH + 1);
    expect(syntaxError(deep).position).toBe(MAX_QUERY_DEPTH);
    expect(syntaxError(deep).message).toContain(`nesting deeper than ${MAX_QUERY_DEPTH}`);
    expect(syntaxError('NOT '.repeat(MAX_QUERY_DEPTH + 1) + 'a').position).toBe(
      4 * MAX_QUERY_DEPTH,
    );
    expect(syntaxError('-'.repeat(5000) + 'a').position).toBe(MAX_QUERY_DEPTH);
    expect(syntaxError('('.repeat(10_000)).message).toContain('nesting deeper');
  });
});
