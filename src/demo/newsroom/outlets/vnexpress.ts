// VnExpress: page shape of vnexpress.net article pages (h1.title-detail, p.description,
// article.fck_detail with p.Normal, author as the last p.Normal's <strong>, span.date
// "Thứ tư, 19/11/2026, 08:30 (GMT+7)"), feed shape of vnexpress.net/rss/*.rss (RFC 822 +0700,
// image inside a CDATA description, and an <enclosure> whose url carries a raw `&`, which
// makes the real feed not well-formed XML).
import { hm, rfc822, vnWeekday, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Thời sự',
  'Góc nhìn',
  'Thế giới',
  'Kinh doanh',
  'Khoa học công nghệ',
  'Bất động sản',
  'Sức khỏe',
  'Thể thao',
  'Giải trí',
  'Pháp luật',
  'Giáo dục',
  'Du lịch',
];

function dayLabel(iso: string): string {
  const w = wallClock(iso);
  return `${vnWeekday(w)}, ${w.day}/${w.month}/${w.year}`;
}

function visibleDate(iso: string): string {
  return `${dayLabel(iso)}, ${hm(wallClock(iso))} (GMT+7)`;
}

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const sectionUrl = `/vnexpress/${slugify(a.section)}`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const tags = a.tags.join(', ');
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<article class="item-news"><h3 class="title-news"><a href="${esc(r.path)}" title="${esc(r.title)}">${esc(r.title)}</a></h3><p class="description">${esc(r.sapo)}</p></article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} - Báo VnExpress ${esc(a.section)}</title>
<meta name="description" content="${esc(a.sapo)} - VnExpress"/>
<meta name="keywords" content="${esc(tags)}"/>
<meta name="news_keywords" content="${esc(tags)}"/>
<meta content="width=device-width, initial-scale=1, minimum-scale=1, maximum-scale=5, user-scalable=1" name="viewport"/>
<meta name="tt_page_type" content="article"/>
<meta name="tt_list_folder_name" content="VnExpress,${esc(a.section)}"/>
<meta property="og:site_name" content="vnexpress.net"/>
<meta property="og:type" content="article"/>
<meta property="og:url" itemprop="url" content="${esc(url)}"/>
<meta property="og:image" itemprop="thumbnailUrl" content="${esc(img)}"/>
<meta content="${esc(a.title)}" itemprop="headline" property="og:title"/>
<meta content="${esc(a.sapo)}" itemprop="description" property="og:description"/>
<meta property="article:tag" content="${esc(a.tags.join(','))}"/>
<meta content="news" itemprop="genre" name="medium"/>
<meta content="vi-VN" itemprop="inLanguage"/>
<meta content="${esc(a.section)}" itemprop="articleSection"/>
<meta content="Tin nhanh VnExpress" itemprop="sourceOrganization" name="source"/>
<meta content="${a.publishedAt}" itemprop="datePublished" name="pubdate"/>
<meta content="${a.publishedAt}" itemprop="dateModified" name="lastmod"/>
<meta name="copyright" content="VnExpress"/>
<meta name="author" content="VnExpress"/>
<meta name="its_title" content="${esc(a.title)}"/>
<meta name="its_section" content="${esc(a.section.toLowerCase())}"/>
<link rel="canonical" href="${esc(url)}"/>
${jsonLdScript({
  '@context': 'http://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: { '@type': 'ImageObject', url: img, width: 1200, height: 675 },
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Organization', name: 'VnExpress' },
  publisher: { '@type': 'Organization', name: 'Báo VnExpress' },
  about: a.tags,
})}
${jsonLdScript({
  '@context': 'http://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: [
    {
      '@type': 'ListItem',
      position: 1,
      item: { '@id': `${ctx.baseUrl}${sectionUrl}`, name: a.section },
    },
  ],
})}
</head>
<body class="page-detail">
<header class="section header">
  <div class="container flexbox">
    <a class="logo" href="/vnexpress" title="Tin nhanh VnExpress - Đọc báo, tin tức online 24h"><img src="/static/anh-minh-hoa.svg" alt="VnExpress"></a>
    <span class="time-now">${dayLabel(a.publishedAt)}</span>
    <a class="btn-search" href="#">Tìm kiếm</a>
  </div>
  <nav class="main-nav"><ul class="parent">
    <li class="home"><a href="/vnexpress" title="Trang chủ">Trang chủ</a></li>
    ${MENU.map((m) => `<li><a href="/vnexpress/${slugify(m)}" title="${esc(m)}">${esc(m)}</a></li>`).join('\n    ')}
  </ul></nav>
</header>
<section class="section page-detail top-detail">
  <div class="container detail-new">
    <div class="social_pin"><ul class="social_left">
      <li><a href="javascript:;" class="social_fb flexbox btn_share" rel="nofollow" title="Chia sẻ bài viết lên facebook"></a></li>
      <li><a href="#box_comment_vne" class="social_comment flexbox" title="Bình luận"><span class="number_cmt txt_num_comment">0</span></a></li>
      <li><a href="${sectionUrl}" class="social_back flexbox"><span class="tip">Trở lại ${esc(a.section)}</span></a></li>
    </ul></div>
    <div class="sidebar-1">
      <div class="header-content width_common">
        <ul class="breadcrumb" data-campaign="Header">
          <li><a href="${sectionUrl}" title="${esc(a.section)}">${esc(a.section)}</a></li>
        </ul>
        <span class="date">${visibleDate(a.publishedAt)}</span>
      </div>
      <h1 class="title-detail">${esc(a.title)}</h1>
      <p class="description">${esc(a.sapo)}</p>
      <article class="fck_detail ">
${paragraphs(a.body.slice(0, 1), 'Normal')}
<figure itemprop="associatedMedia image" class="tplCaption">
  <div class="fig-picture"><picture><img itemprop="contentUrl" class="lazy" alt="${esc(a.title)}" src="${esc(img)}"></picture></div>
  <figcaption itemprop="description"><p class="Image">Ảnh minh họa. Ảnh: <em>Tư liệu</em></p></figcaption>
</figure>
${paragraphs(a.body.slice(1), 'Normal')}
<p class="Normal" style="text-align:right;"><strong>${esc(a.author)}</strong></p>
        <span id="article-end"></span>
      </article>
      <div class="footer-content width_common">
        <a href="${sectionUrl}" class="save back-folder">Trở lại ${esc(a.section)}</a>
        <div class="social"><a href="javascript:;" class="btn_share">Chia sẻ</a><span class="copy-link">Copy link thành công</span></div>
      </div>
      <div class="width_common box-tags">
        ${a.tags.map((t) => `<h4 class="item-tag"><a href="/vnexpress/chu-de/${slugify(t)}" title="${esc(t)}">${esc(t)}</a></h4>`).join('\n        ')}
      </div>
      <div class="box-category box-tinlienquan"><h2 class="title-box">Tin liên quan</h2>
${related}
      </div>
      <div class="box_comment_vne width_common" id="box_comment_vne">
        <h3 class="title_box_comment">Ý kiến <span class="count_cmt">(0)</span></h3>
        <div class="input_comment"><textarea placeholder="Chia sẻ ý kiến của bạn" class="txt_comment"></textarea></div>
      </div>
    </div>
    <div class="sidebar-2 col-sticky"><div class="box-category box-xemnhieu"><h3 class="title-box">Xem nhiều</h3></div></div>
  </div>
</section>
<footer id="footer" class="footer">
  <div class="container">
    <p class="bottom-footer">Báo tiếng Việt nhiều người xem nhất. Thuộc Bộ Khoa học và Công nghệ.</p>
    <p class="copyright">© Copyright 1997-2026 VnExpress.net, All rights reserved.</p>
  </div>
</footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const newest = items[0]?.publishedAt ?? '2026-11-20T06:30:00+07:00';
  const body = items
    .map((a) => {
      const url = `${baseUrl}${a.path}`;
      // Deliberately unescaped: the real feed puts the CDN query string raw in the attribute.
      const enclosure = imageUrl(baseUrl, a.id);
      return `        <item>
            <title>${esc(a.title)}</title>
            <description>
            ${cdata(` <a href="${url}"><img src="${enclosure}"></a></br>${a.sapo} `)}
            </description>
            <pubDate>${rfc822(wallClock(a.publishedAt), '+0700')}</pubDate>
            <link>${url}</link>
            <guid>${url}</guid>
            <enclosure type="image/jpeg" length="1200" url="${enclosure}"/>
        </item>`;
    })
    .join('\n');
  return `<rss version="2.0">
    <channel>
        <title>${esc(feed.title)}</title>
        <description>VnExpress RSS</description>
        <image>
        <url>${baseUrl}/static/anh-minh-hoa.svg</url>
        <title>Tin nhanh VnExpress - Đọc báo, tin tức online 24h</title>
        <link>${baseUrl}/vnexpress</link>
        </image>
        <pubDate>${rfc822(wallClock(newest), '+0700')}</pubDate>
        <generator>VnExpress</generator>
        <link>${baseUrl}${feed.path}</link>
${body}
    </channel>
</rss>
`;
}

export const vnexpress: Outlet = {
  id: 'vnexpress',
  name: 'VnExpress',
  domain: 'vnexpress.net',
  category: 'central-press',
  feeds: [
    { path: '/vnexpress/rss/tin-moi-nhat.rss', title: 'Tin mới nhất - VnExpress RSS' },
    { path: '/vnexpress/rss/du-lich.rss', title: 'Du lịch - VnExpress RSS', section: 'Du lịch' },
  ],
  articlePath: (_a, slug, seq) => `/vnexpress/${slug}-${5_100_000 + seq * 131}.html`,
  renderArticle,
  renderFeed,
};
