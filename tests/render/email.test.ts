import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_DIR, loadTemplates } from '../../src/digest/templates.ts';
import { OVERVIEW_CHART_CID, renderEmail, subjectOf } from '../../src/render/email.ts';
import type { RenderedEmail } from '../../src/render/email.ts';
import { ITEM_TITLE, PNG_SIGNATURE, dailyModel, pngSize, weeklyModel } from './models.ts';

const templates = loadTemplates(DEFAULT_TEMPLATE_DIR);
let mail: RenderedEmail;
beforeAll(async () => {
  mail = await renderEmail(dailyModel(), templates);
});

describe('renderEmail on the fixture day', () => {
  it('builds the subject from the title, number and date', () => {
    expect(mail.subject).toBe('Điểm tin báo chí Số 125/ĐT-SVHTTDL ngày 20/11/2026');
    expect(subjectOf(weeklyModel())).toBe('Điểm tin báo chí tuần Số 47/ĐT-SVHTTDL ngày 20/11/2026');
  });

  it('inlines the CSS so no <style> is needed', () => {
    expect(mail.html).not.toMatch(/<style\b/i);
    expect(mail.html).toMatch(/<h1 class="doc-title" style="[^"]*text-align: center/);
    expect(mail.html).toMatch(/<p class="motto" style="[^"]*text-decoration: underline/);
    expect(mail.html).toMatch(/<main class="page" style="[^"]*max-width: 760px/);
    expect(mail.html).toMatch(/<td class="num" style="[^"]*text-align: right/);
  });

  it('references the chart by cid and attaches it as a real PNG', () => {
    expect(mail.html).not.toContain('<svg');
    const img = /<img class="chart-img" src="cid:([^"]+)" width="480" alt="([^"]+)"/.exec(
      mail.html,
    );
    expect(img?.[1]).toBe(OVERVIEW_CHART_CID);
    expect(img?.[2]).toBe('Biểu đồ sắc thái thông tin và chủ đề trong kỳ');
    const chart = mail.attachments.find((a) => a.cid === OVERVIEW_CHART_CID);
    expect(chart?.contentType).toBe('image/png');
    const png = chart?.content ?? Buffer.alloc(0);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // Drawn at twice the 480 px it is shown at; 3 tone rows and 5 topics set its height.
    const { width, height } = pngSize(png);
    expect(width).toBe(960);
    expect(height).toBeGreaterThan(600);
    expect(height).toBeLessThan(1200);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('has no script and fetches nothing', () => {
    expect(mail.html).not.toMatch(/<script\b/i);
    expect(mail.html).not.toMatch(/\ssrc="(?!cid:)/);
    expect(mail.html).not.toMatch(/<link\b/i);
    // The fixture's hostile title is escaped, not live.
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('keeps the Vietnamese text in NFC with its links', () => {
    expect(mail.html).toBe(mail.html.normalize('NFC'));
    expect(mail.html).toContain(ITEM_TITLE);
    expect(mail.html).toContain(
      'href="https://vnexpress.net/festival-hoa-da-lat-don-hon-300-000-luot-khach-a2a.html"',
    );
  });

  it('has a plain-text part with the title, number and items', () => {
    const flat = mail.text.replace(/\s+/g, ' ');
    expect(mail.text).toContain('ĐIỂM TIN BÁO CHÍ');
    expect(mail.text).toContain('Số 125/ĐT-SVHTTDL');
    expect(flat).toContain(`${ITEM_TITLE} (VnExpress, Báo Lâm Đồng, 19/11 14:00)`);
    expect(mail.text).toMatch(
      /^ {3}https:\/\/vnexpress\.net\/festival-hoa-da-lat-don-hon-300-000-luot-khach-a2a\.html$/m,
    );
    expect(mail.text).toBe(mail.text.normalize('NFC'));
    for (const line of mail.text.split('\n')) {
      if (/^\s*https?:\/\/\S+$/.test(line)) continue;
      expect([...line].length, line).toBeLessThanOrEqual(78);
    }
  });
});

describe('renderEmail on an empty day', () => {
  it('sends no chart and says the window is empty', async () => {
    const empty = await renderEmail(dailyModel({ empty: true }), templates);
    expect(empty.attachments).toEqual([]);
    expect(empty.html).not.toContain('<img');
    expect(empty.text).toContain('Trong kỳ không có tin, bài liên quan.');
  });
});
