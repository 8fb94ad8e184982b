// CafeF (cafef.vn), VCCorp CMS (see vccorp-cms.ts). From a real saved page (Mar 2026,
// ../shared/data/articles/tracking_news-mcp): h1.title and h2.sapo with data-role, the date
// as span.pdate "07-03-2026 - 00:01 AM" (d-m-y with AM/PM), the category link
// a[data-role=cate-name], a "TIN MỚI" box at the top of the body (.tindnd), the author as
// p.author and the source as p.source under the body, not inside it.
import { vccorpRule } from './vccorp-cms.ts';

export const cafef = vccorpRule({
  id: 'cafef',
  name: 'CafeF',
  hosts: ['cafef.vn'],
  fingerprint: [
    'div.detail-content.afcbc-body',
    'meta[property="og:site_name"][content="cafef" i]',
    'span.pdate[data-role="publishdate"]',
  ],
  author: ['.t-contentdetail p.author', 'p.author', '[data-role="author"]'],
  section: ['a[data-role="cate-name"]', '.detail-cate a'],
  tags: ['.row2.taglist a', '.tagdetail a', '.tags-container a'],
});
