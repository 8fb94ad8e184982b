// Labels kept apart from their texts. Real press text (../shared/data/news_stream) has no
// licence to ship with the project, so a set of labels on it names each item by its stream
// file and link, and the eval joins the text at run time: `diemtin eval LABELS --texts DIR`.
// A stream file is a JSON array of RSS items ({link or id, title, summary, outlet or
// source}); the summary is the feed description (HTML), read as the item's lead, as the
// crawler reads an RSS item before its page is fetched.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { htmlToText } from '../../crawlers/feed.ts';

const StreamItem = z.object({
  id: z.string().nullish(),
  link: z.string().nullish(),
  title: z.string(),
  summary: z.string().nullish(),
  outlet: z.string().nullish(),
  source: z.string().nullish(),
});
type StreamItem = z.infer<typeof StreamItem>;

const Reference = z.object({
  file: z.string().min(1),
  link: z.string().min(1),
  n: z.number().int().nullish(),
});

export type TextResolver = (value: unknown) => unknown;

/**
 * A resolver for parseLabelledSet: a line with `file` and `link` and no `title` gets the
 * item's text from DIR/file; other lines pass unchanged. Stream files are read once each.
 */
export function streamTexts(dir: string): TextResolver {
  const files = new Set(readdirSync(dir));
  const loaded = new Map<string, Map<string, StreamItem>>();
  const itemsOf = (file: string): Map<string, StreamItem> => {
    const hit = loaded.get(file);
    if (hit) return hit;
    if (!files.has(file) || path.basename(file) !== file) {
      throw new Error(`no stream file "${file}" in ${dir}`);
    }
    const raw: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const items = z.array(z.unknown()).parse(raw);
    const byLink = new Map<string, StreamItem>();
    for (const v of items) {
      const item = StreamItem.safeParse(v);
      if (!item.success) continue;
      const key = item.data.link ?? item.data.id;
      if (key && !byLink.has(key)) byLink.set(key, item.data);
    }
    loaded.set(file, byLink);
    return byLink;
  };
  return (value) => {
    if (typeof value !== 'object' || value === null || 'title' in value) return value;
    const ref = Reference.safeParse(value);
    if (!ref.success) return value;
    const item = itemsOf(ref.data.file).get(ref.data.link);
    if (!item) throw new Error(`no item with link ${ref.data.link} in ${ref.data.file}`);
    return {
      ...value,
      id: ref.data.n == null ? ref.data.link : `n${ref.data.n}`,
      url: ref.data.link,
      source: item.outlet ?? item.source ?? null,
      title: htmlToText(item.title),
      sapo: htmlToText(item.summary ?? ''),
      body: '',
    };
  };
}
