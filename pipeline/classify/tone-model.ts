// Tone of a long text from the lexicon's evidence. On a short item the lexicon's rule decides
// well (tone.ts); on a full article it finds praise and harm in almost every text, so plain
// reports read as positive or negative. A small softmax model weighs that evidence instead:
// the positive and negative sums by field, the strong cues, the frames (plan, help after harm,
// denial), the length, the topics and the source category, and the rule's own answer. It never
// sees words. Trained on our labelled sets (src/eval/tone-training.ts, `diemtin train`),
// shipped as config/tone-model.json, used from `minLength` syllables of lead and body. Pure.
import { z } from 'zod';
import { TOPIC_IDS, type SourceCategory, type Tone, type TopicId } from '../../src/schema.ts';
import type { TokenizedDoc } from '../locate.ts';
import { linearScore } from './linear.ts';
import type { ToneResult } from './tone.ts';

export const TONES = ['positive', 'neutral', 'negative'] as const satisfies readonly Tone[];

/** Lengths beyond what the model was trained on read as this long (no extrapolation). */
const MAX_LENGTH = 320;

export const TONE_FEATURES = [
  'log(1 + positive)',
  'log(1 + negative)',
  '(positive − negative) / (positive + negative + 1)',
  'log(1 + title positive)',
  'log(1 + title negative)',
  'log(1 + lead positive)',
  'log(1 + lead negative)',
  'log(1 + body positive)',
  'log(1 + body negative)',
  'strong positive cue in the title',
  'strong negative cue in the title',
  'strong positive cue in lead or body',
  'strong negative cue in lead or body',
  'official denial',
  'title frames a plan',
  'harm framed (help after it, or a plan against it)',
  'neutral frame in the title',
  'log(1 + lead and body syllables)',
  'log(1 + positive) / log length',
  'log(1 + negative) / log length',
  'foreign-vietnamese source',
  'social source',
  ...TOPIC_IDS.map((id) => `topic ${id}`),
  'the rule says positive',
  'the rule says negative',
] as const;

export const ToneModel = z.strictObject({
  features: z.array(z.string()),
  classes: z.array(z.enum(TONES)),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
  /** Texts shorter than this (syllables of lead and body) keep the rule's tone. */
  minLength: z.number().int().min(0),
  trainedOn: z.array(z.strictObject({ name: z.string(), items: z.number().int() })),
});
export type ToneModel = z.infer<typeof ToneModel>;

/** Syllables of lead and body: what decides whether the model is used. */
export function textLength(doc: TokenizedDoc): number {
  return doc.sapo.tokens.length + doc.body.tokens.length;
}

export function toneFeatures(
  result: ToneResult,
  doc: TokenizedDoc,
  topics: readonly TopicId[],
  sourceCategory: SourceCategory | null | undefined,
): number[] {
  const [title, lead, body] = result.fields;
  const l1 = Math.log1p;
  const logLength = l1(Math.min(MAX_LENGTH, textLength(doc)));
  const pos = l1(result.positive);
  const neg = l1(result.negative);
  return [
    pos,
    neg,
    (result.positive - result.negative) / (result.positive + result.negative + 1),
    l1(title?.pos ?? 0),
    l1(title?.neg ?? 0),
    l1(lead?.pos ?? 0),
    l1(lead?.neg ?? 0),
    l1(body?.pos ?? 0),
    l1(body?.neg ?? 0),
    title?.strongPos ? 1 : 0,
    title?.strongNeg ? 1 : 0,
    lead?.strongPos || body?.strongPos ? 1 : 0,
    lead?.strongNeg || body?.strongNeg ? 1 : 0,
    result.denial ? 1 : 0,
    result.aimed ? 1 : 0,
    result.framedHarm ? 1 : 0,
    title?.frame ? 1 : 0,
    logLength,
    pos / (logLength || 1),
    neg / (logLength || 1),
    sourceCategory === 'foreign-vietnamese' ? 1 : 0,
    sourceCategory === 'social' ? 1 : 0,
    ...TOPIC_IDS.map((id) => (topics.includes(id) ? 1 : 0)),
    result.tone === 'positive' ? 1 : 0,
    result.tone === 'negative' ? 1 : 0,
  ];
}

/** The model's tone, or the rule's on a text shorter than the model's minLength. */
export function modelTone(
  model: ToneModel,
  result: ToneResult,
  doc: TokenizedDoc,
  topics: readonly TopicId[],
  sourceCategory: SourceCategory | null | undefined,
): Tone {
  return decideTone(model, textLength(doc), result.tone, () =>
    toneFeatures(result, doc, topics, sourceCategory),
  );
}

/**
 * The rule's tone on a text shorter than the model's minLength, else the class of highest
 * score; the features are computed only when the model decides (training passes its own).
 */
export function decideTone(
  model: ToneModel,
  length: number,
  rule: Tone,
  features: () => readonly number[],
): Tone {
  if (length < model.minLength) return rule;
  const x = features();
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < model.classes.length; k++) {
    const s = linearScore(model.weights[k] ?? [], model.bias[k] ?? 0, model.mean, model.scale, x);
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  return model.classes[best] ?? rule;
}

/** Throws when a model was made for another feature set than this code computes. */
export function checkToneModelShape(model: ToneModel): void {
  const same =
    model.features.length === TONE_FEATURES.length &&
    model.features.every((f, i) => f === TONE_FEATURES[i]) &&
    [model.mean, model.scale, ...model.weights].every((v) => v.length === TONE_FEATURES.length) &&
    model.weights.length === model.classes.length &&
    model.bias.length === model.classes.length;
  if (!same) {
    throw new Error(
      'classify: the tone model was made for other features than this version computes; ' +
        'retrain it (diemtin train)',
    );
  }
}
