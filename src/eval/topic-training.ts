// Trains the topic model (pipeline/classify/topic-model.ts) on labelled sets: an L2-regularised
// logistic regression over the candidates' features, by full-batch gradient descent from
// zero (deterministic: the same sets give the same model). Also scores it set by set, each set
// held out of its own training (leave-one-set-out), against the rule threshold. Pure.
import { compileTopics, explainTopics } from '../../pipeline/classify/topics.ts';
import {
  FEATURES,
  selectTopics,
  topicCandidates,
  type TopicCandidate,
  type TopicModel,
} from '../../pipeline/classify/topic-model.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { rulesHash, type LoadedTopics } from '../config/topics.ts';
import type { TopicId } from '../schema.ts';
import type { LabelledItem } from './dataset.ts';
import { prf, type Prf } from './metrics.ts';

export type TrainingSet = { name: string; items: readonly LabelledItem[] };

type Example = { candidates: TopicCandidate[]; want: readonly TopicId[] };

export type TrainOptions = {
  /** L2 weight (default 0.01). */
  lambda?: number;
  /** Gradient steps (default 3000). */
  iterations?: number;
  /** Step size (default 0.1). */
  rate?: number;
  /** Probability from which a topic is kept (default 0.5). */
  threshold?: number;
};

/** The candidates of every item that labels topics, read with the rules alone. */
export function examplesOf(set: TrainingSet, topics: LoadedTopics): Example[] {
  const rules = compileTopics({ ...topics, model: undefined });
  return set.items
    .filter((x) => x.labels.topics !== undefined)
    .map((x) => {
      const doc = tokenizeDoc({ title: x.item.title, sapo: x.item.sapo, body: x.item.body });
      return {
        candidates: topicCandidates(explainTopics(doc, rules), doc),
        want: x.labels.topics ?? [],
      };
    });
}

export function trainTopicModel(
  sets: readonly { name: string; examples: readonly Example[] }[],
  topics: LoadedTopics,
  opts: TrainOptions = {},
): TopicModel {
  const lambda = opts.lambda ?? 0.01;
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.1;
  const rows: { x: number[]; y: number }[] = [];
  for (const s of sets) {
    for (const e of s.examples) {
      // The model chooses among the topics the rules hold (selectTopics): it learns on those.
      for (const c of e.candidates) {
        if (c.ruleHeld) rows.push({ x: c.x, y: e.want.includes(c.id) ? 1 : 0 });
      }
    }
  }
  const d = FEATURES.length;
  if (rows.length === 0) throw new Error('train-topics: no labelled topic candidates');
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    // Topic indicators stay 0/1: they are the per-topic biases.
    if (FEATURES[j]?.startsWith('topic ')) continue;
    const m = rows.reduce((a, r) => a + (r.x[j] ?? 0), 0) / rows.length;
    const v = rows.reduce((a, r) => a + ((r.x[j] ?? 0) - m) ** 2, 0) / rows.length;
    mean[j] = m;
    scale[j] = Math.sqrt(v) || 1;
  }
  const z = rows.map((r) => r.x.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let k = 0; k < z.length; k++) {
      const x = z[k] ?? [];
      let s = bias;
      for (let j = 0; j < d; j++) s += (weights[j] ?? 0) * (x[j] ?? 0);
      const err = 1 / (1 + Math.exp(-s)) - (rows[k]?.y ?? 0);
      gradBias += err;
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + err * (x[j] ?? 0);
    }
    for (let j = 0; j < d; j++) {
      weights[j] =
        (weights[j] ?? 0) - rate * ((grad[j] ?? 0) / z.length + lambda * (weights[j] ?? 0));
    }
    bias -= (rate * gradBias) / z.length;
  }
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    features: [...FEATURES],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map(round),
    bias: round(bias),
    threshold: opts.threshold ?? 0.5,
    rulesHash: rulesHash(topics),
    trainedOn: sets.map((s) => ({ name: s.name, items: s.examples.length })),
  };
}

/** Topic micro P/R/F1 of a decision over a set's examples. */
export function scoreExamples(
  examples: readonly Example[],
  keep: (c: TopicCandidate) => boolean,
): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    const got = e.candidates.filter(keep).map((c) => c.id);
    for (const g of got) {
      if (e.want.includes(g)) tp++;
      else fp++;
    }
    for (const w of e.want) if (!got.includes(w)) fn++;
  }
  return prf({ tp, fp, fn });
}

export type CrossValidation = { name: string; items: number; rules: Prf; model: Prf }[];

/** Each set scored by a model trained on all the others, beside the rule threshold. */
export function crossValidate(
  sets: readonly { name: string; examples: readonly Example[] }[],
  topics: LoadedTopics,
  opts: TrainOptions = {},
): CrossValidation {
  return sets.map((held) => {
    const model = trainTopicModel(
      sets.filter((s) => s !== held),
      topics,
      opts,
    );
    return {
      name: held.name,
      items: held.examples.length,
      rules: scoreExamples(held.examples, (c) => c.ruleHeld),
      model: scoreExamples(held.examples, (c) => selectTopics([c], model).length > 0),
    };
  });
}
