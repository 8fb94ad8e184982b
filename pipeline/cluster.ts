// cluster: groups syndicated copies of one article into a story (taxonomy.md §5).
// A story is text that was copied, possibly lightly edited (new title, cut or reordered
// paragraphs, a different lead, an added sentence); two outlets writing up the same event in
// their own words are two stories. Copies are found by shingle overlap (cluster/shingles.ts,
// cluster/near-duplicates.ts), checked against the texts' figures (cluster/details.ts) and
// publication times; this file turns groups into stable story ids and reach.
import { createHash } from 'node:crypto';
import type { StoryAssignment, TextItem } from '../src/schema.ts';
import { figureHashes } from './cluster/details.ts';
import { nearDuplicateGroups } from './cluster/near-duplicates.ts';
import { outletOf } from './cluster/outlet.ts';
import { createSegmenter } from './cluster/shingles.ts';

function publishedMs(item: TextItem): number {
  const ms = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
  // Undated items sort after dated ones, so a dated original names the story.
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two members: by publishedAt, then by smallest id. */
function earlier(a: TextItem, b: TextItem): TextItem {
  const ta = publishedMs(a);
  const tb = publishedMs(b);
  if (ta !== tb) return ta < tb ? a : b;
  return compareIds(a.id, b.id) <= 0 ? a : b;
}

/** `s-` + 12 hex of the first member's id: a later copy joining does not change it. */
function storyIdOf(first: TextItem): string {
  return `s-${createHash('sha1').update(first.id).digest('hex').slice(0, 12)}`;
}

export function cluster(items: TextItem[]): StoryAssignment[] {
  // Work in id order so that the grouping does not depend on the input order.
  const order = items
    .map((_, i) => i)
    .sort((x, y) => {
      const c = compareIds(items[x]?.id ?? '', items[y]?.id ?? '');
      return c !== 0 ? c : x - y;
    });
  const sorted = order.map((i) => items[i] as TextItem);
  const segment = createSegmenter();
  const groups = nearDuplicateGroups(
    sorted.map((it) => segment([it.title, it.sapo, it.body])),
    sorted.map(outletOf),
    undefined,
    {
      // Figures are read only for the pairs that get compared: most texts never are.
      figures: (k) => {
        const it = sorted[k];
        return it ? figureHashes([it.title, it.sapo, it.body]) : new Uint32Array(0);
      },
      times: Float64Array.from(sorted, (it) => (it.publishedAt ? Date.parse(it.publishedAt) : NaN)),
    },
  );

  const first = new Map<number, TextItem>();
  const outlets = new Map<number, Set<string>>();
  sorted.forEach((it, k) => {
    const g = groups[k] ?? k;
    const current = first.get(g);
    first.set(g, current ? earlier(current, it) : it);
    const set = outlets.get(g) ?? new Set<string>();
    set.add(outletOf(it));
    outlets.set(g, set);
  });

  const out = new Array<StoryAssignment>(items.length);
  order.forEach((i, k) => {
    const g = groups[k] ?? k;
    const item = items[i] as TextItem;
    out[i] = {
      id: item.id,
      storyId: storyIdOf(first.get(g) ?? item),
      reach: outlets.get(g)?.size ?? 1,
    };
  });
  return out;
}
