// Dân trí (dantri.com.vn). From a real saved page (Mar 2026, the Tailwind "dt-" redesign with
// data-slot attributes); the older markup (h1.title-page, h2.singular-sapo,
// div.singular-content, .author-name) is listed second. Section comes from the JSON-LD
// BreadcrumbList (generic), the page prints no breadcrumb.
import type { SiteRule } from '../site-rule.ts';

export const dantri: SiteRule = {
  id: 'dantri',
  name: 'Dân trí',
  hosts: ['dantri.com.vn', 'dtinews.vn'],
  fingerprint: [
    '[data-slot="content"], div.singular-content',
    'h1[data-slot="title"]',
    'h2[data-slot="sapo"]',
  ],
  title: ['h1[data-slot="title"]', 'h1.title-page'],
  sapo: ['h2[data-slot="sapo"]', 'h2.singular-sapo'],
  body: ['div[data-slot="content"]', 'div.singular-content'],
  drop: [
    // Related-article slots and live widgets (gold price board) placed between paragraphs.
    'aside',
    '[data-module]',
    '.dantri-widget',
    // Old markup: the author/source block at the end of the body.
    '.singular-author',
    '.author-wrap',
  ],
  author: ['[data-slot="container"] a[href*="/tac-gia/"]', '.author-name a', '.author-name'],
  date: ['[data-slot="container"] time', 'time.author-time'],
  section: ['.dt-breadcrumb a', 'ul.breadcrumbs a'],
  tags: ['.tags-wrap a', '[data-slot="tags"] a'],
};
