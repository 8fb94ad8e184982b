// Checks a query AST that arrives as data (JSON from the store, the UI, a config file): the
// shape, canonical term and phrase texts, known ids, and the nesting limit the parser
// enforces, so that every accepted node formats to a text parseQuery reads back unchanged.
import { SOURCE_CATEGORIES, TOPIC_IDS } from '../../src/schema.ts';
import {
  MAX_NEAR_DISTANCE,
  MAX_QUERY_DEPTH,
  TEXT_FIELDS,
  type LeafNode,
  type QueryNode,
} from './ast.ts';
import { QuerySyntaxError } from './errors.ts';
import { isCalendarDate } from './parser.ts';
import { syllablesAsWritten } from './text.ts';

const SOURCE_VALUE = /^[^\s\p{Cc}\p{Cf}\p{Z}"“”()]+$/u;
/** Node levels an AST within MAX_QUERY_DEPTH can have (an OR inside an AND costs a '(' only every second level). */
const MAX_NODE_LEVELS = 2 * MAX_QUERY_DEPTH + 3;

/** Returns `value` typed as a QueryNode, or throws a QuerySyntaxError (position -1) naming the path. */
export function assertQueryNode(value: unknown): QueryNode {
  const depth = check(value, '$', 0, false);
  if (depth > MAX_QUERY_DEPTH) {
    throw new QuerySyntaxError(
      -1,
      `invalid query AST: nesting deeper than ${MAX_QUERY_DEPTH} levels`,
    );
  }
  return value as QueryNode;
}

function fail(path: string, why: string): never {
  throw new QuerySyntaxError(-1, `invalid query AST at ${path}: ${why}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keys(node: Record<string, unknown>, path: string, expected: string[]): void {
  const extra = Object.keys(node).filter((k) => !expected.includes(k));
  if (extra.length > 0) fail(path, `unexpected key '${extra[0] ?? ''}'`);
  for (const k of expected) if (!(k in node)) fail(path, `missing key '${k}'`);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(path, `expected one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/** Validates and returns the parser depth (parentheses, NOT, fields) formatQuery's text has. */
function check(v: unknown, path: string, level: number, inField: boolean): number {
  if (level > MAX_NODE_LEVELS) fail(path, `nesting deeper than ${MAX_QUERY_DEPTH} levels`);
  if (!isRecord(v)) fail(path, 'expected an object');
  const type = v.type;
  switch (type) {
    case 'term':
    case 'phrase':
      checkLeaf(v, path);
      return 0;
    case 'and':
    case 'or': {
      keys(v, path, ['type', 'children']);
      const children = v.children;
      if (!Array.isArray(children) || children.length < 2) {
        fail(path, 'expected children: an array of two or more nodes');
      }
      let depth = 0;
      children.forEach((c: unknown, i) => {
        const d = check(c, `${path}.children[${i}]`, level + 1, inField);
        const t = isRecord(c) ? c.type : undefined;
        const parens = t === 'or' || (type === 'and' && t === 'and');
        depth = Math.max(depth, d + (parens ? 1 : 0));
      });
      return depth;
    }
    case 'not': {
      keys(v, path, ['type', 'child']);
      const d = check(v.child, `${path}.child`, level + 1, inField);
      const t = isRecord(v.child) ? v.child.type : undefined;
      return 1 + d + (t === 'and' || t === 'or' || t === 'near' ? 1 : 0);
    }
    case 'near': {
      keys(v, path, ['type', 'left', 'right', 'distance']);
      checkLeaf(v.left, `${path}.left`);
      checkLeaf(v.right, `${path}.right`);
      const n = v.distance;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_NEAR_DISTANCE) {
        fail(`${path}.distance`, `expected an integer from 0 to ${MAX_NEAR_DISTANCE}`);
      }
      return 0;
    }
    case 'field': {
      keys(v, path, ['type', 'field', 'child']);
      if (inField) fail(path, 'a field filter cannot stand inside another field filter');
      oneOf(v.field, TEXT_FIELDS, `${path}.field`);
      const d = check(v.child, `${path}.child`, level + 1, true);
      const t = isRecord(v.child) ? v.child.type : undefined;
      return 1 + d + (t === 'term' || t === 'phrase' ? 0 : 1);
    }
    case 'topic':
    case 'tone':
    case 'source':
    case 'category':
    case 'date':
      if (inField) fail(path, 'a metadata filter cannot stand inside a text field filter');
      checkMetadata(v, path);
      return 0;
    default:
      return fail(`${path}.type`, `unknown node type '${String(type).slice(0, 30)}'`);
  }
}

function checkLeaf(v: unknown, path: string): asserts v is LeafNode {
  if (!isRecord(v)) fail(path, 'expected a term or phrase object');
  if (typeof v.text !== 'string') fail(`${path}.text`, 'expected a string');
  const parts = syllablesAsWritten(v.text);
  if (v.type === 'term') {
    keys(v, path, ['type', 'text', 'prefix']);
    if (typeof v.prefix !== 'boolean') fail(`${path}.prefix`, 'expected a boolean');
    if (parts.length !== 1 || parts[0] !== v.text) {
      fail(`${path}.text`, 'expected one syllable in canonical form (NFC, no punctuation)');
    }
  } else if (v.type === 'phrase') {
    keys(v, path, ['type', 'text']);
    if (parts.length < 2 || parts.join(' ') !== v.text) {
      fail(`${path}.text`, 'expected two or more syllables separated by single spaces');
    }
  } else {
    fail(`${path}.type`, "expected 'term' or 'phrase'");
  }
}

function checkMetadata(v: Record<string, unknown>, path: string): void {
  switch (v.type) {
    case 'topic':
      keys(v, path, ['type', 'topic']);
      oneOf(v.topic, TOPIC_IDS, `${path}.topic`);
      return;
    case 'tone':
      keys(v, path, ['type', 'tone']);
      oneOf(v.tone, ['positive', 'negative', 'neutral'], `${path}.tone`);
      return;
    case 'category':
      keys(v, path, ['type', 'category']);
      oneOf(v.category, SOURCE_CATEGORIES, `${path}.category`);
      return;
    case 'source':
      keys(v, path, ['type', 'source']);
      if (
        typeof v.source !== 'string' ||
        !SOURCE_VALUE.test(v.source) ||
        v.source !== v.source.toLowerCase()
      ) {
        fail(
          `${path}.source`,
          'expected a lowercase source id or domain without spaces, quotes or parentheses',
        );
      }
      return;
    default:
      keys(v, path, ['type', 'bound', 'date']);
      oneOf(v.bound, ['after', 'before'], `${path}.bound`);
      if (typeof v.date !== 'string' || !isCalendarDate(v.date)) {
        fail(`${path}.date`, 'expected a date as YYYY-MM-DD');
      }
  }
}
