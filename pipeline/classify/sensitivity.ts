// Sensitivity (taxonomy §4): coverage that needs the leadership's attention and a response.
// Three reasons, each listed in `reasons` in this order:
//   sensitive-topic-negative:<topic>  a sensitive topic (topics.yaml) with negative tone;
//   foreign-vietnamese-negative       negative coverage from a Vietnamese-language outlet abroad;
//   reach-spike                       a story carried by unusually many outlets.
// Reach comes from the story clusters, so per-page classify leaves it out and the stories stage
// may call this again with it. Coverage of another province is never sensitive.
import type { SourceCategory, Tone, TopicId } from '../../src/schema.ts';

export type SensitivityInput = {
  relevant: boolean;
  topics: readonly TopicId[];
  tone: Tone;
  sourceCategory: SourceCategory | null | undefined;
  sensitiveTopics: ReadonlySet<TopicId>;
  /** Distinct outlets carrying the story, when the clusters are known. */
  reach?: number | undefined;
  /** Reach from which a story counts as a spike (default REACH_SPIKE). */
  reachSpike?: number | undefined;
};

/**
 * Outlets from which a story's reach counts as a spike. Syndication of provincial news
 * usually stops at two or three outlets (the provincial paper, one or two central sites).
 */
export const REACH_SPIKE = 5;

export const SENSITIVE_REASONS = {
  topic: (t: TopicId) => `sensitive-topic-negative:${t}`,
  foreign: 'foreign-vietnamese-negative',
  reach: 'reach-spike',
} as const;

export function sensitivityOf(x: SensitivityInput): { sensitive: boolean; reasons: string[] } {
  if (!x.relevant) return { sensitive: false, reasons: [] };
  const reasons: string[] = [];
  if (x.tone === 'negative') {
    for (const t of x.topics)
      if (x.sensitiveTopics.has(t)) reasons.push(SENSITIVE_REASONS.topic(t));
    if (x.sourceCategory === 'foreign-vietnamese') reasons.push(SENSITIVE_REASONS.foreign);
  }
  if (x.reach !== undefined && x.reach >= (x.reachSpike ?? REACH_SPIKE)) {
    reasons.push(SENSITIVE_REASONS.reach);
  }
  return { sensitive: reasons.length > 0, reasons };
}
