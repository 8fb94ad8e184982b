// The CMS shared by Tuổi Trẻ, Thanh Niên, Người Lao Động, Báo Chính phủ, CafeF and other
// VCCorp-built outlets: `data-role` attributes mark title, sapo, content, publishdate, author
// and category. Learned from real saved pages of tuoitre, nld, baochinhphu and cafef
// (Mar 2026). The outlets differ in a few class names only, so every VCCorp rule reads the
// union below: a page reaching us by fingerprint gives the same result whichever of them wins.
import type { SiteRule } from '../site-rule.ts';

type VccorpOverrides = Pick<SiteRule, 'id' | 'name' | 'hosts'> &
  Partial<Omit<SiteRule, 'id' | 'name' | 'hosts'>>;

export function vccorpRule(site: VccorpOverrides): SiteRule {
  return {
    fingerprint: ['div.detail-content.afcbc-body'],
    title: ['h1.detail-title', 'h1[data-role="title"]', '[data-role="title"]'],
    sapo: ['h2.detail-sapo', '[data-role="sapo"]'],
    body: [
      'div.detail-content.afcbc-body[data-role="content"]',
      'div.detail-content.afcbc-body',
      '[data-role="content"]',
    ],
    drop: [
      // Inline "Tin liên quan" boxes (one story or a list) placed between paragraphs.
      '[type="RelatedOneNews"]',
      '[type="RelatedNewsBox"]',
      '.kbwscwl-relatedbox',
      // CafeF's "TIN MỚI" box at the top of the body.
      '.tindnd',
      // "Đọc tiếp / Về trang Chủ đề" buttons of long-form pages.
      '.readmore-body-box',
      // Embedded players and photo-story widgets.
      '[type="VideoStream"]',
      '[type="Video"]',
      '[type="LayoutAlbum"]',
      // Ad slots: <zone> elements and their holders.
      'zone',
      '[id^="admzone"]',
      '.ads',
      // Empty position markers for ad scripts.
      '[data-check-position]',
    ],
    author: [
      '.detail-author-list-sw .author-item-name',
      '.detail-author .author-info .name',
      '[data-role="author"]',
      '.detail-author .name',
      '.author-info .name',
      'p.author',
    ],
    date: ['[data-role="publishdate"]', '.detail-time'],
    section: ['.detail-cate a', '.detail-breadcrumb li a', '[data-role="cate-name"]'],
    tags: ['.detail-tab a.item', '.detail-tab a', '.tags-container a'],
    ...site,
  };
}
