// Sensitivity (taxonomy §4): coverage that needs the leadership's attention and a response.
// Reach spikes need the story clusters and are added by a later stage.
import type { SourceCategory, Tone, TopicId } from '../../src/schema.ts';

export type SensitivityInput = {
  relevant: boolean;
  topics: readonly TopicId[];
  tone: Tone;
  sourceCategory: SourceCategory | null | undefined;
  sensitiveTopics: ReadonlySet<TopicId>;
};

export function sensitivityOf(x: SensitivityInput): { sensitive: boolean; reasons: string[] } {
  // Coverage of another province never needs this province's response.
  if (!x.relevant || x.tone !== 'negative') return { sensitive: false, reasons: [] };
  const reasons = x.topics
    .filter((t) => x.sensitiveTopics.has(t))
    .map((t) => `sensitive-topic-negative:${t}`);
  if (x.sourceCategory === 'foreign-vietnamese') reasons.push('foreign-vietnamese-negative');
  return { sensitive: reasons.length > 0, reasons };
}
