// Cổng Thông tin điện tử tỉnh Lâm Đồng (lamdong.gov.vn), the provincial portal. NO real page
// at hand and the portal was rebuilt for the 2025 merger: this rule names the shapes of the
// government-portal CMSes in use (news-detail / title-news / content-news, the SharePoint
// "ExternalClass" body) and relies on OpenGraph and the content-density fallback, which drops
// the portal furniture (visitor counters "Lượt truy cập", "Liên kết website", "Ảnh đẹp").
// Portals rarely publish JSON-LD; the date is the visible "Ngày đăng" line.
import type { SiteRule } from '../site-rule.ts';

export const lamdongGov: SiteRule = {
  id: 'lamdong-gov',
  name: 'Cổng TTĐT tỉnh Lâm Đồng',
  hosts: ['lamdong.gov.vn'],
  fingerprint: [
    'meta[property="og:site_name"][content*="Lâm Đồng" i][content*="Cổng" i]',
    '.news-detail, .detail-news',
    '.content-news, .news-content',
  ],
  title: ['.news-detail h1', '.detail-news h1', 'h1.title-news'],
  sapo: ['.news-detail .sapo', '.summary-news', '.news-summary'],
  body: ['div.content-news', 'div.news-content', '.ExternalClass'],
  drop: [
    '.other-news',
    '.news-other',
    '.tool-news',
    '.print-share',
    // Portal editors centre images and their captions and right-align the signature (read
    // as author below); body text is justified.
    'p[style*="text-align:center" i]',
    'p[style*="text-align: center" i]',
    'p[align="center" i]',
    'p[style*="text-align:right" i]',
    'p[style*="text-align: right" i]',
    'p[align="right" i]',
  ],
  // The signature as printed ("Văn Định - Trung tâm Thông tin"): name and unit.
  author: [
    '.content-news p[style*="text-align:right" i]',
    '.content-news p[style*="text-align: right" i]',
    '.content-news p[align="right" i]',
    '.author-news',
    '.news-author',
  ],
  date: ['.date-news', '.news-date', '.publish-date'],
  section: ['.breadcrumb a', '.path a'],
  tags: ['.tags-news a'],
};
