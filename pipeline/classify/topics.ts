// Topics (taxonomy §2): phrases of config/topics.yaml matched on folded syllables. An
// exclude phrase cancels the include matches it overlaps. A topic needs enough weight: one
// match in the title or lead, or two in the body, so a passing word deep in a text ("hợp tác
// đào tạo, du lịch" in a diplomacy story) does not make a topic.
import type { TopicsConfig } from '../../src/config/topics.ts';
import type { TopicId } from '../../src/schema.ts';
import { FIELDS, type TokenizedDoc } from '../locate.ts';
import { PhraseIndex } from './phrase-index.ts';
import { zoneOf, type Zone } from './zones.ts';

type TopicPhrase = { topic: TopicId; exclude: boolean };

export type CompiledTopics = {
  readonly index: PhraseIndex<TopicPhrase>;
  /** Topic ids in config order, which is also the output order. */
  readonly order: readonly TopicId[];
  readonly sensitive: ReadonlySet<TopicId>;
};

const ZONE_WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1 };
const THRESHOLD = 2;

export function compileTopics(cfg: TopicsConfig): CompiledTopics {
  const index = new PhraseIndex<TopicPhrase>();
  for (const t of cfg.topics) {
    for (const p of t.include) index.add(p, { topic: t.id, exclude: false });
    for (const p of t.exclude) index.add(p, { topic: t.id, exclude: true });
  }
  return {
    index,
    order: cfg.topics.map((t) => t.id),
    sensitive: new Set(cfg.topics.filter((t) => t.sensitive).map((t) => t.id)),
  };
}

export function matchTopics(doc: TokenizedDoc, topics: CompiledTopics): TopicId[] {
  const score = new Map<TopicId, number>();
  for (const field of FIELDS) {
    const matches = topics.index.match(doc[field]);
    const excluded = matches.filter((m) => m.value.exclude);
    const included = matches.filter((m) => !m.value.exclude);
    for (const m of included) {
      // "qua biên giới" and the "biên giới" inside it are one signal, not two.
      const nested = included.some(
        (o) =>
          o !== m &&
          o.value.topic === m.value.topic &&
          o.start <= m.start &&
          o.end >= m.end &&
          o.end - o.start > m.end - m.start,
      );
      if (nested) continue;
      const cancelled = excluded.some(
        (x) => x.value.topic === m.value.topic && x.start < m.end && m.start < x.end,
      );
      if (cancelled) continue;
      const w = ZONE_WEIGHT[zoneOf(doc, field, m.start)];
      score.set(m.value.topic, (score.get(m.value.topic) ?? 0) + w);
    }
  }
  return topics.order.filter((id) => (score.get(id) ?? 0) >= THRESHOLD);
}
