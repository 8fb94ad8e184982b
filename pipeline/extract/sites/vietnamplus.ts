// VietnamPlus (vietnamplus.vn, TTXVN). NO real page was available: this rule follows what we
// know of its 2023+ markup (h1.article__title, .article__sapo, div.article__body.cms-body,
// .article__meta time, .article__author, .article__tag, .breadcrumb) plus JSON-LD/OpenGraph,
// which the generic fallback reads. Check it against a real page when one is saved.
import type { SiteRule } from '../site-rule.ts';

export const vietnamplus: SiteRule = {
  id: 'vietnamplus',
  name: 'VietnamPlus',
  hosts: ['vietnamplus.vn'],
  fingerprint: [
    'div.article__body.cms-body',
    'h1.article__title',
    'meta[property="og:site_name"][content*="vietnamplus" i]',
  ],
  title: ['h1.article__title', 'h1.cms-title'],
  sapo: ['.article__sapo', '.cms-desc'],
  body: ['div.article__body', 'div.cms-body'],
  drop: [
    // Related-story boxes and "Xem thêm" lists inside the body.
    '.box-related',
    '.article__related',
    '.cms-relate',
    // The source/author line repeated at the end of the body.
    '.article__source',
    '.article__author',
  ],
  author: ['.article__author .name', '.article__author a', '.article__author'],
  date: ['.article__meta time', '.article__meta .time'],
  section: ['.breadcrumb a', '.article__breadcrumb a'],
  tags: ['.article__tag a', '.article__tags a'],
};
