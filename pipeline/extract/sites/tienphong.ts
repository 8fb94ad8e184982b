// Tiền Phong (tienphong.vn). NO real page at hand: the "article__" CMS shape (article-cms.ts)
// as publicly known of its 2022+ markup (article__title cms-title, article__sapo cms-desc,
// article__body cms-body, article__author with a .cms-author name) plus JSON-LD/OpenGraph.
// Check against a saved page.
import { articleCmsRule } from './article-cms.ts';

export const tienphong = articleCmsRule({
  id: 'tienphong',
  name: 'Tiền Phong',
  hosts: ['tienphong.vn'],
  // Older pages open the sapo with the outlet tag "TPO - ".
  sapoPrefix: /^TPO\s*[-–—]\s*/u,
  fingerprint: [
    'meta[property="og:site_name"][content*="Tiền Phong" i]',
    'h1.article__title',
    'div.article__body',
  ],
  author: ['.article__author .cms-author', '.article__author .name', '.cms-author'],
});
