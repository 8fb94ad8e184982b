// VOV (vov.vn, Drupal). NO real page at hand: what public scrapers of the site use — the h1,
// div.row.article-content holding the paragraphs, the date in the meta column — plus the
// Drupal class names of its template (article-summary, article-author, field tags) and
// JSON-LD/OpenGraph, which the generic fallback reads. Check against a saved page.
import type { SiteRule } from '../site-rule.ts';

export const vov: SiteRule = {
  id: 'vov',
  name: 'VOV',
  hosts: ['vov.vn', 'vov.gov.vn'],
  // The sapo opens with the outlet tag "VOV.VN - ".
  sapoPrefix: /^VOV\.VN\s*[-–—]\s*/iu,
  fingerprint: [
    'div.article-content',
    'meta[property="og:site_name"][content*="VOV" i]',
    '.article-summary',
  ],
  title: ['.article-title h1', 'h1.article-title', 'h1'],
  sapo: ['.article-summary', '.field--name-field-summary'],
  body: ['div.article-content', 'div.text-long'],
  drop: [
    // "Tin liên quan" teasers and the inline audio player.
    '.related-news',
    '.article-related',
    '.vov-audio',
    // The author line printed as the last right-aligned paragraph (read as author below).
    '.article-author',
  ],
  author: ['.article-author', '.field--name-field-author'],
  date: ['.article-meta .date', '.col-md-4.mb-2', '.article-meta'],
  section: ['.breadcrumb a', '.breadcrumbs a'],
  tags: ['.article-tags a', '.field--name-field-tags a'],
};
