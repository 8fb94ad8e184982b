// The "article__" CMS family: BEM class names article__title / article__sapo / article__body
// (with cms-title / cms-desc / cms-body twins), article__meta with a <time datetime>,
// article__author, article__tag, a breadcrumbs list. VietnamPlus and the relaunched Báo Lâm
// Đồng use it (their rules predate this helper and list the same selectors); the rules built
// on it here are Nhân Dân, Tiền Phong, SGGP and Báo Gia Lai. NO real page of these outlets
// was at hand: the shape is what is publicly known of their 2022+ redesigns, and each page
// also carries JSON-LD/OpenGraph, which the generic fallback reads for anything a selector
// misses. The outlets differ mostly in their name, so each rule's fingerprint starts with its
// og:site_name (the one signal that survives a redesign).
import type { SiteRule } from '../site-rule.ts';

type ArticleCmsOverrides = Pick<SiteRule, 'id' | 'name' | 'hosts' | 'fingerprint'> &
  Partial<Omit<SiteRule, 'id' | 'name' | 'hosts' | 'fingerprint'>>;

export function articleCmsRule(site: ArticleCmsOverrides): SiteRule {
  return {
    title: ['h1.article__title', 'h1.cms-title', 'article h1'],
    sapo: ['.article__sapo', '.cms-desc', '.sapo'],
    body: ['div.article__body', 'div.cms-body'],
    drop: [
      // "Tin liên quan" boxes placed between paragraphs, and the tag/author/source lines the
      // CMS prints at the end of the body.
      '.box-related',
      '.article__related',
      '.related-news',
      '.cms-relate',
      '.article__author',
      '.article__source',
      '.article__tag',
      '.article__social',
      // Ad slots.
      '.ads',
      '.banner',
    ],
    author: ['.article__author .name', '.article__author a', '.article__author', '.cms-author'],
    date: ['.article__meta time', 'time.time', '.article__meta .time'],
    section: ['.breadcrumbs a', '.breadcrumb a', '.article__breadcrumb a'],
    tags: ['.article__tag a', '.article__tags a', '.tags a'],
    ...site,
  };
}
