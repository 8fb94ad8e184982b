// The outlets of the sample newsroom and the sample articles placed at their URLs.
import { sampleContent } from './content/index.ts';
import { slugify } from './html.ts';
import { baochinhphu } from './outlets/baochinhphu.ts';
import { baolamdong } from './outlets/baolamdong.ts';
import { dantri } from './outlets/dantri.ts';
import { thanhnien } from './outlets/thanhnien.ts';
import { tinHaiNgoai } from './outlets/tin-hai-ngoai.ts';
import { tuoitre } from './outlets/tuoitre.ts';
import { vietnamplus } from './outlets/vietnamplus.ts';
import { vnexpress } from './outlets/vnexpress.ts';
import type { Outlet, OutletId, PlacedArticle } from './types.ts';

export const outlets: Record<OutletId, Outlet> = {
  vnexpress,
  tuoitre,
  thanhnien,
  dantri,
  baolamdong,
  vietnamplus,
  baochinhphu,
  'tin-hai-ngoai': tinHaiNgoai,
};

/** Every sample article with its URL path on the newsroom server, oldest first. */
export const sampleArticles: PlacedArticle[] = sampleContent.map((a, seq) => {
  const slug = slugify(a.title);
  return { ...a, slug, path: outlets[a.outlet].articlePath(a, slug, seq) };
});

/** An outlet's articles, newest first, as feeds and "related" boxes list them. */
export function articlesOf(outlet: OutletId): PlacedArticle[] {
  return sampleArticles
    .filter((a) => a.outlet === outlet)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}
