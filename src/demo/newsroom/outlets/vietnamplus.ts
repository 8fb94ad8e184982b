// VietnamPlus (TTXVN): page shape of vietnamplus.vn on its current CMS (h1.article__title
// cms-title, div.article__sapo cms-desc, div.article__body zce-content-body cms-body,
// time.time, the byline with "(TTXVN/Vietnam+)" after the body); URLs "…-post1080123.vnp";
// feed pubDate with a "+07:00" offset.
import { dmy, hm, rfc822, vnWeekdayTitle, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Thời sự',
  'Thế giới',
  'Kinh tế',
  'Xã hội',
  'Văn hóa',
  'Thể thao',
  'Công nghệ',
  'Đời sống',
  'Du lịch',
  'Môi trường',
];

function sectionSlug(section: string): string {
  return slugify(section).replace(/-/g, '');
}

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/vietnamplus/${sectionSlug(a.section)}/`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<article class="story"><h3 class="story__heading" data-tracking="related"><a class="cms-link" href="${esc(r.path)}" title="${esc(r.title)}">${esc(r.title)}</a></h3></article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} | Vietnam+ (VietnamPlus)</title>
<meta name="description" content="${esc(a.sapo)}">
<meta name="keywords" content="${esc(a.tags.join(', '))}">
<meta property="og:site_name" content="Vietnam+ (VietnamPlus)">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.sapo)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:image" content="${esc(img)}">
<meta property="article:published_time" content="${a.publishedAt}">
<meta property="article:section" content="${esc(a.section)}">
${a.tags.map((t) => `<meta property="article:tag" content="${esc(t)}">`).join('\n')}
<link rel="canonical" href="${esc(url)}">
${jsonLdScript({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: { '@type': 'ImageObject', url: img, width: 1200, height: 675 },
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Person', name: a.author },
  publisher: { '@type': 'Organization', name: 'Thông tấn xã Việt Nam (TTXVN)' },
})}
</head>
<body class="detail-page">
<header class="site-header"><div class="container"><a class="site-header__logo" href="/vietnamplus" title="VietnamPlus"><img src="/static/anh-minh-hoa.svg" alt="VietnamPlus"></a>
<ul class="site-header__lang"><li><a href="javascript:;">English</a></li><li><a href="javascript:;">Español</a></li><li><a href="javascript:;">中文</a></li></ul></div>
<nav class="site-header__nav"><ul class="menu">
  ${MENU.map((m) => `<li class="menu__item"><a class="menu__link" href="/vietnamplus/${sectionSlug(m)}/" title="${esc(m)}">${esc(m)}</a></li>`).join('\n  ')}
</ul></nav></header>
<main class="site-body"><div class="container">
  <div class="breadcrumbs"><a class="cate" href="${sectionPath}" title="${esc(a.section)}">${esc(a.section)}</a></div>
  <div class="article" data-type="0">
    <h1 class="article__title cms-title">${esc(a.title)}</h1>
    <div class="article__meta"><time class="time" datetime="${a.publishedAt}">${vnWeekdayTitle(w)}, ${dmy(w)} ${hm(w)} (GMT+7)</time>
      <div class="article__social"><a href="javascript:;" class="btn-fb" rel="nofollow">Facebook</a><a href="javascript:;" class="btn-zalo" rel="nofollow">Zalo</a></div></div>
    <div class="article__sapo cms-desc">${esc(a.sapo)}</div>
    <div class="article__body zce-content-body cms-body" itemprop="articleBody">
<table class="picture" align="center"><tbody><tr><td class="pic"><img src="${esc(img)}" alt="${esc(a.title)}"></td></tr><tr><td class="caption"><p>Ảnh minh họa. (Ảnh: TTXVN)</p></td></tr></tbody></table>
${paragraphs(a.body)}
    </div>
    <div class="article__author"><span class="name cms-author">${esc(a.author)}</span> <span class="source">(TTXVN/Vietnam+)</span></div>
    <div class="article__tag"><div class="box-content">${a.tags.map((t) => `<a class="tag" href="/vietnamplus/tag/${slugify(t)}-tag.vnp" title="${esc(t)}">${esc(t)}</a>`).join(' ')}</div></div>
    <div class="article__comment"><h3>Bình luận</h3><textarea placeholder="Ý kiến của bạn"></textarea></div>
  </div>
  <section class="box-related"><h2 class="box-heading">Tin cùng chuyên mục</h2>
${related}
  </section>
</div></main>
<footer class="site-footer"><p>Báo điện tử VIETNAMPLUS - Cơ quan chủ quản: Thông tấn xã Việt Nam (TTXVN) (thông tin mẫu).</p><p>© Bản quyền thuộc về VietnamPlus.</p></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const newest = items[0]?.publishedAt ?? '2026-11-20T06:00:00+07:00';
  const body = items
    .map((a) => {
      const url = `${baseUrl}${a.path}`;
      return `<item><title>${cdata(a.title)}</title><description>${cdata(`<a href="${url}"><img src="${imageUrl(baseUrl, a.id).replace(/&/g, '&amp;')}"/></a><p>${a.sapo}</p>`)}</description><pubDate>${rfc822(wallClock(a.publishedAt), '+07:00')}</pubDate><guid>${url}</guid><link>${url}</link><category>${cdata(a.section)}</category></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?><rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" version="2.0"><channel><title>${esc(feed.title)}</title><copyright>© Bản quyền thuộc về VietnamPlus.</copyright><link>${baseUrl}/vietnamplus/</link><lastBuildDate>${rfc822(wallClock(newest), '+07:00')}</lastBuildDate><description>${cdata(feed.title)}</description><language>vi-vn</language><ttl>5</ttl><atom:link href="${baseUrl}${feed.path}" rel="self" type="application/rss+xml"/>${body}</channel></rss>`;
}

export const vietnamplus: Outlet = {
  id: 'vietnamplus',
  name: 'VietnamPlus',
  domain: 'vietnamplus.vn',
  category: 'central-press',
  feeds: [
    { path: '/vietnamplus/rss/home.rss', title: 'Trang chủ' },
    { path: '/vietnamplus/rss/xahoi.rss', title: 'Xã hội', section: 'Xã hội' },
  ],
  articlePath: (_a, slug, seq) => `/vietnamplus/${slug}-post${1_080_000 + seq * 53}.vnp`,
  renderArticle,
  renderFeed,
};
