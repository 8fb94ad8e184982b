// Schema of config/sources/*.yaml: each file holds a list of sources that are only data
// (feed URLs); sources that need code get a file of their own under crawlers/ later.
import { z } from 'zod';
import { SourceCategory } from '../schema.ts';

export const SourceDef = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a slug of a-z, 0-9 and -'),
  name: z.string().min(1),
  domain: z.string().min(1),
  category: SourceCategory,
  kind: z.literal('rss').default('rss'),
  feeds: z.array(z.url()).min(1),
  enabled: z.boolean().default(true),
  /** How often the source is due, in minutes. */
  intervalMinutes: z.number().int().positive().default(30),
  /** A per-source politeness override; `reason` must say why (STYLE.md §6). */
  politeness: z
    .strictObject({ minHostIntervalMs: z.number().int().positive(), reason: z.string().min(1) })
    .optional(),
});
export type SourceDef = z.infer<typeof SourceDef>;
export type SourceDefInput = z.input<typeof SourceDef>;

export const SourcesFile = z.strictObject({ sources: z.array(SourceDef) });
