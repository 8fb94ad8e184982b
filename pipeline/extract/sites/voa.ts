// VOA Tiếng Việt (voatiengviet.com), Pangea CMS (shared by VOA and RFE/RL services). NO real
// Vietnamese page at hand; Pangea's article shape is well documented by public scrapers:
// h1.page-header__title (older pages h1.pg-title), div.intro summary, #article-content
// div.wsw paragraphs, div.authors links, <time datetime> in .published, JSON-LD datePublished.
import type { SiteRule } from '../site-rule.ts';

export const voa: SiteRule = {
  id: 'voa',
  name: 'VOA Tiếng Việt',
  hosts: ['voatiengviet.com', 'voanews.com'],
  fingerprint: ['#article-content div.wsw', 'h1.page-header__title, h1.pg-title', 'div.authors'],
  title: ['h1.page-header__title', 'h1.pg-title', 'h1.title'],
  sapo: ['div.intro', '.intro p'],
  body: ['#article-content div.wsw', 'div.wsw'],
  drop: [
    // Embedded media, "Xem thêm" inline links and the newsletter/social boxes inside wsw.
    '.wsw__embed',
    '.media-block-wrap',
    '.c-mmp',
    '.clear',
  ],
  author: ['div.authors .links__item-link', 'div.authors a span', 'div.authors a'],
  date: ['.published time', 'time'],
  section: ['.category a', '.breadcrumbs a'],
  tags: ['.tags a'],
};
