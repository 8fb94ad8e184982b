// Schema of config/topics.yaml: the 12 topics of the taxonomy (shared/domain/taxonomy.md §2),
// each a list of signals written in the query language of pipeline/query (grammar in
// pipeline/query/index.ts), matched in strict diacritics mode by pipeline/classify/topics.ts.
//
// An entry is either
//   - a plain phrase, as before (`biên giới`, `Tin Lành`, `M'Nông`): an entry with no query
//     syntax at all (no quote, parenthesis, AND/OR/NOT/NEAR/n keyword, leading `-`, field
//     prefix or trailing `*`) is read as ONE quoted phrase, so `biên giới` means the run
//     "biên giới", not `biên AND giới`; or
//   - a query (`"sạt lở" OR "lũ quét"`, `bão -"bão giá"`, `"đường biên" NEAR/5 Campuchia`,
//     `title:("tin giả")`): written as the grammar says, quotes around every phrase.
// Every entry is parsed here, at config load, so a mistake stops the program naming the file,
// the key (`topics.3.include.5`) and the position in the query. Metadata filters (topic:,
// tone:, source:, category:, after:, before:) are refused: a topic is decided by the text.
import { z } from 'zod';
import type { QueryNode } from '../../pipeline/query/index.ts';
import { parseQuery, QuerySyntaxError } from '../../pipeline/query/index.ts';
import { TOPIC_IDS, TopicId } from '../schema.ts';
import { sha256Hex } from '../../pipeline/hash.ts';
import type { TopicModel } from '../../pipeline/classify/topic-model.ts';
import type { ToneModel } from '../../pipeline/classify/tone-model.ts';

const Entry = z.string().trim().min(1);

export const TopicDef = z.strictObject({
  id: TopicId,
  /** Vietnamese label shown to users, as in the taxonomy. */
  label: z.string().trim().min(1),
  /**
   * Signals of the topic, each a phrase or a query. Each entry adds the weight of the best
   * zone where it holds (title 3, lead 2, body 1) once, however often it occurs: variants of
   * one signal belong in one entry joined with OR, so that they count once.
   */
  include: z.array(Entry).min(1),
  /**
   * Phrases or queries whose matches cancel the include matches of this topic they overlap
   * ("bão giá" is not a storm, "biên giới mềm" is not a border); the include entries are then
   * evaluated again without the cancelled matches, so the topic still holds on other signals.
   */
  exclude: z.array(Entry).default([]),
  /** One of the topics the plans name for special watch (taxonomy §2). */
  sensitive: z.boolean(),
});
export type TopicDef = z.infer<typeof TopicDef>;

const KEYWORD = /^(AND|OR|NOT|NEAR\/\S*)$/;
const FIELD_PREFIX = /^(title|sapo|body|topic|tone|source|category|after|before):/;
const METADATA = /\b(topic|tone|source|category|after|before):/;

/** True when an entry uses no query syntax, so that it stands for one phrase. */
export function isPlainPhrase(entry: string): boolean {
  if (/["“”()]/.test(entry)) return false;
  return entry
    .trim()
    .split(/\s+/)
    .every(
      (w) => !KEYWORD.test(w) && !w.startsWith('-') && !w.endsWith('*') && !FIELD_PREFIX.test(w),
    );
}

/** The query text of an entry: a plain phrase quoted, a query as written. */
export function topicQueryText(entry: string): string {
  const t = entry.trim();
  return isPlainPhrase(t) ? `"${t}"` : t;
}

/** Parses one entry; a QuerySyntaxError's position is an offset into the trimmed entry. */
export function parseTopicEntry(entry: string): QueryNode {
  const plain = isPlainPhrase(entry.trim());
  let node: QueryNode;
  try {
    node = parseQuery(plain ? `"${entry.trim()}"` : entry.trim());
  } catch (e) {
    if (!(e instanceof QuerySyntaxError) || !plain) throw e;
    throw new QuerySyntaxError(Math.max(0, e.position - 1), e.reason, { cause: e });
  }
  if (usesMetadata(node)) {
    const at = METADATA.exec(entry.trim())?.index ?? 0;
    throw new QuerySyntaxError(at, 'a topic query reads the text only: no metadata filter');
  }
  return node;
}

function usesMetadata(n: QueryNode): boolean {
  switch (n.type) {
    case 'term':
    case 'phrase':
    case 'near':
      return false;
    case 'and':
    case 'or':
      return n.children.some(usesMetadata);
    case 'not':
    case 'field':
      return usesMetadata(n.child);
    default:
      return true;
  }
}

export const TopicsConfig = z
  .strictObject({
    topics: z.array(TopicDef),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.topics.forEach((t, i) => {
      if (seen.has(t.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'id'],
          message: `duplicate topic "${t.id}"`,
        });
      }
      seen.add(t.id);
      for (const list of ['include', 'exclude'] as const) {
        t[list].forEach((entry, j) => {
          try {
            parseTopicEntry(entry);
          } catch (e) {
            if (!(e instanceof QuerySyntaxError)) throw e;
            ctx.addIssue({
              code: 'custom',
              path: ['topics', i, list, j],
              message: `invalid query at position ${e.position}: ${e.reason} (in ${JSON.stringify(entry)})`,
            });
          }
        });
      }
    });
    const missing = TOPIC_IDS.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['topics'],
        message: `missing topics: ${missing.join(', ')}`,
      });
    }
  });
export type TopicsConfig = z.infer<typeof TopicsConfig>;
export type TopicsConfigInput = z.input<typeof TopicsConfig>;

/**
 * The classifier's config as loaded: topics.yaml, and beside it the topic model and the tone
 * model when the folder has them.
 */
export type LoadedTopics = TopicsConfig & {
  model?: TopicModel | undefined;
  toneModel?: ToneModel | undefined;
};

/** What a topic model depends on: every topic's include and exclude entries, in order. */
export function rulesHash(cfg: TopicsConfig): string {
  return sha256Hex(JSON.stringify(cfg.topics.map((t) => [t.id, t.include, t.exclude] as const)));
}
