// Dân Trí: page shape of dantri.com.vn (Tailwind "dt-" classes; article[data-slot=container]
// with h1[data-slot=title], author link to /tac-gia/, <time datetime="2026-11-19 09:30">
// "Thứ tư, 19/11/2026 - 09:30", h2[data-slot=sapo] starting "(Dân trí) - ",
// div[data-slot=content] with plain <p>); URLs under the section folder; RFC 822 +0700 feeds.
import { compactStamp, dmy, hm, pad2, rfc822, vnWeekday, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Thời sự',
  'Thế giới',
  'Kinh doanh',
  'Bất động sản',
  'Xã hội',
  'Giáo dục',
  'Sức khỏe',
  'Pháp luật',
  'Du lịch',
  'Thể thao',
  'Giải trí',
  'Công nghệ',
];

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/dantri/${slugify(a.section)}.htm`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const authorPath = `/dantri/tac-gia/${slugify(a.author)}.htm`;
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r, i) =>
        `<article data-layout="default" class="dt-flex dt-gap-5 dt-font-inter" data-content-name="article-related" data-content-piece="article-related-position_${i + 1}"><div class="dt-flex-1 dt-flex dt-flex-col dt-gap-1"><h3 class="dt-text-base dt-font-semibold"><a data-prop="title" href="${esc(r.path)}">${esc(r.title)}</a></h3><a data-prop="sapo" class="dt-text-sm" href="${esc(r.path)}">${esc(r.sapo)}</a></div></article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>${esc(a.title)} | Báo Dân trí</title>
<meta name="description" content="${esc(a.sapo)}">
<meta name="keywords" content="${esc(a.tags.join(', '))}">
<meta property="og:site_name" content="Báo Dân trí">
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
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: { '@type': 'ImageObject', url: img },
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Person', name: a.author, url: `${ctx.baseUrl}${authorPath}` },
  publisher: { '@type': 'Organization', name: 'Báo Dân trí' },
})}
</head>
<body>
<header class="header container bg-wrap"><div class="header-top flex-jcb"><a class="header-logo flex-jcc" href="/dantri" title="Báo Dân trí"><img src="/static/anh-minh-hoa.svg" alt="Dân trí"></a><span class="weather-placeholder"></span></div></header>
<nav class="menu menu-v3 dt-bg-cffffff dt-sticky dt-top-0 dt-font-Inter"><ol class="menu-wrap-v3 dt-relative dt-flex">
  <li class="home dt-flex dt-items-center"><a href="/dantri" title="Trang chủ">Trang chủ</a></li>
  ${MENU.map((m) => `<li class="dt-relative dt-flex dt-items-center"><a class="dt-inline-flex dt-uppercase" href="/dantri/${slugify(m)}.htm" title="${esc(m)}">${esc(m)}</a></li>`).join('\n  ')}
</ol></nav>
<main class="body container">
<div class="dt-grid dt-grid-cols-[48px_minmax(0,_1fr)_300px] dt-gap-[50px]">
<div class="dt-h-full dt-z-[3]" data-module="social-pin-v-2"></div>
<div class="dt-flex dt-flex-col dt-gap-6">
  <div class="dt-flex dt-flex-wrap dt-justify-between dt-items-center"><ul class="dt-text-base dt-font-inter dt-list-none">
    <li class="dt-float-left"><a class="dt-text-black dt-font-normal" title="${esc(a.section)}" href="${sectionPath}" data-content-name="article-breadcrumb" data-content-piece="article-breadcrumb-position_1">${esc(a.section)}</a></li>
  </ul></div>
  <div class="dt-flex dt-flex-col">
  <article data-slot="container" class="dt-flex dt-flex-col dt-gap-6">
    <h1 data-slot="title" class="dt-font-inter dt-font-semibold dt-text-black dt-text-4xl dt-leading-12 -dt-mb-3">${esc(a.title)}</h1>
    <div class="dt-flex dt-items-center dt-gap-1 dt-h-6">
      <div class="dt-flex dt-items-center dt-gap-2 dt-relative"><div class="dt-font-inter dt-font-normal dt-text-13px dt-leading-5 dt-text-black"><a class="hover:dt-text-black" href="${authorPath}">${esc(a.author)}</a></div></div>
      <time class="dt-flex dt-items-center dt-font-inter dt-text-common-sub dt-text-13px dt-leading-5" datetime="${w.year}-${pad2(w.month)}-${pad2(w.day)} ${hm(w)}"> ${vnWeekday(w)}, ${dmy(w)} - ${hm(w)} </time>
    </div>
    <h2 data-slot="sapo" class="dt-font-arial dt-font-normal dt-text-lg dt-leading-160 dt-text-black-mine">(Dân trí) - ${esc(a.sapo)}</h2>
    <div data-slot="content" id="desktop-in-article" class="dt-font-arial dt-font-normal dt-text-black-mine dt-text-lg dt-leading-160">
<figure class="image align-center" contenteditable="false"><img title="${esc(a.title)}" src="${esc(img)}" alt="${esc(a.title)}"><figcaption><p>Ảnh minh họa (Ảnh: Tư liệu).</p></figcaption></figure>
${paragraphs(a.body)}
    </div>
  </article>
  <div class="dt-mt-3" data-module="interaction"><span>Bình luận (0)</span></div>
  </div>
  <div class="dt-flex dt-flex-wrap dt-items-center dt-gap-1 dt-font-inter"><span class="dt-text-sm dt-font-semibold dt-text-common-sub dt-mr-2">Chủ đề:</span>
    ${a.tags.map((t) => `<a class="dt-py-2 dt-px-4 dt-text-sm dt-font-normal dt-text-black dt-bg-common-background dt-rounded-3xl" href="/dantri/chu-de/${slugify(t)}.htm" title="${esc(t)}">${esc(t)}</a>`).join('\n    ')}
  </div>
  <div class="dt-flex dt-flex-col dt-gap-3"><div class="dt-p-6 dt-bg-common-background">
${related}
  </div></div>
</div>
<div class="nf-sidebar dt-pt-5"><div class="dantri-widget dantri-widget--gold-price"></div></div>
</div>
</main>
<footer class="footer container bg-wrap"><div class="footer-wrap"><p class="copyright dt-mt-2">© Báo Dân trí (thông tin mẫu). Cơ quan chủ quản: Bộ Nội vụ.</p></div></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const body = items
    .map((a) => {
      const url = `${baseUrl}${a.path}`;
      return `<item>
<title>${cdata(a.title)}</title>
<description>${cdata(`<a href="${url}"><img src="${imageUrl(baseUrl, a.id).replace(/&/g, '&amp;')}" /></a>${a.sapo}`)}</description>
<pubDate>${rfc822(wallClock(a.publishedAt), '+0700')}</pubDate>
<link>${url}</link>
<guid>${url}</guid>
</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${cdata(feed.title)}</title>
<description>${cdata('Dân trí - Tin tức Việt Nam và quốc tế nóng, nhanh, cập nhật 24h')}</description>
<link>${baseUrl}${feed.path}</link>
<language>vi</language>
${body}
</channel>
</rss>
`;
}

export const dantri: Outlet = {
  id: 'dantri',
  name: 'Dân Trí',
  domain: 'dantri.com.vn',
  category: 'central-press',
  feeds: [
    { path: '/dantri/rss/tin-moi-nhat.rss', title: 'Tin mới nhất - Dân trí' },
    { path: '/dantri/rss/kinh-doanh.rss', title: 'Kinh doanh - Dân trí', section: 'Kinh doanh' },
  ],
  // "/kinh-doanh/…-20261118114000005.htm": section folder, publication stamp, counter.
  articlePath: (a, slug, seq) =>
    `/dantri/${slugify(a.section)}/${slug}-${compactStamp(wallClock(a.publishedAt), true)}${String(seq).padStart(3, '0')}.htm`,
  renderArticle,
  renderFeed,
};
