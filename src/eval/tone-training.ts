// Trains the tone model (pipeline/classify/tone-model.ts) on labelled sets, and scores it set by
// set with each set held out of its own training, beside the lexicon's rule. The evidence is
// classify's own (toneEvidence: topics with the topic model), so the model learns on what it
// will see. Pure given the classify contexts.
import { toneEvidence, type ClassifyContext } from '../../pipeline/classify/index.ts';
import {
  decideTone,
  textLength,
  TONE_FEATURES,
  toneFeatures,
  TONES,
  type ToneModel,
} from '../../pipeline/classify/tone-model.ts';
import type { Tone } from '../schema.ts';
import type { LabelledItem } from './dataset.ts';
import { trainLinear, type LinearOptions } from './linear-training.ts';

/** Texts from this many syllables of lead and body take the model's tone. */
export const TONE_MODEL_MIN_LENGTH = 150;

export type ToneExample = {
  x: number[];
  want: Tone;
  rule: Tone;
  length: number;
};

export function toneExamplesOf(
  items: readonly LabelledItem[],
  contextFor: (profile: string) => ClassifyContext,
  defaultProfile: string,
): ToneExample[] {
  const out: ToneExample[] = [];
  for (const x of items) {
    const want = x.labels.tone;
    if (want === undefined) continue;
    const {
      doc,
      topics,
      scored: result,
    } = toneEvidence(x.item, contextFor(x.profile ?? defaultProfile));
    out.push({
      x: toneFeatures(result, doc, topics, x.item.sourceCategory),
      want,
      rule: result.tone,
      length: textLength(doc),
    });
  }
  return out;
}

export function trainToneModel(
  sets: readonly { name: string; examples: readonly ToneExample[] }[],
  opts: Omit<LinearOptions, 'unscaled'> & { minLength?: number } = {},
): ToneModel {
  const rows = sets.flatMap((s) => s.examples.map((e) => ({ x: e.x, y: TONES.indexOf(e.want) })));
  const fit = trainLinear(rows, TONES.length, { iterations: 2000, rate: 0.2, ...opts });
  return {
    features: [...TONE_FEATURES],
    classes: [...TONES],
    mean: fit.mean,
    scale: fit.scale,
    weights: fit.weights,
    bias: fit.bias,
    minLength: opts.minLength ?? TONE_MODEL_MIN_LENGTH,
    trainedOn: sets.map((s) => ({ name: s.name, items: s.examples.length })),
  };
}

export type ToneCrossValidation = {
  name: string;
  items: number;
  /** Items long enough for the model. */
  long: number;
  rules: number;
  model: number;
}[];

/** Tone accuracy of each set under a model trained on the others, beside the rule's. */
export function crossValidateTone(
  sets: readonly { name: string; examples: readonly ToneExample[] }[],
  opts: { minLength?: number } = {},
): ToneCrossValidation {
  return sets.map((held) => {
    const model = trainToneModel(
      sets.filter((s) => s !== held),
      opts,
    );
    const n = held.examples.length || 1;
    return {
      name: held.name,
      items: held.examples.length,
      long: held.examples.filter((e) => e.length >= model.minLength).length,
      rules: held.examples.filter((e) => e.rule === e.want).length / n,
      model:
        held.examples.filter((e) => decideTone(model, e.length, e.rule, () => e.x) === e.want)
          .length / n,
    };
  });
}
