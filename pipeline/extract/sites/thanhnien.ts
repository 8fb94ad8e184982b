// Thanh Niên (thanhnien.vn). NO real page was available: this rule follows what we know of
// its VCCorp CMS markup (h1.detail-title > span[data-role=title], h2.detail-sapo,
// div.detail-cmain > div.detail-content.afcbc-body, [data-role=publishdate], .detail-author
// a.name, .detail-tab tags) — the same CMS as tuoitre/nld/baochinhphu, whose real pages we
// have — plus JSON-LD/OpenGraph, which the generic fallback reads. Check it against a real
// page when one is saved.
import { vccorpRule } from './vccorp-cms.ts';

export const thanhnien = vccorpRule({
  id: 'thanhnien',
  name: 'Thanh Niên',
  hosts: ['thanhnien.vn'],
  fingerprint: [
    'div.detail-content.afcbc-body',
    'meta[property="og:site_name"][content*="Thanh Niên" i]',
    'div.detail-cmain',
  ],
});
