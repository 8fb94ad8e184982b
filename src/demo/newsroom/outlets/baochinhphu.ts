// Báo Điện tử Chính phủ: page shape of baochinhphu.vn (div.detail-container, div.detail-breadcrumb,
// h1.detail-title[data-role=title], h2.detail-sapo starting "(Chinhphu.vn) - ",
// div.detail-time [data-role=publishdate] "19/11/2026 15:20", div.detail-content.afcbc-body);
// URLs "…-102261119152000123.htm"; feed at the site root ("/home.rss") with CDATA everywhere
// and the US-style pubDate "11/19/2026 3:20:00 PM" without a zone (Vietnam time).
import { compactStamp, dmy, hm, usDateTime, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Chính phủ',
  'Thời sự',
  'Chính sách và cuộc sống',
  'Kinh tế',
  'Văn hóa',
  'Xã hội',
  'Quốc tế',
  'Multimedia',
];

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/baochinhphu/${slugify(a.section)}.htm`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<div class="detail-link-related"><a href="${esc(r.path)}" title="${esc(r.title)}"><span class="icon"></span>${esc(r.title)}</a></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>${esc(a.title)}</title>
<meta name="description" content="${esc(a.sapo)}" />
<meta name="keywords" content="${esc(a.tags.join(', '))}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="${esc(a.title)}" />
<meta property="og:description" content="${esc(a.sapo)}" />
<meta property="og:url" content="${esc(url)}" />
<meta property="og:image" content="${esc(img)}" />
<meta property="article:published_time" content="${a.publishedAt}" />
<link rel="canonical" href="${esc(url)}" />
${jsonLdScript({
  '@context': 'http://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: { '@type': 'ImageObject', url: img },
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Person', name: a.author },
  publisher: { '@type': 'Organization', name: 'Báo Điện tử Chính phủ' },
})}
</head>
<body>
<header class="header"><a class="header__logo" href="/baochinhphu" title="Báo Điện tử Chính phủ"><img src="/static/anh-minh-hoa.svg" alt="Chinhphu.vn"></a>
<nav class="header__menu"><ul>${MENU.map((m) => `<li><a href="/baochinhphu/${slugify(m)}.htm">${esc(m)}</a></li>`).join('')}</ul></nav></header>
<div class="detail-container detailmaincontent">
  <div class="detail-scroll"><div class="detail-social">
    <a rel="nofollow" href="javascript:;" class="sharefb" title="chia sẻ facebook"><span class="icon"></span></a>
    <a href="javascript:;" rel="nofollow" title="chia sẻ zalo" class="zalo-share-button"><span class="icon"></span></a>
    <a href="javascript:;" title="Tăng cỡ chữ" class="btn-font"><span class="font">aA</span></a>
  </div></div>
  <div class="detail-mcontent">
    <div class="detail-breadcrumb"><ul><li><a href="${sectionPath}" title="${esc(a.section)}">${esc(a.section)}</a></li></ul></div>
    <h1 class="detail-title" data-role="title">${esc(a.title)}</h1>
    <h2 class="detail-sapo" data-role="sapo">(Chinhphu.vn) - ${esc(a.sapo)}</h2>
    <div class="detail-info">
      <div class="detail-author-top"><div class="detail-author-top-content">${esc(a.author)}</div></div>
      <div class="detail-time"><div data-role="publishdate">${dmy(w)} ${hm(w)}</div></div>
    </div>
    <div class="detail-content afcbc-body clearfix" data-role="content">
<figure class="VCSortableInPreviewMode noCaption"><div><img src="${esc(img)}" alt="${esc(a.title)}"></div><figcaption class="PhotoCMS_Caption"><p>Ảnh minh họa</p></figcaption></figure>
${paragraphs(a.body)}
    </div>
    <div class="detail-tag"><span class="title">Từ khóa:</span>${a.tags.map((t) => `<a class="tag-item" href="/baochinhphu/tim-kiem.htm?keywords=${encodeURIComponent(t)}" title="${esc(t)}">${esc(t)}</a>`).join('')}</div>
    <div class="detail-related">
${related}
    </div>
    <div id="commentpage" class="detail-comment"><span>Bình luận</span><textarea placeholder="Ý kiến của bạn"></textarea></div>
  </div>
</div>
<footer class="footer"><p>BÁO ĐIỆN TỬ CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (thông tin mẫu)</p><p>Ghi rõ nguồn "Cổng Thông tin điện tử Chính phủ" hoặc "www.chinhphu.vn" khi phát hành lại thông tin từ các nguồn này.</p></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const body = items
    .map(
      (a) => `<item>
<title>${cdata(a.title)}</title>
<description>${cdata(a.sapo)}</description>
<link>${cdata(`${baseUrl}${a.path}`)}</link>
<pubDate>${usDateTime(wallClock(a.publishedAt))}</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${cdata(feed.title)}</title>
<link>${baseUrl}${feed.path}</link>
${body}
</channel>
</rss>
`;
}

export const baochinhphu: Outlet = {
  id: 'baochinhphu',
  name: 'Báo Điện tử Chính phủ',
  domain: 'baochinhphu.vn',
  category: 'central-press',
  feeds: [
    { path: '/baochinhphu/home.rss', title: 'Trang chủ - RSS Feed' },
    { path: '/baochinhphu/thoi-su.rss', title: 'Thời sự - RSS Feed', section: 'Thời sự' },
  ],
  articlePath: (a, slug, seq) =>
    `/baochinhphu/${slug}-102${compactStamp(wallClock(a.publishedAt))}${String(seq).padStart(3, '0')}.htm`,
  renderArticle,
  renderFeed,
};
