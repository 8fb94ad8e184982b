// Báo Gia Lai (baogialai.com.vn; since the 1 Jul 2025 merger also the former Báo Bình Định).
// NO real page at hand: the "article__" CMS shape (article-cms.ts), which provincial papers
// relaunched by the same vendor share, plus JSON-LD/OpenGraph; the fingerprint is the
// outlet's og:site_name. Check against a saved page.
import { articleCmsRule } from './article-cms.ts';

export const baogialai = articleCmsRule({
  id: 'baogialai',
  name: 'Báo Gia Lai',
  hosts: ['baogialai.com.vn', 'baobinhdinh.vn'],
  // The sapo opens with the outlet tag "GLO- " (Gia Lai Online).
  sapoPrefix: /^GLO\s*[-–—]\s*/u,
  fingerprint: [
    'meta[property="og:site_name"][content*="Báo Gia Lai" i]',
    'h1.article__title',
    'div.article__body',
  ],
});
