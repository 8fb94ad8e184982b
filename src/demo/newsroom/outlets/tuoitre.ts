// Tuổi Trẻ: page shape of tuoitre.vn (div.detail__cmain, div.detail-cate, div.detail-time with
// [data-role=publishdate] "19/11/2026 08:30 GMT+7", h1.detail-title[data-role=title],
// h2.detail-sapo, div.detail-content.afcbc-body with plain <p>, figure + PhotoCMS_Caption,
// author names in capitals, "Chủ đề" tags in div.detail-tab); feed pubDate "… GMT+7".
import { compactStamp, dmy, hm, rfc822, wallClock } from '../dates.ts';
import { cdata, esc, jsonLdScript, paragraphs, slugify } from '../html.ts';
import { imageUrl } from '../static.ts';
import type { FeedDef, Outlet, PlacedArticle, RenderContext } from '../types.ts';

const MENU = [
  'Thời sự',
  'Thế giới',
  'Pháp luật',
  'Kinh doanh',
  'Công nghệ',
  'Xe',
  'Du lịch',
  'Nhịp sống trẻ',
  'Văn hóa',
  'Giải trí',
  'Thể thao',
  'Giáo dục',
  'Sức khỏe',
];

function renderArticle(a: PlacedArticle, ctx: RenderContext): string {
  const url = `${ctx.baseUrl}${a.path}`;
  const w = wallClock(a.publishedAt);
  const sectionPath = `/tuoitre/${slugify(a.section)}.htm`;
  const img = imageUrl(ctx.baseUrl, a.id);
  const author = a.author.toLocaleUpperCase('vi');
  const authorPath = `/tuoitre/tac-gia/${slugify(a.author)}.htm`;
  const related = ctx.related
    .slice(0, 3)
    .map(
      (r) =>
        `<div class="box-category-item"><h3 class="box-title-text"><a class="box-category-link-title" href="${esc(r.path)}" title="${esc(r.title)}">${esc(r.title)}</a></h3></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>${esc(a.title)} - Tuổi Trẻ Online</title>
<meta name="description" content="${esc(a.sapo)}" />
<meta name="keywords" content="${esc(a.tags.join(','))}" />
<meta property="og:type" content="article" />
<meta property="og:site_name" content="TUOI TRE ONLINE" />
<meta property="og:title" content="${esc(a.title)}" />
<meta property="og:url" content="${esc(url)}" />
<meta property="og:image" content="${esc(img)}" />
<meta property="og:description" content="${esc(a.sapo)}" />
<meta property="og:locale" content="vi_VN" />
<meta property="article:tag" content="${esc(a.tags.join(','))}" />
<meta property="article:section" content="${esc(a.section)}" />
<meta property="article:published_time" content="${a.publishedAt}" />
<meta property="article:modified_time" content="${a.publishedAt}" />
<meta name="pubdate" content="${a.publishedAt}" />
<meta property="article:author" content="baotuoitre" />
<link rel="canonical" href="${esc(url)}" />
${jsonLdScript({
  '@context': 'http://schema.org',
  '@type': 'NewsArticle',
  mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  headline: a.title,
  description: a.sapo,
  image: { '@type': 'ImageObject', url: img, width: 800, height: 450 },
  datePublished: a.publishedAt,
  dateModified: a.publishedAt,
  author: { '@type': 'Person', name: a.author },
  publisher: { '@type': 'Organization', name: 'Báo Tuổi Trẻ' },
})}
</head>
<body>
<div class="header">
  <div class="header__top"><a class="logo" href="/tuoitre" title="Báo Tuổi Trẻ"><img src="/static/anh-minh-hoa.svg" alt="Tuổi Trẻ Online"></a>
  <a class="btn-login" href="javascript:;" rel="nofollow">Đăng nhập</a></div>
  <nav class="header__nav"><ul class="menu-nav">
    ${MENU.map((m) => `<li class="item-menu"><a href="/tuoitre/${slugify(m)}.htm" title="${esc(m)}">${esc(m)}</a></li>`).join('\n    ')}
  </ul></nav>
</div>
<div class="detail-container">
<div class="detail__cmain" id="main-detail">
  <div class="detail-top">
    <div class="detail-cate"><a href="${sectionPath}" title="${esc(a.section)}">${esc(a.section)}</a></div>
    <div class="detail-time"><div data-role="publishdate">${dmy(w)} ${hm(w)} GMT+7</div></div>
  </div>
  <h1 class="detail-title article-title" data-role="title">${esc(a.title)}</h1>
  <div class="detail-info">
    <div class="detail-author">
      <div class="author-info"><a href="${authorPath}" class="name" title="${esc(author)}">${esc(author)}</a></div>
    </div>
    <div class="detail-info-action"><div class="detail-follow-gg"><a title="news google" href="javascript:;" rel="nofollow">Theo dõi trên Google News</a></div></div>
  </div>
  <h2 class="detail-sapo" data-role="sapo">${esc(a.sapo)}</h2>
  <div class="detail-cmain clearfix">
    <div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
<figure class="VCSortableInPreviewMode"><div><img src="${esc(img)}" title="${esc(a.title)} - Ảnh 1." alt="${esc(a.title)}" rel="lightbox"></div>
<figcaption class="PhotoCMS_Caption"><p>Ảnh minh họa - Ảnh: TƯ LIỆU</p></figcaption></figure>
${paragraphs(a.body)}
    </div>
    <div class="box-author-detail"><div class="detail-author-bot"><a href="${authorPath}" class="name">${esc(author)}</a></div></div>
  </div>
  <div class="sendstarauthor"><div class="formreactdetail"><span>Trở thành người đầu tiên tặng sao cho bài viết</span></div></div>
  <div class="detail-tab">
    <span class="txttag">Chủ đề:</span>
    ${a.tags.map((t) => `<a href="/tuoitre/${slugify(t)}.html" title="${esc(t)}" class="item">${esc(t)}</a>`).join('\n    ')}
  </div>
  <div class="detail__related"><div class="box-category"><h3 class="title-category"><a class="box-category-title" href="javascript:;" title="Tin liên quan">Tin liên quan</a></h3>
${related}
  </div></div>
  <div id="detail_comment" class="detail-comment"><section class="comment-wrapper clearfix">
    <div class="form-comment clearfix"><span class="title">Bình luận (0)</span><textarea placeholder="Chia sẻ ý kiến của bạn"></textarea><span>Tối đa: 1500 ký tự</span><a href="javascript:;" class="btn-send">Gửi bình luận</a></div>
  </section></div>
</div>
</div>
<footer class="footer"><div class="footer__info">
  <p>Tổng biên tập: (thông tin mẫu). Giấy phép hoạt động báo điện tử (thông tin mẫu).</p>
  <p>© Bản quyền thuộc Báo Tuổi Trẻ. Mọi hình thức sao chép nội dung phải có sự đồng ý của Báo Tuổi Trẻ.</p>
</div></footer>
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
<link>${cdata(url)}</link>
<guid isPermaLink="false">${cdata(url)}</guid>
<description>${cdata(`<a href="${url}"><img src="${imageUrl(baseUrl, a.id).replace(/&/g, '&amp;')}" /></a>${a.sapo}`)}</description>
<pubDate>${cdata(rfc822(wallClock(a.publishedAt), 'GMT+7'))}</pubDate>
</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${cdata(feed.title)}</title>
<description>${cdata('Tuổi Trẻ Online - Tin tức mới nhất')}</description>
<link>${baseUrl}${feed.path}</link>
<copyright>Copyright © Báo Tuổi Trẻ</copyright>
<generator>tuoitre.vn</generator>
${body}
</channel>
</rss>
`;
}

export const tuoitre: Outlet = {
  id: 'tuoitre',
  name: 'Tuổi Trẻ',
  domain: 'tuoitre.vn',
  category: 'central-press',
  feeds: [
    { path: '/tuoitre/rss/tin-moi-nhat.rss', title: 'Tin mới nhất - Tuổi Trẻ Online' },
    { path: '/tuoitre/rss/thoi-su.rss', title: 'Thời sự - Tuổi Trẻ Online', section: 'Thời sự' },
  ],
  // "…-20261119083000123.htm": publication stamp plus a three-digit counter.
  articlePath: (a, slug, seq) =>
    `/tuoitre/${slug}-${compactStamp(wallClock(a.publishedAt), true)}${String(seq).padStart(3, '0')}.htm`,
  renderArticle,
  renderFeed,
};
