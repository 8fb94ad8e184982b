// Trains the topic model (pipeline/classify/topic-model.ts) on labelled sets: a logistic
// regression over the candidates' features (linear-training.ts; deterministic). Also scores it
// set by set, each set held out of its own training (leave-one-set-out), against the rule
// threshold. Pure.
import { explainTopics, type CompiledTopics } from '../../pipeline/classify/topics.ts';
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
import { trainLinear, type LinearOptions, type LinearRow } from './linear-training.ts';
import { prf, type Prf } from './metrics.ts';

type Example = { candidates: TopicCandidate[]; want: readonly TopicId[] };

export type TrainOptions = Omit<LinearOptions, 'unscaled'> & {
  /** Probability from which a topic is kept (default 0.5). */
  threshold?: number;
};

/** The candidates of every item that labels topics, read with `rules` (compiled, no model). */
export function examplesOf(items: readonly LabelledItem[], rules: CompiledTopics): Example[] {
  return items
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
  const rows: LinearRow[] = [];
  for (const s of sets) {
    for (const e of s.examples) {
      // The model chooses among the topics the rules hold (selectTopics): it learns on those.
      for (const c of e.candidates) {
        if (c.ruleHeld) rows.push({ x: c.x, y: e.want.includes(c.id) ? 1 : 0 });
      }
    }
  }
  // Topic indicators stay 0/1: they are the per-topic biases.
  const fit = trainLinear(rows, 2, {
    ...opts,
    unscaled: (j) => FEATURES[j]?.startsWith('topic ') === true,
  });
  // Two-class softmax = logistic regression on the difference of the two classes.
  const [no = [], yes = []] = fit.weights;
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    features: [...FEATURES],
    mean: fit.mean,
    scale: fit.scale,
    weights: yes.map((w, j) => round(w - (no[j] ?? 0))),
    bias: round((fit.bias[1] ?? 0) - (fit.bias[0] ?? 0)),
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
