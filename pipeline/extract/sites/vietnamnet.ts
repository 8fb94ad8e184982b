// VietNamNet (vietnamnet.vn). From a real saved page (Mar 2026): h1.content-detail-title,
// h2.content-detail-sapo, div.maincontent.main-content, a breadcrumb whose items carry drop-down
// menus (only the direct link of each item is the crumb), the author card
// .article-detail-author, "Xem thêm về" tags in .tag-cotnent (sic).
import type { SiteRule } from '../site-rule.ts';

export const vietnamnet: SiteRule = {
  id: 'vietnamnet',
  name: 'VietNamNet',
  hosts: ['vietnamnet.vn'],
  fingerprint: ['div.maincontent.main-content', 'h1.content-detail-title', '.content-detail-sapo'],
  title: ['h1.content-detail-title'],
  sapo: ['h2.content-detail-sapo', '.content-detail-sapo'],
  body: ['div.maincontent.main-content', '#maincontent'],
  drop: [
    // Embedded "related article" cards and wiki boxes.
    '[data-vnnembedtype="related"]',
    '[data-vnnembedtype="article"]',
    '.vnn-content-relate',
    '.insert-wiki-content',
    // The author card sometimes sits at the end of the body.
    '.article-detail-author',
  ],
  author: ['.article-detail-author__info .name', '.article-detail-author .name'],
  date: ['.bread-crumb-detail__time', '.publish-date'],
  // Direct links only: each crumb also holds a drop-down menu of sibling sections.
  section: ['.bread-crumb-detail > ul > li > a'],
  tags: ['.tag-cotnent h3 a', '.tag-cotnent li a'],
};
