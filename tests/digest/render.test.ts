import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Article } from '../../src/schema.ts';
import {
  DEFAULT_TEMPLATE_DIR,
  loadTemplates,
  renderDigestHtml,
} from '../../src/digest/templates.ts';
import { FIXTURE_DIR, articles, fixtureModel } from './fixture.ts';

const templates = loadTemplates(DEFAULT_TEMPLATE_DIR);
const html = renderDigestHtml(fixtureModel(), templates);
const GOLDEN = join(FIXTURE_DIR, 'daily.golden.html');

describe('renderDigestHtml on the fixture day', () => {
  it('shows the number, the date line and the window', () => {
    expect(html).toContain('Số 125/ĐT-SVHTTDL');
    expect(html).toContain('Lâm Đồng, ngày 20 tháng 11 năm 2026');
    expect(html).toContain('Từ 06 giờ 00 ngày 19/11/2026 đến 06 giờ 00 ngày 20/11/2026');
    expect(html).toContain('<h1 class="doc-title">ĐIỂM TIN BÁO CHÍ</h1>');
  });

  it('has every section heading, in order', () => {
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Tổng quan',
      'I. Tin nổi bật',
      'II. Thông tin tích cực',
      'III. Thông tin cần lưu ý',
      'IV. Theo dõi xử lý',
      'V. Theo chủ đề',
      'VI. Đề xuất, kiến nghị',
    ]);
    expect(html).toContain('Nơi nhận:');
  });

  it('prints titles with their diacritics, in NFC', () => {
    expect(html).toContain('Festival Hoa Đà Lạt 2026 đón hơn 300.000 lượt khách');
    expect(html).toContain('Xe khách va chạm xe tải trên đèo Bảo Lộc, hai người bị thương');
    expect(html).toBe(html.normalize('NFC'));
  });

  it('escapes crawled text: no script from content, no javascript: link', () => {
    expect(html).toContain(
      'chèn mã &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; vào biểu mẫu',
    );
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html.toLowerCase()).not.toContain('javascript:');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    // The story whose only link was javascript: is shown as plain text.
    expect(html).toContain(
      '<p class="item-title">Tranh chấp đất rẫy giữa hai nhóm hộ đồng bào K&#x27;Ho ở Lạc Dương</p>',
    );
  });

  it('escapes markup in an outlet name and a summary too', () => {
    const hostile = Article.parse({
      ...articles[0],
      id: 'h1',
      storyId: null,
      sourceName: 'Trang <b onmouseover="x()">lạ</b>',
      sapo: 'Mở đầu <img src=x onerror=alert(1)> kết thúc.',
    });
    const out = renderDigestHtml(fixtureModel({ articles: [hostile] }), templates);
    expect(out).not.toContain('<b onmouseover');
    expect(out).not.toContain('<img');
    expect(out).toContain('Trang &lt;b onmouseover&#x3D;&quot;x()&quot;&gt;lạ&lt;/b&gt;');
    expect(out).toContain('Mở đầu &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; kết thúc.');
  });

  it('is one self-contained file readable on a phone', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('max-width: 760px');
    expect(html).toContain('"Times New Roman", "Noto Serif"');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(|@import|<iframe|<object/i);
  });

  it('renders an empty window and says so', () => {
    const out = renderDigestHtml(fixtureModel({ articles: [] }), templates);
    expect(out).toContain('Trong kỳ không có tin, bài liên quan.');
    expect(out).toContain('III. Thông tin cần lưu ý');
    expect(out).not.toContain('<svg');
  });

  it('matches the golden file (UPDATE_GOLDEN=1 to regenerate)', () => {
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, html);
      console.log(`digest: wrote ${GOLDEN}`);
    }
    expect(existsSync(GOLDEN), `missing ${GOLDEN}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
