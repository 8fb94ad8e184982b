// Báo Lâm Đồng (baolamdong.vn; since the 1 Jul 2025 merger also the former Báo Đắk Nông and
// Báo Bình Thuận). NO real page was available and the site was relaunched after the merger,
// so this rule lists the common shapes of Vietnamese provincial-paper CMSes (article__title /
// cms-body, detail-title / detail-content, post-title / post-content) and relies on JSON-LD and
// OpenGraph for dates, author, section and tags. The fingerprint is the outlet's og:site_name,
// the one signal that survives a redesign. Check it against a real page when one is saved.
import type { SiteRule } from '../site-rule.ts';

export const baolamdong: SiteRule = {
  id: 'baolamdong',
  name: 'Báo Lâm Đồng',
  hosts: ['baolamdong.vn', 'baodaknong.vn', 'baobinhthuan.com.vn'],
  // The outlet name first; then the title and sapo shapes, so that a page in the
  // article__title/cms-body shape outscores VietnamPlus (same shape, other outlet name).
  fingerprint: [
    'meta[property="og:site_name"][content*="Lâm Đồng" i]',
    'h1.article__title, h1.detail-title, h1.post-title',
    '.article__sapo, .detail-sapo, .post-sapo',
  ],
  title: ['h1.article__title', 'h1.detail-title', 'h1.post-title', 'article h1'],
  sapo: ['.article__sapo', '.detail-sapo', '.post-sapo', '.sapo'],
  body: ['div.article__body', 'div.cms-body', 'div.detail-content', 'div.post-content'],
  drop: [
    // Related-story boxes and "Tin liên quan" lists inside the body.
    '.box-related',
    '.related-news',
    '.article__related',
    // Author/source line repeated at the end of the body.
    '.article__author',
    '.post-author',
  ],
  author: ['.article__author .name', '.article__author', '.detail-author', '.post-author'],
  date: ['.article__meta time', '.detail-time', '.post-date', 'time'],
  section: ['.breadcrumb a', '.article__breadcrumb a'],
  tags: ['.article__tag a', '.detail-tags a', '.post-tags a', '.tags a'],
};
