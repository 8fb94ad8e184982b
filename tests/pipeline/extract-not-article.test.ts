// Pages that are not articles come back as { ok: false, reason }, never as a throw and never
// as an "article" made of menus, teasers or an error message.
import { describe, expect, it } from 'vitest';
import { MIN_BODY_WORDS } from '../../pipeline/extract/extract-page.ts';
import { extract } from '../../pipeline/extract/index.ts';

const NOW = new Date('2026-11-20T07:00:00+07:00');
const URL_ = 'https://tintaynguyen.example.vn/x.html';

function run(html: string, url = URL_): ReturnType<typeof extract> {
  return extract({ html, url, now: NOW });
}

function reasonOf(html: string, url = URL_): string {
  const r = run(html, url);
  if (r.ok) throw new Error(`extracted as an article: ${r.article.title}`);
  expect(r.reason).toMatch(/\S/);
  return r.reason;
}

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const MENU =
  '<header><nav><a href="/">Trang chủ</a><a href="/thoi-su">Thời sự</a><a href="/kinh-te">Kinh tế</a></nav></header>';
const FOOTER =
  '<footer><p>© 2026 Tin Tây Nguyên. Giấy phép số 00/GP-TTĐT do Bộ Văn hóa cấp.</p></footer>';

describe('extract: not an article', () => {
  it('a section front: a list of linked headlines with teasers', () => {
    const items = Array.from(
      { length: 15 },
      (_, i) =>
        `<div class="story"><h3><a href="/kinh-te/bai-${i}.html">Lâm Đồng đẩy mạnh xuất khẩu nông sản chủ lực đợt ${i + 1}</a></h3>` +
        `<p>Tỉnh đặt mục tiêu kim ngạch xuất khẩu nông sản năm nay tăng khoảng mười phần trăm so với năm trước, tập trung vào cà phê, chè và rau hoa.</p></div>`,
    ).join('');
    const html = page(
      '<title>Kinh tế - Tin Tây Nguyên</title><meta property="og:type" content="website">',
      `${MENU}<main><h1>Kinh tế</h1><div class="list-news">${items}</div></main>${FOOTER}`,
    );
    expect(reasonOf(html)).toMatch(/list of links/);
  });

  it('a video page: a player and a one-line caption', () => {
    const html = page(
      '<title>Toàn cảnh lễ hội cồng chiêng - Video</title><meta property="og:type" content="video.other">',
      `${MENU}<main><h1>Toàn cảnh lễ hội cồng chiêng</h1><video src="/v.mp4" controls></video>` +
        `<p>Hàng nghìn người xem các đội cồng chiêng biểu diễn tối qua.</p></main>${FOOTER}`,
    );
    expect(reasonOf(html, 'https://tintaynguyen.example.vn/video/le-hoi-cong-chieng.html')).toMatch(
      /video/,
    );
  });

  it.each([
    ['an empty string', ''],
    ['whitespace', ' \n\t '],
    ['a bare fragment', '<div></div>'],
    ['unclosed tags', '<html><body><div><p><b><i>'],
    ['plain text', 'lorem ipsum'],
    ['JSON', '{"error":"not found","status":404}'],
  ])('%s', (_label, html) => {
    expect(reasonOf(html)).toMatch(/not an article|extract:/);
  });

  it('binary junk (a JPEG read as text)', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    expect(reasonOf(bytes.toString('latin1'))).toMatch(/not an article|extract:/);
    expect(reasonOf(bytes.toString('utf8'))).toMatch(/not an article|extract:/);
  });

  it('pathologically nested HTML', () => {
    expect(reasonOf('<div>'.repeat(50_000) + 'chữ')).toMatch(/not an article|extract:/);
  });

  // prepare.ts: scripts, styles, SVG and comments are stripped, then the markup is capped at
  // MAX_PARSE_CHARS (1.5 M) and read from that prefix (~2 s alone). Time is not asserted here
  // (speed belongs to `npm run bench`); the test timeout stops a quadratic regression.
  const ARTICLE =
    `<article><h1>Lâm Đồng mở rộng vùng trồng chè hữu cơ</h1>` +
    `<p>${'Nông dân xã Bảo Lâm chuyển đổi thêm hai trăm héc ta chè sang canh tác hữu cơ. '.repeat(8)}</p></article>`;

  it('a 10 MB page whose article is in the first megabyte: extracted', () => {
    const junk = '<div class="x"><a href="/a">liên kết</a></div>'.repeat(230_000);
    const html = page('<title>Chè hữu cơ</title>', `${MENU}${ARTICLE}${junk}${FOOTER}`);
    expect(html.length).toBeGreaterThan(10_000_000);
    const r = run(html);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.title).toBe('Lâm Đồng mở rộng vùng trồng chè hữu cơ');
    expect(r.article.body).toContain('Bảo Lâm');
  });

  it('a 10 MB page of inline scripts before the article: scripts do not count', () => {
    const script = `<script>var d = "${'x'.repeat(1_000_000)}";</script>`.repeat(10);
    const html = page('<title>Chè hữu cơ</title>', `${script}${ARTICLE}`);
    expect(html.length).toBeGreaterThan(10_000_000);
    const r = run(html);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.body).toContain('Bảo Lâm');
  });

  it('a 10 MB page with no article in its first 1.5 MB: not an article', () => {
    const filler = '<p>lorem</p>'.repeat(900_000);
    const html = page('<title>Trang rác</title>', `${filler}${ARTICLE}`);
    expect(html.length).toBeGreaterThan(10_000_000);
    expect(reasonOf(html)).toMatch(/not an article/);
  });

  it('malformed but readable markup (unclosed p, stray end tags) is still an article', () => {
    const text = 'Mưa lớn kéo dài khiến nhiều tuyến đường ở Đà Lạt ngập sâu, giao thông ùn tắc. ';
    const html =
      `<html><head><title>Mưa lớn ở Đà Lạt</title></head><body>${MENU}<div class="content">` +
      `<h1>Mưa lớn ở Đà Lạt</h1><p>${text.repeat(4)}<p>Đợt hai: ${text.repeat(4)}</span></b>` +
      `<p>Đợt ba: ${text.repeat(3)}</div></div></body>`;
    const r = run(html);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.body.split('\n\n').length).toBe(3);
    expect(r.article.body).not.toContain('Trang chủ');
  });

  it('a rule page whose body container is empty (a live page) and no other text', () => {
    const html =
      `<html><head><title>Trực tiếp: bão số 9</title></head><body>${MENU}` +
      `<h1 class="title-detail">Trực tiếp: bão số 9</h1><p class="description">Cập nhật liên tục.</p>` +
      `<article class="fck_detail"></article>${FOOTER}</body></html>`;
    expect(reasonOf(html, 'https://vnexpress.net/truc-tiep-bao-so-9-4999999.html')).toMatch(
      /not an article/,
    );
  });

  it('a 404 page with the site furniture', () => {
    const html = page(
      '<title>Không tìm thấy trang - Tin Tây Nguyên</title>',
      `${MENU}<main><h1>404 - Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc đã bị xóa.</p>` +
        `<p><a href="/">Quay về trang chủ</a></p></main>${FOOTER}`,
    );
    expect(reasonOf(html)).toMatch(/body too short/);
  });

  it(`a title and fewer than MIN_BODY_WORDS (${MIN_BODY_WORDS}) words of text`, () => {
    const words = Array.from({ length: MIN_BODY_WORDS - 5 }, (_, i) =>
      i % 2 ? 'mưa' : 'lớn',
    ).join(' ');
    const html = page(
      '<title>Mưa lớn ở Đà Lạt</title>',
      `${MENU}<article><h1>Mưa lớn ở Đà Lạt</h1><p>${words}.</p></article>${FOOTER}`,
    );
    expect(reasonOf(html)).toMatch(/body too short \(\d+ words\)/);
    // The same page with enough words is an article: the threshold is what rejected it.
    const enough = html.replace(`${words}.`, `${words} ${words}.`);
    expect(run(enough).ok).toBe(true);
  });

  it('a page without any title', () => {
    const text = 'Người dân xã Nâm Nung thu hoạch cà phê sớm vì giá tăng cao. '.repeat(10);
    expect(reasonOf(`<html><body><div><p>${text}</p></div></body></html>`)).toMatch(/no title/);
  });

  it('never throws on inputs outside the type', () => {
    const odd = [null, undefined, 42, {}, ['<p>x</p>']] as unknown as string[];
    for (const html of odd) expect(() => run(html)).not.toThrow();
    for (const html of odd) expect(run(html).ok).toBe(false);
    expect(() =>
      extract({ html: '<p>x</p>', url: 'not a url', now: new Date(Number.NaN) }),
    ).not.toThrow();
  });
});
