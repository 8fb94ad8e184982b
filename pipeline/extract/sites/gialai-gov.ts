// Cổng Thông tin điện tử tỉnh Gia Lai (gialai.gov.vn), the provincial portal. NO real page at
// hand: the same government-portal shapes as lamdong-gov.ts (news-detail / content-news,
// visible "Ngày đăng" date, signature paragraph) plus OpenGraph and the density fallback.
import type { SiteRule } from '../site-rule.ts';
import { lamdongGov } from './lamdong-gov.ts';

export const gialaiGov: SiteRule = {
  ...lamdongGov,
  id: 'gialai-gov',
  name: 'Cổng TTĐT tỉnh Gia Lai',
  hosts: ['gialai.gov.vn'],
  fingerprint: [
    'meta[property="og:site_name"][content*="Gia Lai" i][content*="Cổng" i]',
    '.news-detail, .detail-news',
    '.content-news, .news-content',
  ],
};
