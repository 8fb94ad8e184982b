// RFA Tiếng Việt (rfa.org/vietnamese). NO real page at hand. Two layouts, as a versioned rule
// (site-rule.ts): the Plone layout public scrapers documented for years (div#storytext,
// #story_byline, #story_date, h1 in #storypagemaincol), and the current one, believed to have
// replaced it in late 2024 (an "article-body" template with c-/b- class prefixes). The current
// layout's selectors are generic on purpose (article h1, [class*=article-body]) and every
// field also comes from JSON-LD/OpenGraph, which RFA pages publish in both layouts.
import type { SiteRule } from '../site-rule.ts';

export const rfa: SiteRule = {
  id: 'rfa',
  name: 'RFA Tiếng Việt',
  hosts: ['rfa.org'],
  fingerprint: ['div.b-article-body, div.article-body', 'h1.b-headline, article h1', '.c-byline'],
  title: ['h1.b-headline', 'article h1'],
  // The summary is the meta description.
  sapo: ['h2.b-subheadline'],
  body: ['div.b-article-body', 'div.article-body'],
  drop: ['.b-related', '.c-related', '.c-newsletter', '.b-audio'],
  author: ['.c-byline a', '.c-byline .c-byline__name'],
  date: ['.c-date time', 'time'],
  section: ['.b-breadcrumbs a', '.c-section-label'],
  tags: ['.b-tags a', '.c-tag a'],
  versions: [
    {
      validUntil: '2024-11-30',
      note: 'Plone layout; its last day is not known exactly, 2024-11-30 is the latest bound.',
      fingerprint: ['div#storytext', '#story_byline', '#storypagemaincol'],
      title: ['#storypagemaincol h1', 'h1'],
      sapo: [],
      body: ['div#storytext'],
      drop: [
        // The audio player block, the "Related" box and the end-of-story copyright line.
        '#audio_player',
        '.related_stories',
        '#dontprintme',
        '.copyright',
      ],
      author: ['#story_byline span[itemprop="name"]', '#story_byline a', '#story_byline'],
      date: ['#story_date', 'span.story_date'],
      section: ['#breadcrumbs a'],
      tags: ['#story_tags a'],
    },
  ],
};
