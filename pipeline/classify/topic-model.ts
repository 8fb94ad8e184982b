// Which of the topics a text touches is it ABOUT? The rules of config/topics.yaml find every
// topic a text touches; on a long article that is also the side subjects (a budget figure in
// a border story, a festival named in an investment report), which a bulletin editor does not
// file the item under. A small logistic model decides, from how each touched topic stands in
// the text: where its signals are (title, lead, body), how many distinct signals and how many
// occurrences, its share of all topic signals, its rank, whether another topic holds in the
// title while it does not, whether the text is a post without title, the length of the text.
// It never sees words, only the rules' evidence, so it learns what "about" looks like, not a
// vocabulary; it is trained on our labelled sets (src/eval/topic-training.ts, `diemtin
// train`) and shipped as config/topic-model.json. Pure.
import { z } from 'zod';
import { TOPIC_IDS, type TopicId } from '../../src/schema.ts';
import type { TokenizedDoc } from '../locate.ts';
import { linearScore } from './linear.ts';
import type { ScoredTopic } from './topics.ts';

/** The rule threshold: one signal in the title or lead, or two in the body. */
export const RULE_THRESHOLD = 2;

export const FEATURES = [
  'holds by the rules',
  'log(1 + rule score)',
  'a signal in the title',
  'a signal in the lead',
  'log(1 + distinct signals)',
  'log(1 + occurrences)',
  'share of all topic mass',
  'largest mass of the text',
  'mass / largest mass',
  'log(1 + body syllables)',
  'occurrences per 100 body syllables',
  'topics holding by the rules',
  'score / largest score',
  'rank by mass',
  'mass / largest mass × log(1 + body syllables)',
  'another held topic is in the title, this one is not',
  'a post without title',
  ...TOPIC_IDS.map((id) => `topic ${id}`),
  ...TOPIC_IDS.map((id) => `topic ${id}, shadowed by another in the title`),
] as const;

export const TopicModel = z.strictObject({
  /** Names of the features, in order (a model made for other features is refused). */
  features: z.array(z.string()),
  /** Standardisation: x' = (x − mean) / scale. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** A topic is kept when its probability reaches this. */
  threshold: z.number().min(0).max(1),
  /** SHA-256 of the topics' include and exclude entries the model was trained with. */
  rulesHash: z.string(),
  /** Labelled sets trained on, with their item counts. */
  trainedOn: z.array(z.strictObject({ name: z.string(), items: z.number().int() })),
});
export type TopicModel = z.infer<typeof TopicModel>;

export type TopicCandidate = { id: TopicId; x: number[]; ruleHeld: boolean };

/** Zone weights of the mass: an occurrence in the title says more than one in the body. */
const MASS_WEIGHT = { title: 3, lead: 2, body: 1 } as const;

/** One feature vector per topic the text touches at all (a signal of it matched). */
export function topicCandidates(
  explained: readonly ScoredTopic[],
  doc: TokenizedDoc,
): TopicCandidate[] {
  const touched = explained.filter((t) => t.score > 0);
  if (touched.length === 0) return [];
  const masses = touched.map((t) =>
    t.entries.reduce((a, e) => a + e.occurrences * MASS_WEIGHT[e.zone], 0),
  );
  const total = masses.reduce((a, b) => a + b, 0) || 1;
  const maxMass = Math.max(...masses) || 1;
  const maxScore = Math.max(1, ...touched.map((t) => t.score));
  const ranked = [...masses].sort((a, b) => b - a);
  const bodyLength = doc.body.tokens.length;
  const logBody = Math.log1p(bodyLength);
  const held = touched.filter((t) => t.score >= RULE_THRESHOLD).length;
  const inTitle = touched.map((t) => t.entries.some((e) => e.zone === 'title'));
  const heldInTitle = touched.filter((t, i) => inTitle[i] && t.score >= RULE_THRESHOLD).length;
  const post = doc.title.tokens.length === 0 ? 1 : 0;
  return touched.map((t, i) => {
    const mass = masses[i] ?? 0;
    const occurrences = t.entries.reduce((a, e) => a + e.occurrences, 0);
    const shadowed = !inTitle[i] && heldInTitle > 0;
    const x = [
      t.score >= RULE_THRESHOLD ? 1 : 0,
      Math.log1p(t.score),
      inTitle[i] ? 1 : 0,
      t.entries.some((e) => e.zone === 'lead') ? 1 : 0,
      Math.log1p(t.entries.length),
      Math.log1p(occurrences),
      mass / total,
      mass === maxMass ? 1 : 0,
      mass / maxMass,
      logBody,
      (occurrences / Math.max(50, bodyLength)) * 100,
      held,
      t.score / maxScore,
      ranked.indexOf(mass),
      (mass / maxMass) * logBody,
      shadowed ? 1 : 0,
      post,
      ...TOPIC_IDS.map((id) => (id === t.id ? 1 : 0)),
      ...TOPIC_IDS.map((id) => (id === t.id && shadowed ? 1 : 0)),
    ];
    return { id: t.id, x, ruleHeld: t.score >= RULE_THRESHOLD };
  });
}

export function probability(model: TopicModel, x: readonly number[]): number {
  const z = linearScore(model.weights, model.bias, model.mean, model.scale, x);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The topics the text is about, in the order of `explained` (config order): of those the rules
 * hold, the ones the model keeps. The model only removes: it never adds a topic the rules do
 * not hold (on texts longer than it was trained on, it would guess).
 */
export function selectTopics(candidates: readonly TopicCandidate[], model: TopicModel): TopicId[] {
  return candidates
    .filter((c) => c.ruleHeld && probability(model, c.x) >= model.threshold)
    .map((c) => c.id);
}

/** Throws when a model was made for another feature set than this code computes. */
export function checkModelShape(model: TopicModel): void {
  const same =
    model.features.length === FEATURES.length &&
    model.features.every((f, i) => f === FEATURES[i]) &&
    [model.mean, model.scale, model.weights].every((v) => v.length === FEATURES.length);
  if (!same) {
    throw new Error(
      'classify: the topic model was made for other features than this version computes; ' +
        'retrain it (diemtin train)',
    );
  }
}
