// Biên phòng (bienphong.com.vn, the Border Guard's paper). NO real page and no public
// description of its markup at hand: this rule names the common Vietnamese CMS detail shapes
// (h1.title-detail / h1.detail-title, .sapo-detail / .detail-sapo, .content-detail /
// .detail-content) and relies on JSON-LD/OpenGraph and the content-density fallback for the
// rest. The fingerprint is the outlet's og:site_name. Check against a saved page.
import type { SiteRule } from '../site-rule.ts';

export const bienphong: SiteRule = {
  id: 'bienphong',
  name: 'Biên phòng',
  hosts: ['bienphong.com.vn'],
  // The sapo opens with the outlet tag "BPO - " (Biên phòng Online).
  sapoPrefix: /^BPO\s*[-–—]\s*/u,
  fingerprint: [
    'meta[property="og:site_name"][content*="Biên phòng" i]',
    'h1.title-detail, h1.detail-title',
    '.content-detail, .detail-content',
  ],
  title: ['h1.title-detail', 'h1.detail-title'],
  sapo: ['.sapo-detail', '.detail-sapo'],
  body: ['div.content-detail', 'div.detail-content'],
  drop: ['.related-news', '.box-related', '.news-other', '.author-detail'],
  author: ['.author-detail', '.detail-author'],
  date: ['.date-detail', '.detail-time'],
  section: ['.breadcrumb a'],
  tags: ['.tags-detail a', '.detail-tags a'],
};
