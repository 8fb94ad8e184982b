// One evaluation: classify every labelled item with the context of its own profile, cluster
// the story-labelled items, and score both. Pure given the contexts: the CLI loads config.
import { classify, type ClassifyContext } from '../../pipeline/classify/index.ts';
import { cluster } from '../../pipeline/cluster.ts';
import type { LabelledItem } from './dataset.ts';
import {
  classifyErrors,
  scoreClassifications,
  scoreStories,
  storyErrors,
  type ClassifyCase,
  type ClassifyScores,
  type EvalError,
  type StoryCase,
  type StoryScores,
} from './evaluate.ts';

export type EvalReport = {
  /** Items classified (lines of a skipped profile excluded). */
  items: number;
  /** Lines left out because their profile has no config, by profile. */
  skipped: { profile: string; count: number }[];
  classify: ClassifyScores | null;
  stories: StoryScores | null;
  errors: EvalError[];
};

export type EvalInput = {
  set: readonly LabelledItem[];
  /** A separate stories set (--stories); else the set's own story-labelled lines. */
  stories?: readonly LabelledItem[] | undefined;
  /** Only lines of this profile (--profile). */
  profile?: string | undefined;
  /** Profile of lines that name none. */
  defaultProfile: string;
  /** The classify context of a profile, or null when the profile does not exist. */
  contextFor: (profile: string) => ClassifyContext | null;
};

export function runEval(input: EvalInput): EvalReport {
  const profileOf = (x: LabelledItem) => x.profile ?? input.defaultProfile;
  const wanted = (x: LabelledItem) => input.profile === undefined || profileOf(x) === input.profile;
  const skipped = new Map<string, number>();
  const contexts = new Map<string, ClassifyContext | null>();
  const cases: ClassifyCase[] = [];
  for (const x of input.set.filter(wanted)) {
    const p = profileOf(x);
    if (!contexts.has(p)) contexts.set(p, input.contextFor(p));
    const ctx = contexts.get(p);
    if (!ctx) {
      skipped.set(p, (skipped.get(p) ?? 0) + 1);
      continue;
    }
    cases.push({ labels: x.labels, got: classify(x.item, ctx) });
  }
  const labelled = cases.filter((c) => Object.keys(c.labels).length > 0);

  // Clustering needs no profile: every story-labelled line of the chosen profile counts.
  const storySource = (input.stories ?? input.set).filter(wanted);
  const storyItems = storySource.filter((x) => x.storyGroup !== null);
  let stories: StoryScores | null = null;
  const errors = classifyErrors(labelled);
  if (storyItems.length > 0) {
    const assignments = cluster(storyItems.map((x) => x.item));
    const storyCases: StoryCase[] = storyItems.map((x) => ({
      id: x.item.id,
      storyGroup: x.storyGroup ?? '',
    }));
    stories = scoreStories(storyCases, assignments);
    errors.push(...storyErrors(storyCases, assignments));
  }
  return {
    items: cases.length,
    skipped: [...skipped].map(([profile, count]) => ({ profile, count })),
    classify: labelled.length > 0 ? scoreClassifications(labelled) : null,
    stories,
    errors,
  };
}
