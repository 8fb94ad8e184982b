// Schema of config/topics.yaml: the 12 topics of the taxonomy (shared/domain/taxonomy.md §2),
// each a list of plain Vietnamese phrases. A phrase is matched as a sequence of folded
// syllables with its diacritics checked (pipeline/classify/phrase-index.ts), never as a
// substring. A later version may accept a boolean query string in place of a phrase; a plain
// phrase will stay valid then.
import { z } from 'zod';
import { TOPIC_IDS, TopicId } from '../schema.ts';

const Phrase = z.string().trim().min(1);

export const TopicDef = z.strictObject({
  id: TopicId,
  /** Vietnamese label shown to users, as in the taxonomy. */
  label: z.string().trim().min(1),
  /** Phrases that signal the topic. */
  include: z.array(Phrase).min(1),
  /**
   * Phrases that cancel an include match they overlap ("bão giá" is not a storm, "biên giới
   * mềm" is not a border): the topic still holds if other include matches remain.
   */
  exclude: z.array(Phrase).default([]),
  /** One of the topics the plans name for special watch (taxonomy §2). */
  sensitive: z.boolean(),
});
export type TopicDef = z.infer<typeof TopicDef>;

export const TopicsConfig = z
  .strictObject({
    topics: z.array(TopicDef),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.topics.forEach((t, i) => {
      if (seen.has(t.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'id'],
          message: `duplicate topic "${t.id}"`,
        });
      }
      seen.add(t.id);
    });
    const missing = TOPIC_IDS.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['topics'],
        message: `missing topics: ${missing.join(', ')}`,
      });
    }
  });
export type TopicsConfig = z.infer<typeof TopicsConfig>;
export type TopicsConfigInput = z.input<typeof TopicsConfig>;
