// The query AST: a plain, JSON-serialisable tree (no classes, no functions, no undefined
// fields), so the same value can be stored, sent to the UI, compiled to the in-memory matcher
// here, and later to SQLite FTS5 and Elasticsearch. parseQuery produces only canonical nodes
// (what `assertQueryNode` accepts), and formatQuery(node) parses back to an equal node.
import type { SourceCategory, TextField, TopicId, Tone } from '../../src/schema.ts';

/**
 * One syllable. `text` is exactly one syllable as written in the query: NFC, tone mark in the
 * canonical placement (hoà → hòa), case kept (strict mode checks capitals), no punctuation.
 * `prefix` is true for `thủy*`: any syllable starting with `text`.
 */
export type TermNode = { type: 'term'; text: string; prefix: boolean };

/** Two or more syllables in a row; `text` holds them separated by single spaces. */
export type PhraseNode = { type: 'phrase'; text: string };

/** What NEAR joins and what the matcher indexes. */
export type LeafNode = TermNode | PhraseNode;

/** Every child matches. Two or more children; an `and` child keeps its own parentheses. */
export type AndNode = { type: 'and'; children: QueryNode[] };

/** Some child matches. Two or more children. */
export type OrNode = { type: 'or'; children: QueryNode[] };

export type NotNode = { type: 'not'; child: QueryNode };

/**
 * Both leaves occur in the same text field with at most `distance` syllables between the end
 * of one and the start of the other, in either order, without overlapping.
 */
export type NearNode = { type: 'near'; left: LeafNode; right: LeafNode; distance: number };

/** The text part of `child` must match inside one field (no field or metadata filter below). */
export type FieldNode = { type: 'field'; field: TextField; child: QueryNode };

export type TopicNode = { type: 'topic'; topic: TopicId };
export type ToneNode = { type: 'tone'; tone: Tone };
/** `source` is lowercase: a source id (`vnexpress`) or a domain (`vnexpress.net`). */
export type SourceNode = { type: 'source'; source: string };
export type CategoryNode = { type: 'category'; category: SourceCategory };
/**
 * Publication date against a calendar day in Asia/Ho_Chi_Minh (UTC+07:00, no daylight
 * saving): `after` is inclusive (published at or after 00:00 of `date`), `before` exclusive
 * (published before 00:00 of `date`). A document without a readable date matches neither.
 */
export type DateNode = { type: 'date'; bound: 'after' | 'before'; date: string };

export type MetadataNode = TopicNode | ToneNode | SourceNode | CategoryNode | DateNode;

export type QueryNode =
  TermNode | PhraseNode | AndNode | OrNode | NotNode | NearNode | FieldNode | MetadataNode;

/** Longest query text parseQuery reads. */
export const MAX_QUERY_LENGTH = 10_000;
/** Deepest nesting of parentheses, NOT and field filters (also checked on ASTs given as data). */
export const MAX_QUERY_DEPTH = 100;
/** Largest n of NEAR/n. */
export const MAX_NEAR_DISTANCE = 1_000;

export const KEYWORDS: readonly string[] = ['AND', 'OR', 'NOT', 'NEAR'];
export const TEXT_FIELDS: readonly TextField[] = ['title', 'sapo', 'body'];
export const METADATA_FIELDS = ['topic', 'tone', 'source', 'category', 'after', 'before'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
