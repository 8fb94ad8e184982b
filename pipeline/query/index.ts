/**
 * The boolean query language of Điểm Tin: what people type into search, what topics are
 * written in, and one AST that the in-memory matcher here (and later SQLite FTS5 and
 * Elasticsearch) compile.
 *
 * Grammar (EBNF; keywords are uppercase only, `and`/`or` are ordinary words):
 *
 *   query    = or ;
 *   or       = and , { "OR" , and } ;
 *   and      = near , { [ "AND" ] , near } ;           (* adjacent items: implicit AND *)
 *   near     = unary , [ "NEAR/" , digits , unary ] ;  (* both sides a term or phrase; n ≤ 1000 *)
 *   unary    = ( "NOT" | "-" ) , unary | primary ;     (* "-" glued to what it negates: -báo *)
 *   primary  = term | phrase | "(" , or , ")" | field | filter ;
 *   term     = word , [ "*" ] ;                        (* "*": syllable prefix, one syllable only *)
 *   phrase   = '"' , { any character but '"' } , '"' ;   (* “curly” quotes work too *)
 *   field    = ( "title" | "sapo" | "body" ) , ":" , ( term | phrase | "(" , or , ")" ) ;
 *   filter   = "topic:" , topic-id | "tone:" , ( "positive" | "negative" | "neutral" )
 *            | "source:" , source-id-or-domain | "category:" , source-category
 *            | "after:" , date | "before:" , date ;    (* date = YYYY-MM-DD *)
 *   word     = any run of characters but white space, '(', ')', '"' ;
 *
 * Precedence, tightest first: NOT, NEAR, AND, OR. `a b OR c` is `(a AND b) OR c`.
 * - A word or phrase is cut into syllables as pipeline/classify/phrase-index.ts tokenize()
 *   does; a word of several syllables (`covid-19`) is the phrase "covid 19", a quoted single
 *   syllable is a term. Terms match whole syllables, phrases runs of syllables within one
 *   sentence, never substrings: `nông` matches "Đắk Nông" but not "nôngnghiệp".
 * - NEAR/n: both sides in the same field, at most n syllables between them, either order.
 * - A field filter restricts the text inside it to title, sapo or body; without one a text
 *   item matches in any of the three. Field filters do not nest and hold no metadata filter.
 * - topic, category: ids of src/schema.ts. source: the source id or its domain (subdomains
 *   included), case-insensitive. after:D is inclusive, before:D exclusive, both at 00:00 of D
 *   in Asia/Ho_Chi_Minh (+07:00): `after:2026-11-20 before:2026-11-21` is that Vietnamese day.
 *   A document without a readable date matches neither (so `NOT before:D` includes it).
 * - Diacritics: see DiacriticsMode (insensitive by default, `strict` for topic lists).
 * - Limits: MAX_QUERY_LENGTH characters, MAX_QUERY_DEPTH nested parentheses/NOT/fields,
 *   NEAR distance ≤ MAX_NEAR_DISTANCE. Every mistake is a QuerySyntaxError with `position`.
 */
export type {
  AndNode,
  CategoryNode,
  DateNode,
  FieldNode,
  LeafNode,
  MetadataNode,
  NearNode,
  NotNode,
  OrNode,
  PhraseNode,
  QueryNode,
  SourceNode,
  TermNode,
  ToneNode,
  TopicNode,
} from './ast.ts';
export { MAX_NEAR_DISTANCE, MAX_QUERY_DEPTH, MAX_QUERY_LENGTH } from './ast.ts';
export { QuerySyntaxError } from './errors.ts';
export { parseQuery } from './parser.ts';
export { formatQuery } from './format.ts';
export { assertQueryNode } from './validate.ts';
export { prepareDocument, type PreparedDocument, type QueryDocument } from './document.ts';
export {
  compileQueries,
  type CompileOptions,
  type CompiledQuerySet,
  type DiacriticsMode,
  type LeafHit,
  type QueryExplanation,
  type QueryHits,
} from './compile.ts';
