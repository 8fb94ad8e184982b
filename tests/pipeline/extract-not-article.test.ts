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
