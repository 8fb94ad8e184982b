// A labelled evaluation set: JSON lines in the format of shared/domain/devset/classify.jsonl
// (a TextItem, the profile it is judged against, and the taxonomy's labels) or stories.jsonl
// (a TextItem with its storyGroup). Every label is optional, so a set that labels only some
// things (stories only, tone only) still scores what it has.
import { z } from 'zod';
import { TextItem, Tone, TopicId } from '../schema.ts';

export const ExpectedLabels = z.object({
  relevant: z.boolean().optional(),
  mentions: z.array(z.string()).optional(),
  topics: z.array(TopicId).optional(),
  tone: Tone.optional(),
  sensitive: z.boolean().optional(),
});
export type ExpectedLabels = z.infer<typeof ExpectedLabels>;

export type LabelledItem = {
  item: TextItem;
  profile: string | null;
  labels: ExpectedLabels;
  storyGroup: string | null;
};

const Line = z.object({
  profile: z.string().nullish(),
  labels: ExpectedLabels.nullish(),
  storyGroup: z.string().nullish(),
});

/**
 * Parses one set: blank lines are skipped; a bad line throws, naming the file's line.
 * `resolve` may complete a parsed line before it is checked (labels kept apart from texts
 * that may not be copied: see texts.ts).
 */
export function parseLabelledSet(
  text: string,
  name: string,
  resolve: (value: unknown) => unknown = (v) => v,
): LabelledItem[] {
  const out: LabelledItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`eval: ${name}: line ${i + 1}: not valid JSON`, { cause: err });
    }
    try {
      value = resolve(value);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`eval: ${name}: line ${i + 1}: ${why}`, { cause: err });
    }
    const item = TextItem.safeParse(value);
    const extra = Line.safeParse(value);
    const issue = !item.success
      ? item.error.issues[0]
      : !extra.success
        ? extra.error.issues[0]
        : null;
    if (issue || !item.success || !extra.success) {
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'line';
      throw new Error(`eval: ${name}: line ${i + 1}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    out.push({
      item: item.data,
      profile: extra.data.profile ?? null,
      labels: extra.data.labels ?? {},
      storyGroup: extra.data.storyGroup ?? null,
    });
  }
  return out;
}
