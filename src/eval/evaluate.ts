// Scores predictions against a labelled set (taxonomy.md): relevance, topics, tone,
// sensitivity, mentions and stories. Pure: the caller runs classify and cluster.
import { TOPIC_IDS, type Classification, type StoryAssignment } from '../schema.ts';
import type { ExpectedLabels } from './dataset.ts';
import {
  addCounts,
  binaryScores,
  confusion,
  multiLabelScores,
  pairwiseScores,
  prf,
  setCounts,
  ZERO,
  type Confusion,
  type MultiLabelScores,
  type Prf,
} from './metrics.ts';

export const TONE_ORDER = ['positive', 'neutral', 'negative'] as const;

export type Scored<T> = T & { n: number };

export type ClassifyScores = {
  n: number;
  relevance: Scored<Prf>;
  topics: Scored<MultiLabelScores>;
  tone: Confusion;
  sensitive: Scored<Prf>;
  /** Canonical place names, over the items expected relevant. */
  mentions: Scored<Prf>;
};

export type StoryScores = Prf & { items: number; groups: number; clusters: number };

export type EvalError = { id: string; label: string; expected: string; got: string };

export type ClassifyCase = { labels: ExpectedLabels; got: Classification };

export function scoreClassifications(cases: readonly ClassifyCase[]): ClassifyScores {
  const rel = cases.filter((c) => c.labels.relevant !== undefined);
  const top = cases.filter((c) => c.labels.topics !== undefined);
  const tone = cases.filter((c) => c.labels.tone !== undefined);
  const sen = cases.filter((c) => c.labels.sensitive !== undefined);
  const men = cases.filter((c) => c.labels.relevant === true && c.labels.mentions !== undefined);
  const mentionCounts = men
    .map((c) => setCounts(mentionNames(c.got), c.labels.mentions ?? []))
    .reduce(addCounts, ZERO);
  return {
    n: cases.length,
    relevance: {
      n: rel.length,
      ...binaryScores(rel.map((c) => [c.got.relevant, c.labels.relevant === true])),
    },
    topics: {
      n: top.length,
      ...multiLabelScores(
        top.map((c) => ({ got: c.got.topics, want: c.labels.topics ?? [] })),
        TOPIC_IDS,
      ),
    },
    tone: confusion(
      tone.map((c) => ({ got: c.got.tone, want: c.labels.tone ?? 'neutral' })),
      TONE_ORDER,
    ),
    sensitive: {
      n: sen.length,
      ...binaryScores(sen.map((c) => [c.got.sensitive, c.labels.sensitive === true])),
    },
    mentions: { n: men.length, ...prf(mentionCounts) },
  };
}

function mentionNames(c: Classification): string[] {
  return [...new Set(c.mentions.map((m) => m.name))];
}

/** One line per wrong label of an item, for error analysis. */
export function classifyErrors(cases: readonly ClassifyCase[]): EvalError[] {
  const out: EvalError[] = [];
  const list = (xs: readonly string[]) => (xs.length === 0 ? '—' : [...xs].sort().join(', '));
  for (const { labels: want, got } of cases) {
    const add = (label: string, expected: string, actual: string) =>
      out.push({ id: got.id, label, expected, got: actual });
    if (want.relevant !== undefined && want.relevant !== got.relevant) {
      add('relevant', String(want.relevant), String(got.relevant));
    }
    if (want.topics !== undefined) {
      const c = setCounts(got.topics, want.topics);
      if (c.fp + c.fn > 0) add('topics', list(want.topics), list(got.topics));
    }
    if (want.tone !== undefined && want.tone !== got.tone) add('tone', want.tone, got.tone);
    if (want.sensitive !== undefined && want.sensitive !== got.sensitive) {
      const why = got.sensitiveReasons.length > 0 ? ` (${got.sensitiveReasons.join(', ')})` : '';
      add('sensitive', String(want.sensitive), `${got.sensitive}${why}`);
    }
    if (want.relevant === true && want.mentions !== undefined) {
      const names = mentionNames(got);
      const c = setCounts(names, want.mentions);
      if (c.fp + c.fn > 0) add('mentions', list(want.mentions), list(names));
    }
  }
  return out;
}

export type StoryCase = { id: string; storyGroup: string };

/** Pairwise scores of cluster output against the expected story groups, matched by id. */
export function scoreStories(
  cases: readonly StoryCase[],
  assignments: readonly StoryAssignment[],
): StoryScores {
  const storyOf = storyIndex(assignments);
  const got = cases.map((c) => storyOf.get(c.id) ?? `missing:${c.id}`);
  const want = cases.map((c) => c.storyGroup);
  return {
    items: cases.length,
    groups: new Set(want).size,
    clusters: new Set(got).size,
    ...pairwiseScores(want, got),
  };
}

/** Items whose predicted story mates differ from their expected ones. */
export function storyErrors(
  cases: readonly StoryCase[],
  assignments: readonly StoryAssignment[],
): EvalError[] {
  const storyOf = storyIndex(assignments);
  const mates = (key: (c: StoryCase) => string, c: StoryCase) =>
    cases
      .filter((o) => o !== c && key(o) === key(c))
      .map((o) => o.id)
      .sort();
  const predicted = (c: StoryCase) => storyOf.get(c.id) ?? `missing:${c.id}`;
  const out: EvalError[] = [];
  for (const c of cases) {
    const want = mates((o) => o.storyGroup, c);
    const got = mates(predicted, c);
    if (want.join() !== got.join()) {
      const show = (xs: string[]) => (xs.length === 0 ? 'alone' : `with ${xs.join(', ')}`);
      out.push({ id: c.id, label: 'story', expected: show(want), got: show(got) });
    }
  }
  return out;
}

function storyIndex(assignments: readonly StoryAssignment[]): Map<string, string> {
  return new Map(assignments.map((a) => [a.id, a.storyId]));
}
