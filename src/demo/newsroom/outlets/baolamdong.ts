// Báo Lâm Đồng (baolamdong.vn, the merged provincial paper since 2025): URL style
// "…-359750.html" and feed paths without a suffix ("/rss/thoi-su") as seen in public code; no
// recorded page was available, so the markup follows the common provincial-portal layout
// (h1.post-title, div.post-sapo, div#post-content, author at the end). Feed pubDate uses the
// bare "+07" offset that some Vietnamese CMSs emit (not valid RFC 822).
import { dmy, hm, rfc822, vnWeekdayTitle, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Chính trị',
  'Thời sự',
  'Kinh tế',
  'Xã hội',
  'Dân tộc - Tôn giáo',
  'Văn hóa',
  'Du lịch',
  'Pháp luật',
  'Thể thao',
  'Bạn đọc',
];

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/baolamdong/${slugify(a.section)}`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const related = ctx.related
    .slice(0, 4)
    .map((r) => `<li><a href="${esc(r.path)}" title="${esc(r.title)}">${esc(r.title)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.title)} - Báo Lâm Đồng điện tử</title>
<meta name="description" content="${esc(a.sapo)}">
<meta name="keywords" content="${esc(a.tags.join(', '))}">
<meta property="og:site_name" content="Báo Lâm Đồng">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.sapo)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:image" content="${esc(img)}">
<meta property="article:published_time" content="${a.publishedAt}">
<meta property="article:section" content="${esc(a.section)}">
<link rel="canonical" href="${esc(url)}">
${jsonLdScript({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: a.title,
  description: a.sapo,
  url,
  image: [img],
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Person', name: a.author },
  publisher: { '@type': 'Organization', name: 'Báo và Phát thanh, Truyền hình Lâm Đồng' },
})}
</head>
<body class="detail">
<div class="top-bar"><span class="date-now">${vnWeekdayTitle(w)}, ${dmy(w)}</span><a href="/baolamdong/rss">RSS</a></div>
<header class="site-header"><a class="logo" href="/baolamdong"><img src="/static/anh-minh-hoa.svg" alt="Báo Lâm Đồng"></a>
<nav class="main-menu"><ul>
  <li class="home"><a href="/baolamdong">Trang chủ</a></li>
  ${MENU.map((m) => `<li><a href="/baolamdong/${slugify(m)}">${esc(m)}</a></li>`).join('\n  ')}
</ul></nav></header>
<div class="container main-content">
  <div class="col-main">
    <div class="breadcrumb"><a href="/baolamdong">Trang chủ</a> <span>/</span> <a class="cate" href="${sectionPath}">${esc(a.section)}</a></div>
    <div class="bx-detail">
      <h1 class="post-title">${esc(a.title)}</h1>
      <div class="post-meta"><span class="post-date">${vnWeekdayTitle(w)}, ${dmy(w)} | ${hm(w)}</span>
        <span class="post-share"><a href="javascript:;" class="fb-share">Chia sẻ</a> <a href="javascript:;" class="zalo-share">Zalo</a></span></div>
      <div class="post-sapo"><strong>${esc(a.sapo)}</strong></div>
      <div class="post-content" id="post-content">
<table class="image center"><tbody><tr><td><img src="${esc(img)}" alt="${esc(a.title)}"></td></tr><tr><td class="image-caption">Ảnh minh họa</td></tr></tbody></table>
${paragraphs(a.body)}
      </div>
      <p class="post-author">${esc(a.author)}</p>
      <div class="post-tags"><span>Từ khóa:</span> ${a.tags.map((t) => `<a href="/baolamdong/tag/${slugify(t)}" rel="tag">${esc(t)}</a>`).join(' ')}</div>
    </div>
    <div class="box-related"><h3 class="box-title">Tin liên quan</h3><ul>
${related}
    </ul></div>
    <div class="box-comment"><h3 class="box-title">Ý kiến bạn đọc</h3><textarea placeholder="Nhập ý kiến của bạn"></textarea><button type="button">Gửi ý kiến</button></div>
  </div>
  <aside class="col-side"><div class="box-most-read"><h3 class="box-title">Đọc nhiều</h3></div></aside>
</div>
<footer class="site-footer"><p>BÁO VÀ PHÁT THANH, TRUYỀN HÌNH LÂM ĐỒNG (thông tin mẫu)</p><p>Ghi rõ nguồn "Báo Lâm Đồng" khi phát hành lại thông tin từ website này.</p></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const body = items
    .map((a) => {
      const url = `${baseUrl}${a.path}`;
      return `<item><title>${cdata(a.title)}</title><link>${url}</link><guid>${url}</guid><description>${cdata(a.sapo)}</description><category>${cdata(a.section)}</category><pubDate>${rfc822(wallClock(a.publishedAt), '+07')}</pubDate></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${cdata(feed.title)}</title><link>${baseUrl}${feed.path}</link><description>${cdata('Báo Lâm Đồng điện tử')}</description><language>vi-VN</language>${body}</channel></rss>`;
}

export const baolamdong: Outlet = {
  id: 'baolamdong',
  name: 'Báo Lâm Đồng',
  domain: 'baolamdong.vn',
  category: 'provincial-press',
  feeds: [
    { path: '/baolamdong/rss/tin-moi', title: 'Báo Lâm Đồng - Tin mới' },
    { path: '/baolamdong/rss/thoi-su', title: 'Báo Lâm Đồng - Thời sự', section: 'Thời sự' },
  ],
  articlePath: (_a, slug, seq) => `/baolamdong/${slug}-${401_000 + seq * 17}.html`,
  renderArticle,
  renderFeed,
};
