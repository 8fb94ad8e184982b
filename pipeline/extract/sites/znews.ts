// Znews (znews.vn, formerly Zing News). NO real page at hand; the selectors are the ones
// public scrapers of the site have used for years and agree on: header.the-article-header >
// h1.the-article-title, p.the-article-summary, div.the-article-body, li.the-article-publish,
// the-article-credit / the-article-author, the-article-tags; plus JSON-LD/OpenGraph.
import type { SiteRule } from '../site-rule.ts';

export const znews: SiteRule = {
  id: 'znews',
  name: 'Znews',
  hosts: ['znews.vn', 'zingnews.vn'],
  fingerprint: ['div.the-article-body', 'h1.the-article-title', 'p.the-article-summary'],
  title: ['h1.the-article-title'],
  sapo: ['p.the-article-summary'],
  body: ['div.the-article-body'],
  drop: [
    // Inline "Đọc thêm" cards, the credit line and the notebox quotes of other stories.
    '.inner-article',
    '.the-article-credit',
    'p.author',
    '.notebox.related',
  ],
  author: [
    '.the-article-credit .author',
    'p.the-article-author',
    'li.the-article-author',
    'p.author',
  ],
  date: ['li.the-article-publish', '.the-article-meta time'],
  section: ['p.the-article-category a', '.the-article-category a'],
  tags: ['.the-article-tags a', 'p.the-article-tags a'],
};
