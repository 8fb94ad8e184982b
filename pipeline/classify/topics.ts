// Topics (taxonomy §2): each topic of config/topics.yaml is a list of include and exclude
// entries in the query language (pipeline/query), all compiled once into one query set in
// strict diacritics mode, so a text is read once for the twelve topics together.
//
// Scoring, per topic:
//   1. Exclude entries cancel: every match of an exclude entry (its phrases and terms, or the
//      whole span of a NEAR pair) removes the include matches of the same topic it overlaps.
//      "biên giới" inside "không biên giới" is gone; a real "biên giới" elsewhere stays.
//   2. Each include entry is evaluated again on the remaining matches, reading the text zone
//      by zone: if it holds on the title alone it weighs 3, on the title and lead 2, on the
//      whole text 1 (zones.ts: a headless social post's opening counts as its lead). NOT and
//      `-` inside an entry therefore mean "not in what has been read so far".
//   3. An entry counts once however often it occurs; the topic holds when the weights of its
//      entries reach THRESHOLD: one entry in the title or lead, or two distinct entries in the
//      body, so a passing word deep in a text ("hợp tác đào tạo, du lịch" in a diplomacy
//      story) does not make a topic.
//   4. With a topic model (config/topic-model.json, topic-model.ts), the topics touched are
//      then weighed against each other, so a long article's side subjects are dropped: the
//      model, trained on labelled sets, decides from the evidence of steps 1–3.
import { parseTopicEntry, type LoadedTopics } from '../../src/config/topics.ts';
import type { TextField, TopicId } from '../../src/schema.ts';
import type { TokenizedDoc } from '../locate.ts';
import {
  compileQueries,
  prepareDocument,
  type CompiledQuerySet,
  type LeafHit,
  type LeafNode,
  type QueryNode,
} from '../query/index.ts';
import { RULE_THRESHOLD, selectTopics, topicCandidates, type TopicModel } from './topic-model.ts';
import { zoneOf, type Zone } from './zones.ts';

type EntryKey = { topic: number; exclude: boolean };

type CompiledTopic = {
  readonly id: TopicId;
  /** Indexes into the query set. */
  readonly include: readonly number[];
  readonly exclude: readonly number[];
};

export type CompiledTopics = {
  readonly queries: CompiledQuerySet<EntryKey>;
  /** Topics in config order, which is also the output order. */
  readonly topics: readonly CompiledTopic[];
  readonly order: readonly TopicId[];
  readonly sensitive: ReadonlySet<TopicId>;
  /** Decides which touched topics the text is about (topic-model.ts); else the threshold. */
  readonly model: TopicModel | undefined;
};

const ZONES: readonly Zone[] = ['title', 'lead', 'body'];
const ZONE_WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1 };
const THRESHOLD = RULE_THRESHOLD;

/**
 * The query set is built on first use: a process that loads the config but labels nothing
 * (most CLI commands, a crawl pass with no new page) does not pay for it. The entries were
 * parsed once already when the config was validated, so no error waits in here.
 */
export function compileTopics(cfg: LoadedTopics): CompiledTopics {
  const entries: { key: EntryKey; entry: string }[] = [];
  const topics = cfg.topics.map((t, i): CompiledTopic => {
    const add = (list: string[], exclude: boolean): number[] =>
      list.map((entry) => {
        entries.push({ key: { topic: i, exclude }, entry });
        return entries.length - 1;
      });
    return { id: t.id, include: add(t.include, false), exclude: add(t.exclude, true) };
  });
  let queries: CompiledQuerySet<EntryKey> | undefined;
  return {
    get queries(): CompiledQuerySet<EntryKey> {
      queries ??= compileQueries(
        entries.map(({ key, entry }) => ({ key, query: parseTopicEntry(entry) })),
        { diacritics: 'strict' },
      );
      return queries;
    },
    topics,
    order: topics.map((t) => t.id),
    sensitive: new Set(cfg.topics.filter((t) => t.sensitive).map((t) => t.id)),
    model: cfg.model,
  };
}

export function matchTopics(doc: TokenizedDoc, topics: CompiledTopics): TopicId[] {
  if (topics.model) {
    return selectTopics(topicCandidates(scoreTopics(doc, topics, 'all'), doc), topics.model);
  }
  return scoreTopics(doc, topics, 'until-held')
    .filter((t) => t.score >= THRESHOLD)
    .map((t) => t.id);
}

/** Why a topic holds or not: the weight each include entry (by index in the config) adds. */
export type TopicExplanation = {
  id: TopicId;
  score: number;
  /** The rules hold it (score ≥ THRESHOLD). */
  held: boolean;
  /** The decision: what matchTopics returns (the topic model's choice among held topics). */
  about: boolean;
  /** Each include entry that adds weight, with the spans that made it hold in that zone. */
  entries: { entry: number; zone: Zone; weight: number; spans: Span[]; occurrences: number }[];
};

export type ScoredTopic = Omit<TopicExplanation, 'held' | 'about'>;

/** The scoring of matchTopics entry by entry, for the eval's and an editor's "why". */
export function explainTopics(doc: TokenizedDoc, topics: CompiledTopics): TopicExplanation[] {
  const scored = scoreTopics(doc, topics, 'explain');
  const about = new Set(
    topics.model
      ? selectTopics(topicCandidates(scored, doc), topics.model)
      : scored.filter((t) => t.score >= THRESHOLD).map((t) => t.id),
  );
  return scored.map((t) => ({ ...t, held: t.score >= THRESHOLD, about: about.has(t.id) }));
}

/**
 * `until-held` stops reading a topic's entries once it holds (the rule decision needs no
 * more); `all` weighs every entry (the model's evidence); `explain` also keeps the spans.
 */
function scoreTopics(
  doc: TokenizedDoc,
  topics: CompiledTopics,
  mode: 'until-held' | 'all' | 'explain',
): ScoredTopic[] {
  const full = mode !== 'until-held';
  // The tokens are classify's own; the query document's strings are unused because topic
  // entries hold no metadata filter (refused at config load).
  const prepared = prepareDocument({ title: '', body: '' }, doc);
  // Most texts touch few entries: the scan says which queries have a hit at all, and only
  // those are looked at (an entry without hits never counts, whatever its NOTs).
  const set = topics.queries;
  const found = set.scan(prepared);
  const rank = (h: LeafHit): number => ZONES.indexOf(zoneOf(doc, h.field, h.start));
  const out: ScoredTopic[] = [];
  for (const t of topics.topics) {
    if (!t.include.some((i) => found.has(i))) continue;
    const cancel: Span[] = [];
    for (const i of t.exclude) {
      const node = set.queries[i]?.query;
      if (!found.has(i) || !node) continue;
      cancel.push(...(support(node, byLeaf(found.hits(i)), ALL_FIELDS) ?? []));
    }
    let score = 0;
    const entries: TopicExplanation['entries'] = [];
    for (const [n, i] of t.include.entries()) {
      const node = set.queries[i]?.query;
      if (!found.has(i) || !node) continue;
      const kept = found.hits(i).filter((h) => !cancel.some((c) => overlaps(c, h)));
      if (kept.length === 0) continue;
      const held = isDisjunction(node)
        ? disjunctionZone(kept, rank, mode === 'explain')
        : queryZone(node, kept, rank);
      if (held) {
        const zone = ZONES[held.z] ?? 'body';
        const weight = ZONE_WEIGHT[zone];
        score += weight;
        entries.push({ entry: n, zone, weight, spans: held.spans, occurrences: kept.length });
      }
      if (score >= THRESHOLD && !full) break;
    }
    out.push({ id: t.id, score, entries });
  }
  return out;
}

export type Span = { field: TextField; start: number; end: number };

type Held = { z: number; spans: Span[] };

/** Any hit makes an OR of words hold: its zone is the best zone of its hits. */
function disjunctionZone(
  kept: readonly LeafHit[],
  rank: (h: LeafHit) => number,
  spans: boolean,
): Held {
  let z = ZONES.length - 1;
  for (const h of kept) z = Math.min(z, rank(h));
  return { z, spans: spans ? kept.filter((h) => rank(h) <= z) : [] };
}

/** The first zone (title, then lead, then body) by which the entry holds, reading up to it. */
function queryZone(
  node: QueryNode,
  kept: readonly LeafHit[],
  rank: (h: LeafHit) => number,
): Held | null {
  // Before the zone of its first hit the entry reads nothing, and an entry holds on some hit.
  let first = ZONES.length - 1;
  for (const h of kept) first = Math.min(first, rank(h));
  for (let z = first; z < ZONES.length; z++) {
    const spans = support(node, byLeaf(kept.filter((h) => rank(h) <= z)), ALL_FIELDS);
    if (spans !== null) return { z, spans };
  }
  return null;
}

const disjunctions = new WeakMap<QueryNode, boolean>();

/** A word, a phrase, or an OR of them (field-free): it holds wherever one of them occurs. */
function isDisjunction(n: QueryNode): boolean {
  let known = disjunctions.get(n);
  if (known === undefined) {
    known =
      n.type === 'term' ||
      n.type === 'phrase' ||
      (n.type === 'or' && n.children.every((c) => c.type === 'term' || c.type === 'phrase'));
    disjunctions.set(n, known);
  }
  return known;
}
const ALL_FIELDS: readonly TextField[] = ['title', 'sapo', 'body'];

const overlaps = (a: Span, b: Span): boolean =>
  a.field === b.field && a.start < b.end && b.start < a.end;

/** The identity compileQueries gives a leaf in strict mode (same text, same leaf). */
const leafKey = (n: LeafNode): string =>
  `${n.type}|${n.type === 'term' && n.prefix ? '*' : ''}|${n.text}`;

function byLeaf(hits: readonly LeafHit[]): Map<string, LeafHit[]> {
  const m = new Map<string, LeafHit[]>();
  for (const h of hits) {
    const k = leafKey(h.leaf);
    const list = m.get(k);
    if (list) list.push(h);
    else m.set(k, [h]);
  }
  return m;
}

/**
 * Evaluates a query on a set of hits, as compileQueries' predicate does on all of them, and
 * returns the spans that make it hold (empty for a NOT that holds), or null when it does not.
 */
function support(
  n: QueryNode,
  hits: ReadonlyMap<string, LeafHit[]>,
  fields: readonly TextField[],
): Span[] | null {
  switch (n.type) {
    case 'term':
    case 'phrase': {
      const hs = (hits.get(leafKey(n)) ?? []).filter((h) => fields.includes(h.field));
      return hs.length > 0 ? hs : null;
    }
    case 'and': {
      const out: Span[] = [];
      for (const c of n.children) {
        const s = support(c, hits, fields);
        if (s === null) return null;
        out.push(...s);
      }
      return out;
    }
    case 'or': {
      let held = false;
      const out: Span[] = [];
      for (const c of n.children) {
        const s = support(c, hits, fields);
        if (s === null) continue;
        held = true;
        out.push(...s);
      }
      return held ? out : null;
    }
    case 'not':
      return support(n.child, hits, fields) === null ? [] : null;
    case 'near': {
      const left = (hits.get(leafKey(n.left)) ?? []).filter((h) => fields.includes(h.field));
      const right = hits.get(leafKey(n.right)) ?? [];
      const out: Span[] = [];
      for (const a of left) {
        for (const b of right) {
          if (a.field !== b.field) continue;
          const gap = a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : -1;
          if (gap < 0 || gap > n.distance) continue;
          out.push({
            field: a.field,
            start: Math.min(a.start, b.start),
            end: Math.max(a.end, b.end),
          });
        }
      }
      return out.length > 0 ? out : null;
    }
    case 'field':
      return support(n.child, hits, fields.includes(n.field) ? [n.field] : []);
    default:
      // Metadata filters are refused at config load.
      return null;
  }
}
