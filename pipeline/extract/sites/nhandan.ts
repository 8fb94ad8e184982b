// Nhân Dân (nhandan.vn). NO real page at hand: the "article__" CMS shape (article-cms.ts) as
// publicly known of the 2022 redesign — article__body.zce-content-body, <time class="time"
// datetime="…+0700"> in article__meta — plus JSON-LD/OpenGraph. Check against a saved page.
import { articleCmsRule } from './article-cms.ts';

export const nhandan = articleCmsRule({
  id: 'nhandan',
  name: 'Nhân Dân',
  hosts: ['nhandan.vn', 'nhandan.com.vn'],
  fingerprint: [
    'meta[property="og:site_name"][content*="Nhân Dân" i]',
    'h1.article__title',
    'div.article__body',
  ],
});
