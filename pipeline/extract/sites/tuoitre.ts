// Tuổi Trẻ (tuoitre.vn), VCCorp CMS (see vccorp-cms.ts). From a real saved page (Mar 2026):
// two authors in a swiper list, "Chủ đề" tags in .detail-tab, boxed side stories
// (ObjectBoxContent) that are part of the article and kept.
import { vccorpRule } from './vccorp-cms.ts';

export const tuoitre = vccorpRule({
  id: 'tuoitre',
  name: 'Tuổi Trẻ',
  hosts: ['tuoitre.vn'],
  fingerprint: [
    'div.detail-content.afcbc-body',
    'meta[property="og:site_name"][content*="tuoi tre" i]',
    '.detail-author-list-sw',
  ],
  // Older pages start the sapo with the outlet tag "TTO - ".
  sapoPrefix: /^TTO\s*[-–—]\s*/u,
});
