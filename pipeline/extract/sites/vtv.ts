// VTV (vtv.vn), a VCCorp-built site but an older template than tuoitre/nld (vccorp-cms.ts):
// h1.title_detail, h2.sapo, div#entry-body.ta-justify, p.news-info with the author in <b>
// and the date in .time, ul.tag_detail. NO real page at hand: the template as publicly known,
// plus JSON-LD/OpenGraph. Check against a saved page.
import type { SiteRule } from '../site-rule.ts';

export const vtv: SiteRule = {
  id: 'vtv',
  name: 'VTV',
  hosts: ['vtv.vn', 'vtv.gov.vn'],
  // The sapo opens with the outlet tag "VTV.vn - ".
  sapoPrefix: /^VTV\.vn\s*[-–—]\s*/iu,
  fingerprint: ['#entry-body', 'h1.title_detail', 'h2.sapo'],
  title: ['h1.title_detail'],
  sapo: ['h2.sapo'],
  body: ['div#entry-body', 'div.ta-justify'],
  drop: [
    // VCCorp related boxes and embedded video players between paragraphs.
    '[type="RelatedOneNews"]',
    '[type="RelatedNewsBox"]',
    '[type="VideoStream"]',
    '.VCSortableInPreviewMode[type="Video"]',
    // The author/source line repeated at the end of the body.
    '.news-info',
  ],
  author: ['p.news-info b', '.author'],
  date: ['p.news-info .time', '.time'],
  section: ['.breadcrumb a', 'ul.tabs a.active'],
  tags: ['ul.tag_detail a', '.tag_detail a'],
};
