// Quân đội Nhân dân (qdnd.vn). NO real page at hand: the template as publicly known
// (h1.post-title, div.post-summary, div#post-content, span.post-subinfo with the date, the
// author as a right-aligned bold last paragraph, .post-tags), plus JSON-LD/OpenGraph. Check
// against a saved page.
import type { SiteRule } from '../site-rule.ts';

export const qdnd: SiteRule = {
  id: 'qdnd',
  name: 'Quân đội Nhân dân',
  hosts: ['qdnd.vn'],
  // The sapo opens with the outlet tag "QĐND Online - ".
  sapoPrefix: /^QĐND(?:\s+Online)?\s*[-–—]\s*/u,
  // Not h1.post-title: the demo newsroom's Báo Lâm Đồng pages use post-title/post-content too.
  fingerprint: [
    'div#post-content',
    'meta[property="og:site_name"][content*="Quân đội" i]',
    '.post-summary',
  ],
  title: ['h1.post-title'],
  sapo: ['.post-summary'],
  body: ['div#post-content', 'div.post-content'],
  drop: [
    // "Tin liên quan" list and the signature paragraph (read as author).
    '.related-posts',
    '.post-related',
    'p[align="right" i]',
    'p[style*="text-align:right" i]',
    'p[style*="text-align: right" i]',
  ],
  author: [
    '#post-content p[align="right" i] strong',
    '#post-content p[style*="text-align:right" i] strong',
    '#post-content p[style*="text-align: right" i] strong',
  ],
  date: ['.post-subinfo', '.post-date'],
  section: ['.breadcrumb a', '.post-cat a'],
  tags: ['.post-tags a'],
};
