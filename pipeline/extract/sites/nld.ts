// Người Lao Động (nld.com.vn), VCCorp CMS (see vccorp-cms.ts). From a real saved page
// (Mar 2026): author in p.name[data-role=author], category in a.category-name_ac, the sapo
// opens with "(NLĐO)-" (removed by the generic dateline rule).
import { vccorpRule } from './vccorp-cms.ts';

export const nld = vccorpRule({
  id: 'nld',
  name: 'Người Lao Động',
  hosts: ['nld.com.vn'],
  fingerprint: [
    'div.detail-content.afcbc-body',
    'meta[property="og:site_name"][content*="Người Lao Động" i]',
    'p.name[data-role="author"]',
  ],
});
