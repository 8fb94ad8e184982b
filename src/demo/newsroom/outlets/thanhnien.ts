// Thanh Niên: page shape of thanhnien.vn (same CMS family as Tuổi Trẻ: div.detail-cate,
// h1.detail-title > span[data-role=title], div.detail-time [data-role=publishdate]
// "19/11/2026 10:05 GMT+7", h2.detail-sapo, div.detail-content.afcbc-body); feed shape of
// thanhnien.vn/rss/*.rss: plain text, RFC 822 with a two-digit year ("19 Nov 26").
import { compactStamp, dmy, hm, rfc822, wallClock } from '../dates.ts';
import { esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Chính trị',
  'Thời sự',
  'Thế giới',
  'Kinh tế',
  'Đời sống',
  'Sức khỏe',
  'Giới trẻ',
  'Giáo dục',
  'Du lịch',
  'Văn hóa',
  'Giải trí',
  'Thể thao',
  'Công nghệ',
  'Xe',
];

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/thanhnien/${slugify(a.section)}.htm`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const authorPath = `/thanhnien/tac-gia/${slugify(a.author)}.htm`;
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<div class="box-category-item"><a class="box-category-link-title" data-type="title" href="${esc(r.path)}" title="${esc(r.title)}">${esc(r.title)}</a></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>${esc(a.title)}</title>
<meta name="description" content="${esc(a.sapo)}" />
<meta name="keywords" content="${esc(a.tags.join(', '))}" />
<meta property="og:site_name" content="Báo Thanh Niên" />
<meta property="og:type" content="article" />
<meta property="og:title" content="${esc(a.title)}" />
<meta property="og:description" content="${esc(a.sapo)}" />
<meta property="og:url" content="${esc(url)}" />
<meta property="og:image" content="${esc(img)}" />
<meta property="article:section" content="${esc(a.section)}" />
<meta property="article:published_time" content="${a.publishedAt}" />
<meta property="article:tag" content="${esc(a.tags.join(','))}" />
<meta itemprop="datePublished" content="${a.publishedAt}" />
<link rel="canonical" href="${esc(url)}" />
${jsonLdScript({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: [img],
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: [{ '@type': 'Person', name: a.author, url: `${ctx.baseUrl}${authorPath}` }],
  publisher: { '@type': 'Organization', name: 'Báo Thanh Niên' },
  articleSection: a.section,
  keywords: a.tags.join(', '),
})}
</head>
<body>
<header class="header"><div class="header__logo"><a href="/thanhnien" title="Báo Thanh Niên"><img src="/static/anh-minh-hoa.svg" alt="Thanh Niên"></a></div>
<nav class="header__menu"><ul class="menu-nav">
  ${MENU.map((m) => `<li class="item-menu"><a href="/thanhnien/${slugify(m)}.htm">${esc(m)}</a></li>`).join('\n  ')}
</ul></nav></header>
<main class="detail-page">
<div class="container">
<div class="detail__cmain">
  <div class="detail-cate"><a href="${sectionPath}" title="${esc(a.section)}">${esc(a.section)}</a></div>
  <h1 class="detail-title"><span data-role="title">${esc(a.title)}</span></h1>
  <div class="detail-info">
    <div class="detail-author"><div class="author-info"><a href="${authorPath}" class="name" title="${esc(a.author)}">${esc(a.author)}</a></div></div>
    <div class="detail-time"><div data-role="publishdate">${dmy(w)} ${hm(w)} GMT+7</div></div>
    <div class="detail-social"><a class="btn-share" href="javascript:;" rel="nofollow">Chia sẻ</a><a class="btn-save" href="javascript:;" rel="nofollow">Lưu</a></div>
  </div>
  <h2 class="detail-sapo" data-role="sapo">${esc(a.sapo)}</h2>
  <div class="detail-cmain">
    <div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
${paragraphs(a.body.slice(0, 2))}
<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="${esc(img)}" alt="${esc(a.title)}"></div>
<figcaption class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh">Ảnh minh họa. ẢNH: TƯ LIỆU</p></figcaption></figure>
${paragraphs(a.body.slice(2))}
    </div>
  </div>
  <div class="detail-tab">
    <span>Từ khóa:</span>
    ${a.tags.map((t) => `<a href="/thanhnien/tin-tuc/${slugify(t)}.htm" title="${esc(t)}" class="tag-item">${esc(t)}</a>`).join('\n    ')}
  </div>
  <div class="detail__related"><div class="box-category" data-layout="related"><div class="box-category-top"><span class="box-category-title">Tin liên quan</span></div>
${related}
  </div></div>
  <div class="detail-comment" id="comment"><div class="title">Bình luận (0)</div><textarea placeholder="Viết bình luận"></textarea><a href="javascript:;" class="btn-send">Gửi bình luận</a></div>
</div>
</div>
</main>
<footer class="footer"><p>Cơ quan chủ quản: Trung ương Hội Liên hiệp Thanh niên Việt Nam (thông tin mẫu).</p><p>© Bản quyền thuộc Báo Thanh Niên.</p></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const body = items
    .map(
      (a) => `<item>
<title>${esc(a.title)}</title>
<link>${baseUrl}${a.path}</link>
<description>${esc(a.sapo)}</description>
<pubDate>${rfc822(wallClock(a.publishedAt), '+0700', true)}</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${esc(feed.title)}</title>
<link>${baseUrl}${feed.path}</link>
<description>Thanh Niên Online</description>
<language>vi-vn</language>
${body}
</channel>
</rss>
`;
}

export const thanhnien: Outlet = {
  id: 'thanhnien',
  name: 'Thanh Niên',
  domain: 'thanhnien.vn',
  category: 'central-press',
  feeds: [
    { path: '/thanhnien/rss/home.rss', title: 'Thanh Nien RSS Trang chu' },
    { path: '/thanhnien/rss/thoi-su.rss', title: 'Thanh Nien RSS Thoi su', section: 'Thời sự' },
  ],
  // "…-185261119100500123.htm": site prefix 185, yyMMddHHmmss, three-digit counter.
  articlePath: (a, slug, seq) =>
    `/thanhnien/${slug}-185${compactStamp(wallClock(a.publishedAt))}${String(seq).padStart(3, '0')}.htm`,
  renderArticle,
  renderFeed,
};
