// Công an Nhân dân (cand.com.vn). NO real page at hand: the detail-page template as publicly
// known (h1.box-title-detail, div.box-des-detail sapo, div.detail-content-body, the author
// as a right-aligned last paragraph, .box-tag-detail), plus JSON-LD/OpenGraph. Check against
// a saved page.
import type { SiteRule } from '../site-rule.ts';

export const cand: SiteRule = {
  id: 'cand',
  name: 'Công an Nhân dân',
  hosts: ['cand.com.vn', 'cand.vn'],
  fingerprint: ['div.detail-content-body', 'h1.box-title-detail', '.box-des-detail'],
  title: ['h1.box-title-detail', 'h1'],
  sapo: ['.box-des-detail'],
  body: ['div.detail-content-body'],
  drop: [
    // Related-story boxes inside the body; the right-aligned signature (read as author).
    '.box-related-detail',
    '.related-news',
    'p[style*="text-align:right" i]',
    'p[style*="text-align: right" i]',
    'p[align="right" i]',
  ],
  author: [
    'div.detail-content-body p[style*="text-align:right" i]',
    'div.detail-content-body p[style*="text-align: right" i]',
    'div.detail-content-body p[align="right" i]',
    '.box-author',
  ],
  date: ['.box-date-detail', '.publish-date'],
  section: ['.box-breadcrumb a', '.breadcrumb a'],
  tags: ['.box-tag-detail a', '.tags a'],
};
