// "Tin Hải Ngoại": an INVENTED Vietnamese-language outlet abroad (category foreign-vietnamese),
// so that the sample's hostile piece is not put in a real outlet's mouth. Its markup follows
// the shape of BBC News Tiếng Việt pages (main#main-content, h1#content, byline list with
// "Tác giả,"/"Vai trò,", <time datetime>, hashed class names, the sapo as the first bold
// paragraph of the body, "Các chủ đề liên quan"); its feed uses UTC "GMT" dates and CDATA.
import { rfc822Utc } from '../dates.ts';
import { cdata, esc, jsonLdScript } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MONTH_DATE = (iso: string): { date: string; label: string } => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return { date: `${y}-${m}-${d}`, label: `${Number(d)} tháng ${Number(m)} ${y}` };
};

/** BBC-style article id: "c" + 10 lowercase alphanumerics + "o", derived from the sequence. */
function articleId(seq: number): string {
  // 36^9 + … stays a safe integer and always prints as 10 base-36 digits.
  return `c${(36 ** 9 + seq * 104_729_117).toString(36)}o`;
}

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const { date, label } = MONTH_DATE(a.publishedAt);
  const img = imageUrl(ctx.baseUrl, a.id);
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<li class="bbc-1fxtbkn e1ojgjhb0"><a href="${esc(r.path)}" class="bbc-1i4ie53 e1d658bg0">${esc(r.title)}</a></li>`,
    )
    .join('\n');
  const para = (text: string): string =>
    `<div dir="ltr" class="bbc-19j92fr ebmt73l0"><p dir="ltr" class="bbc-hhl7in e17g058b0">${text}</p></div>`;
  return `<!DOCTYPE html>
<html lang="vi" class="no-js">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} - Tin Hải Ngoại</title>
<meta name="description" content="${esc(a.sapo)}">
<meta property="og:site_name" content="Tin Hải Ngoại">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.sapo)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:image" content="${esc(img)}">
<meta property="og:locale" content="vi_VN">
<meta property="article:published_time" content="${new Date(a.publishedAt).toISOString()}">
<meta property="article:section" content="${esc(a.section)}">
<link rel="canonical" href="${esc(url)}">
${jsonLdScript({
  '@context': 'http://schema.org',
  '@type': 'ReportageNewsArticle',
  url,
  headline: a.title,
  description: a.sapo,
  datePublished: new Date(a.publishedAt).toISOString(),
  dateModified: new Date(a.publishedAt).toISOString(),
  inLanguage: { '@type': 'Language', name: 'Vietnamese', alternateName: 'vi' },
  author: { '@type': 'NewsMediaOrganization', name: 'Tin Hải Ngoại' },
  publisher: { '@type': 'NewsMediaOrganization', name: 'Tin Hải Ngoại' },
  about: a.tags.map((t) => ({ '@type': 'Thing', name: t })),
})}
</head>
<body>
<header role="banner" class="bbc-1j2pjpn"><a href="#main-content" class="bbc-1w3o2jb">Nhảy đến nội dung</a>
<div class="bbc-1m0t6s3"><a href="/tin-hai-ngoai" class="bbc-1ihahm5"><span class="bbc-1l8uqz6">Tin Hải Ngoại</span></a></div>
<nav role="navigation" class="bbc-1uqhxg3"><ul role="list"><li><a href="/tin-hai-ngoai">Trang chủ</a></li><li><a href="/tin-hai-ngoai/topics/viet-nam">Việt Nam</a></li><li><a href="/tin-hai-ngoai/topics/the-gioi">Thế giới</a></li><li><a href="/tin-hai-ngoai/popular/read">Đọc nhiều nhất</a></li></ul></nav></header>
<div class="bbc-1h8dmd1 e1kfqoc50">
<main id="main-content" role="main" class="bbc-fa0wmp">
  <div class="bbc-1151pbn ebmt73l0"><h1 id="content" class="bbc-14gqcmb e1p3vdyi0" tabindex="-1">${esc(a.title)}</h1></div>
  <section aria-labelledby="article-byline" class="bbc-1n9zqk6 e1smvipo0"><h2 id="article-byline" class="bbc-1mvw6xt">Thông tin bài viết</h2>
    <ul class="bbc-1krw3ub e1wsb5t00" role="list">
      <li class="bbc-1a3w4ok"><span class="bbc-1u5r7kt"><span class="bbc-1orvtmw" aria-hidden="true">Tác giả,</span><span class="bbc-1q7x9lk">${esc(a.author)}</span></span></li>
      <li class="bbc-1a3w4ok"><span class="bbc-1u5r7kt"><span class="bbc-1orvtmw" aria-hidden="true">Vai trò,</span><span class="bbc-hrbdvu">Tin Hải Ngoại</span></span></li>
    </ul>
    <time datetime="${date}" class="bbc-1dafq0j e1mklfmt0">${label}</time>
  </section>
  <figure class="bbc-1qn0xuy"><img src="${esc(img)}" alt="Ảnh minh họa" width="976"><figcaption class="bbc-1q1xyqr"><span class="bbc-mo1nm6">Chụp lại hình ảnh,</span>Ảnh minh họa</figcaption></figure>
  ${para(`<b class="bbc-1ahuzjc e1f4q0rs0">${esc(a.sapo)}</b>`)}
  ${a.body.map((p) => para(esc(p))).join('\n  ')}
  <section aria-labelledby="related-topics" class="bbc-1jj0q7l"><h2 id="related-topics" class="bbc-1ljq4ky">Các chủ đề liên quan</h2>
    <ul role="list" class="bbc-1g5uh3k">${a.tags.map((t) => `<li class="bbc-1f5nrwt"><a href="/tin-hai-ngoai/topics/${encodeURIComponent(t)}" class="bbc-1t1u2oc">${esc(t)}</a></li>`).join('')}</ul>
  </section>
  <section aria-labelledby="related-content-heading" class="bbc-1ixcuuz"><h2 id="related-content-heading" class="bbc-1ljq4ky">Tin liên quan</h2><ul role="list">
${related}
  </ul></section>
</main>
</div>
<footer role="contentinfo" class="bbc-1dlbmb4"><p>© 2026 Tin Hải Ngoại (trang mẫu, hư cấu). Tin Hải Ngoại không chịu trách nhiệm về nội dung các trang bên ngoài.</p></footer>
</body>
</html>
`;
}

function renderFeed(feed: FeedDef, items: PlacedArticle[], baseUrl: string): string {
  const newest = items[0]?.publishedAt ?? '2026-11-20T06:00:00+07:00';
  const body = items
    .map((a) => {
      const url = `${baseUrl}${a.path}`;
      return `    <item>
      <title>${cdata(a.title)}</title>
      <description>${cdata(a.sapo)}</description>
      <link>${url}?at_medium=RSS&amp;at_campaign=rss</link>
      <guid isPermaLink="false">${url}#0</guid>
      <pubDate>${rfc822Utc(a.publishedAt)}</pubDate>
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${cdata(feed.title)}</title>
    <description>${cdata('Tin Hải Ngoại - trang tin tiếng Việt (mẫu, hư cấu)')}</description>
    <link>${baseUrl}/tin-hai-ngoai</link>
    <generator>RSS for Node</generator>
    <lastBuildDate>${rfc822Utc(newest)}</lastBuildDate>
    <atom:link href="${baseUrl}${feed.path}" rel="self" type="application/rss+xml"/>
    <copyright>${cdata('Bản quyền 2026 Tin Hải Ngoại.')}</copyright>
    <language>${cdata('vi')}</language>
    <ttl>15</ttl>
${body}
  </channel>
</rss>
`;
}

export const tinHaiNgoai: Outlet = {
  id: 'tin-hai-ngoai',
  name: 'Tin Hải Ngoại',
  domain: 'tinhaingoai.example',
  category: 'foreign-vietnamese',
  feeds: [{ path: '/tin-hai-ngoai/rss.xml', title: 'Tin Hải Ngoại - Tin tức' }],
  articlePath: (_a, _slug, seq) => `/tin-hai-ngoai/articles/${articleId(seq)}`,
  renderArticle,
  renderFeed,
};
