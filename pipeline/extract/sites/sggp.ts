// Sài Gòn Giải Phóng (sggp.org.vn). NO real page at hand: the "article__" CMS shape
// (article-cms.ts) as publicly known of its 2023 redesign, plus JSON-LD/OpenGraph. Older
// pages open the sapo with the outlet tag "SGGP - " / "SGGPO - ", removed. Check against a
// saved page.
import { articleCmsRule } from './article-cms.ts';

export const sggp = articleCmsRule({
  id: 'sggp',
  name: 'Sài Gòn Giải Phóng',
  hosts: ['sggp.org.vn'],
  fingerprint: [
    'meta[property="og:site_name"][content*="SGGP" i], meta[property="og:site_name"][content*="Sài Gòn Giải Phóng" i]',
    'h1.article__title',
    'div.article__body',
  ],
  sapoPrefix: /^SGGPO?\s*[-–—]\s*/u,
});
