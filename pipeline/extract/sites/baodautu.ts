// Báo Đầu tư (baodautu.vn). From a real saved page (Mar 2026,
// ../shared/data/articles/tracking_news-mcp): no JSON-LD and no h1 — the title is
// div.title-detail, the section the link above it (div.fs16.text-uppercase > a, also the
// active menu item), a.author and span.post-time " - 07/03/2026 08:47" in
// .author-share-top, div.sapo_detail, the body div#content_detail_news with image tables
// (MASTERCMS_TPL_TABLE), a "news_relate_one" card and .tag_detail links ("#tag") after it.
import type { SiteRule } from '../site-rule.ts';

export const baodautu: SiteRule = {
  id: 'baodautu',
  name: 'Báo Đầu tư',
  hosts: ['baodautu.vn'],
  fingerprint: ['div#content_detail_news', 'div.title-detail', 'div.sapo_detail'],
  title: ['div.title-detail', 'h1.title-detail'],
  sapo: ['div.sapo_detail'],
  body: ['div#content_detail_news'],
  drop: [
    // Related-story cards and the question box placeholder.
    '.news_relate_one',
    '.box_relate',
    '#boxcauhoi',
  ],
  author: ['.author-share-top a.author', 'a.author'],
  date: ['.author-share-top span.post-time', 'span.post-time'],
  section: ['div.fs16.text-uppercase > a'],
  tags: ['.tag_detail a.tag_detail_item', '.tag_detail a'],
};
