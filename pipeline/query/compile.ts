// Many queries, one reading of the text. Every distinct term and phrase of every query goes
// into one index keyed by its first folded syllable, then a phrase by its second (terms
// written `x*` into a second map keyed by the folded prefix); each field's tokens are scanned
// once, each token looks up its candidates, and the start of every hit is recorded per leaf
// and field. Each query is then a predicate over those hit lists (NEAR compares positions)
// and the document's metadata: the cost grows with the text plus the hits, not with the
// number of keywords. `scan` goes further for callers that ask about a few queries of many
// (topics): a query none of whose leaves occurs is known at once, and hit lists are built
// only for the queries asked about.
import type { TextField } from '../../src/schema.ts';
import { phraseFits, tokenize, type Token, type TokenizedText } from '../classify/phrase-index.ts';
import { TEXT_FIELDS, type LeafNode, type QueryNode } from './ast.ts';
import {
  isPrepared,
  prepareDocument,
  startOfVietnamDay,
  type PreparedDocument,
  type QueryDocument,
} from './document.ts';
import { QuerySyntaxError } from './errors.ts';
import { parseQuery } from './parser.ts';
import { assertQueryNode } from './validate.ts';

/**
 * - `insensitive` (default, for people typing searches): syllables compare folded, so case,
 *   diacritics, tone placement, `đ`/`d` and NFD input make no difference.
 * - `strict` (for topic and place lists): the rule of classify/phrase-index.ts, exactly. In a
 *   text written with diacritics the marks of each syllable must be equal (`bão` never
 *   matches `báo`, and `bao` only matches `bao`); in a text written without them folded
 *   syllables suffice, except that a one-syllable term carrying marks matches nothing there
 *   (`bão` alone would catch every `bao`); a syllable capitalised in the query must be
 *   capitalised in the text unless the text has no capital at all.
 * In both modes a phrase never spans sentence punctuation and a term is a whole syllable.
 */
export type DiacriticsMode = 'insensitive' | 'strict';
export type CompileOptions = { diacritics?: DiacriticsMode };

/** One occurrence of a leaf: token offsets [start, end) in `field` (tokens of tokenize()). */
export type LeafHit = { leaf: LeafNode; field: TextField; start: number; end: number };
export type QueryExplanation<K> = { key: K; matched: boolean; hits: LeafHit[] };

/**
 * One reading of a document, asked about query by query (indexes in the order given). Only
 * what is asked is built, so a caller that needs the hits of a few queries out of hundreds
 * pays for those few.
 */
export interface QueryHits {
  /** Some term or phrase of query `i` occurs in the document (cheap). */
  has(i: number): boolean;
  /** The hits of query `i`'s terms and phrases, as `explain` lists them. */
  hits(i: number): LeafHit[];
}

export interface CompiledQuerySet<K> {
  /** The queries as ASTs, in the order given. */
  readonly queries: ReadonlyArray<{ key: K; query: QueryNode }>;
  /** Keys of the matching queries, in the order given. */
  match(doc: QueryDocument | PreparedDocument): K[];
  /** Every query with whether it matched and the hits of its terms and phrases. */
  explain(doc: QueryDocument | PreparedDocument): QueryExplanation<K>[];
  /** The text read once; the hits of each query on demand. */
  scan(doc: QueryDocument | PreparedDocument): QueryHits;
}

type Leaf = { node: LeafNode; tokens: Token[]; prefix: boolean };
/** hits[field][leafId]: sorted token starts, or undefined when the leaf is absent. */
type Hits = (number[] | undefined)[][];
type Ctx = { hits: Hits; doc: PreparedDocument };
type Pred = (ctx: Ctx, fields: readonly number[]) => boolean;

const ALL_FIELDS: readonly number[] = [0, 1, 2];

export function compileQueries<K>(
  queries: ReadonlyArray<{ key: K; query: QueryNode | string }>,
  opts: CompileOptions = {},
): CompiledQuerySet<K> {
  const strict = (opts.diacritics ?? 'insensitive') === 'strict';
  const leaves: Leaf[] = [];
  const leafIds = new Map<string, number>();
  /** Leaves by first folded syllable, then (phrases) by the second: few candidates to try. */
  const exact = new Map<string, { one: number[]; bySecond: Map<string, number[]> }>();
  const prefixes = new Map<string, number[]>();

  const leafId = (node: LeafNode): number => {
    const prefix = node.type === 'term' && node.prefix;
    // Strict leaves are told apart by their text as written: no need to cut a known one again.
    let tokens = strict ? undefined : tokenize(node.text).tokens;
    const spelled = tokens ? tokens.map((t) => t.folded).join(' ') : node.text;
    const id = `${node.type}|${prefix ? '*' : ''}|${spelled}`;
    const known = leafIds.get(id);
    if (known !== undefined) return known;
    tokens ??= tokenize(node.text).tokens;
    const n = leaves.length;
    leaves.push({ node, tokens, prefix });
    leafIds.set(id, n);
    const first = tokens[0]?.folded ?? '';
    if (prefix) prefixes.set(first, [...(prefixes.get(first) ?? []), n]);
    else {
      let bucket = exact.get(first);
      if (!bucket) {
        bucket = { one: [], bySecond: new Map() };
        exact.set(first, bucket);
      }
      const second = tokens[1]?.folded;
      if (second === undefined) bucket.one.push(n);
      else bucket.bySecond.set(second, [...(bucket.bySecond.get(second) ?? []), n]);
    }
    return n;
  };

  const compiled = queries.map(({ key, query }, i) => {
    let node: QueryNode;
    try {
      node = typeof query === 'string' ? parseQuery(query) : assertQueryNode(query);
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) throw e;
      const name = typeof key === 'string' || typeof key === 'number' ? ` '${key}'` : '';
      throw new QuerySyntaxError(e.position, `${e.reason} (query ${i}${name})`, { cause: e });
    }
    const ids: number[] = [];
    const pred = toPred(
      node,
      (leaf) => {
        const id = leafId(leaf);
        ids.push(id);
        return id;
      },
      (id) => leaves[id]?.tokens.length ?? 0,
    );
    return { key, query: node, pred, leafIds: [...new Set(ids)] };
  });

  /** leafQueries[leafId]: the queries that contain the leaf, so a hit marks them. */
  const leafQueries: number[][] = leaves.map(() => []);
  compiled.forEach((q, i) => {
    for (const id of q.leafIds) leafQueries[id]?.push(i);
  });

  const prefixLengths = [...new Set([...prefixes.keys()].map((p) => p.length))].sort(
    (a, b) => a - b,
  );

  /** The hits of every leaf, and the leaves found (each once, in order of first hit). */
  const scan = (doc: PreparedDocument): { hits: Hits; found: number[] } => {
    const found: number[] = [];
    const seen = new Uint8Array(leaves.length);
    const hits = TEXT_FIELDS.map((field) => {
      const perLeaf: (number[] | undefined)[] = new Array<number[] | undefined>(leaves.length);
      if (leaves.length > 0) scanField(doc.text[field], perLeaf, seen, found);
      return perLeaf;
    });
    return { hits, found };
  };

  const scanField = (
    text: TokenizedText,
    hits: (number[] | undefined)[],
    seen: Uint8Array,
    found: number[],
  ): void => {
    const { tokens } = text;
    const record = (id: number, at: number): void => {
      const list = hits[id];
      if (list) list.push(at);
      else {
        hits[id] = [at];
        if (seen[id] === 0) {
          seen[id] = 1;
          found.push(id);
        }
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const folded = (tokens[i] as Token).folded;
      const bucket = exact.get(folded);
      if (bucket !== undefined) {
        for (const id of bucket.one) {
          if (phraseFits(text, i, (leaves[id] as Leaf).tokens, strict)) record(id, i);
        }
        const next = tokens[i + 1];
        const phrases =
          next && bucket.bySecond.size > 0 ? bucket.bySecond.get(next.folded) : undefined;
        if (phrases !== undefined) {
          for (const id of phrases) {
            if (phraseFits(text, i, (leaves[id] as Leaf).tokens, strict)) record(id, i);
          }
        }
      }
      for (const len of prefixLengths) {
        if (len > folded.length) break;
        const ids = prefixes.get(folded.slice(0, len));
        if (ids === undefined) continue;
        for (const id of ids) {
          const p = leaves[id]?.tokens[0];
          if (p && fitsPrefix(text, i, p, strict)) record(id, i);
        }
      }
    }
  };

  const read = (doc: PreparedDocument): Hits => scan(doc).hits;

  const leafHits = (hits: Hits, q: number): LeafHit[] => {
    const out: LeafHit[] = [];
    for (const id of compiled[q]?.leafIds ?? []) {
      const leaf = leaves[id];
      if (!leaf) continue;
      for (let f = 0; f < hits.length; f++) {
        const starts = hits[f]?.[id];
        if (starts === undefined) continue;
        const field = TEXT_FIELDS[f] ?? 'body';
        for (const start of starts) {
          out.push({ leaf: leaf.node, field, start, end: start + leaf.tokens.length });
        }
      }
    }
    return out;
  };

  const prepare = (d: QueryDocument | PreparedDocument): PreparedDocument =>
    isPrepared(d) ? d : prepareDocument(d);

  return {
    queries: compiled.map(({ key, query }) => ({ key, query })),
    match(d) {
      const doc = prepare(d);
      const ctx: Ctx = { hits: read(doc), doc };
      return compiled.filter((q) => q.pred(ctx, ALL_FIELDS)).map((q) => q.key);
    },
    explain(d) {
      const doc = prepare(d);
      const ctx: Ctx = { hits: read(doc), doc };
      return compiled.map((q, i) => ({
        key: q.key,
        matched: q.pred(ctx, ALL_FIELDS),
        hits: leafHits(ctx.hits, i),
      }));
    },
    scan(d) {
      const { hits, found } = scan(prepare(d));
      const touched = new Uint8Array(compiled.length);
      for (const id of found) {
        for (const q of leafQueries[id] ?? []) touched[q] = 1;
      }
      return { has: (i) => touched[i] === 1, hits: (i) => leafHits(hits, i) };
    },
  };
}

/** A `x*` term: the token's folded syllable starts with the folded prefix (checked by the map). */
function fitsPrefix(text: TokenizedText, at: number, p: Token, strict: boolean): boolean {
  if (!strict) return true;
  const t = text.tokens[at];
  if (!t) return false;
  if (text.unaccented) return p.plain;
  if (!t.lower.startsWith(p.lower)) return false;
  return !(p.capitalized && !t.capitalized && !text.caseless);
}

function toPred(
  node: QueryNode,
  leafId: (leaf: LeafNode) => number,
  leafLength: (id: number) => number,
): Pred {
  switch (node.type) {
    case 'term':
    case 'phrase': {
      const id = leafId(node);
      return ({ hits }, fields) => fields.some((f) => hits[f]?.[id] !== undefined);
    }
    case 'and': {
      const cs = node.children.map((c) => toPred(c, leafId, leafLength));
      return (ctx, fields) => cs.every((c) => c(ctx, fields));
    }
    case 'or': {
      const cs = node.children.map((c) => toPred(c, leafId, leafLength));
      return (ctx, fields) => cs.some((c) => c(ctx, fields));
    }
    case 'not': {
      const c = toPred(node.child, leafId, leafLength);
      return (ctx, fields) => !c(ctx, fields);
    }
    case 'near': {
      const l = leafId(node.left);
      const r = leafId(node.right);
      const lenL = leafLength(l);
      const lenR = leafLength(r);
      const n = node.distance;
      return ({ hits }, fields) =>
        fields.some((f) => {
          const a = hits[f]?.[l];
          const b = hits[f]?.[r];
          return !!a && !!b && (follows(a, lenL, b, n) || follows(b, lenR, a, n));
        });
    }
    case 'field': {
      const c = toPred(node.child, leafId, leafLength);
      const only = [TEXT_FIELDS.indexOf(node.field)];
      return (ctx) => c(ctx, only);
    }
    case 'topic': {
      const topic = node.topic;
      return ({ doc }) => doc.doc.topics?.includes(topic) ?? false;
    }
    case 'tone': {
      const tone = node.tone;
      return ({ doc }) => doc.doc.tone === tone;
    }
    case 'category': {
      const category = node.category;
      return ({ doc }) => doc.doc.sourceCategory === category;
    }
    case 'source': {
      const v = node.source.replace(/^www\./, '');
      return ({ doc }) => doc.sourceKeys.some((k) => k === v || k.endsWith(`.${v}`));
    }
    case 'date': {
      const bound = startOfVietnamDay(node.date);
      const after = node.bound === 'after';
      return ({ doc }) =>
        doc.publishedMs !== null && (after ? doc.publishedMs >= bound : doc.publishedMs < bound);
    }
  }
}

/** Some b starts within `n` syllables after the end of some a (both lists sorted). */
function follows(a: number[], lenA: number, b: number[], n: number): boolean {
  for (const start of a) {
    const end = start + lenA;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((b[mid] ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    const first = b[lo];
    if (first !== undefined && first <= end + n) return true;
  }
  return false;
}
