// Báo Điện tử Chính phủ (baochinhphu.vn), VCCorp CMS (see vccorp-cms.ts). From a real saved
// page (Mar 2026): section in .detail-breadcrumb, "Tham khảo thêm" related box
// (.kbwscwl-relatedbox) inside the body, no author on policy round-ups, sapo opening with
// "(Chinhphu.vn) -" (removed by the generic dateline rule).
import { vccorpRule } from './vccorp-cms.ts';

export const baochinhphu = vccorpRule({
  id: 'baochinhphu',
  name: 'Báo Chính phủ',
  hosts: ['baochinhphu.vn', 'chinhphu.vn'],
  fingerprint: [
    'div.detail-content.afcbc-body',
    'meta[property="og:site_name"][content*="chinhphu" i]',
    '.detail-breadcrumb',
  ],
});
