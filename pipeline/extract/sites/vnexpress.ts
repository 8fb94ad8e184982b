// VnExpress (vnexpress.net). Selectors learned from two real saved pages (Oct 2025, Mar 2026):
// h1.title-detail, p.description, article.fck_detail with p.Normal paragraphs, figure.tplCaption
// images, the author as a right-aligned last paragraph in <strong>, ul.breadcrumb, span.date.
import type { SiteRule } from '../site-rule.ts';

export const vnexpress: SiteRule = {
  id: 'vnexpress',
  name: 'VnExpress',
  hosts: ['vnexpress.net'],
  fingerprint: ['article.fck_detail', 'h1.title-detail', 'p.description'],
  title: ['h1.title-detail'],
  sapo: ['p.description'],
  body: ['article.fck_detail'],
  drop: [
    // The signature paragraph ("Lê Phương", "Hà Thu (tổng hợp)") is the author, read below.
    'p[style*="text-align:right" i]',
    'p[style*="text-align: right" i]',
    'p.author_mail',
    'p.author',
    // "Xem thêm" teasers and related boxes the page script fills in at the end of the body.
    '[data-component-type]',
    '.box-tinlienquanv2',
    '.tinlienquan',
    // Image galleries and embedded video players.
    '.item_slide_show',
    '.box_embed_video',
  ],
  author: [
    'article.fck_detail p[style*="text-align:right" i] strong',
    'article.fck_detail p[style*="text-align: right" i] strong',
    'article.fck_detail p.author_mail strong',
    'article.fck_detail p.author strong',
  ],
  // Fallback only: JSON-LD/meta dates (with seconds) are read first.
  date: ['span.date'],
  section: ['ul.breadcrumb li a'],
  // VnExpress prints no tag links on the page; news_keywords is the editor's list
  // (article:tag holds the topic pages, with repeats).
  tags: ['meta[name="news_keywords"]', 'meta[name="keywords"]'],
  datelineStamp: 'span.location-stamp',
};
