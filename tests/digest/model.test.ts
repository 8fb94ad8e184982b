import { describe, expect, it } from 'vitest';
import { Article } from '../../src/schema.ts';
import type { Article as ArticleT } from '../../src/schema.ts';
import { EMPTY_WINDOW_TEXT, buildDailyDigest } from '../../src/digest/model.ts';
import type { DigestItem, DigestModel } from '../../src/digest/model.ts';
import { DEFAULT_HANDLING } from '../../src/digest/handling-rules.ts';
import { dailyWindow } from '../../src/digest/window.ts';
import { DATE, GENERATED_AT, articles, config, fixtureModel, previousArticles } from './fixture.ts';

const byId = (id: string): ArticleT => {
  const a = articles.find((x) => x.id === id);
  if (!a) throw new Error(`fixture lacks ${id}`);
  return a;
};

function allItems(m: DigestModel): DigestItem[] {
  return [
    ...m.highlights.items,
    ...m.positive.items,
    ...m.attention.groups.flatMap((g) => g.items),
  ];
}

describe('buildDailyDigest on the fixture day', () => {
  const m = fixtureModel();

  it('has a header from the config', () => {
    expect(m.header).toEqual({
      agencyParent: 'UBND TỈNH LÂM ĐỒNG',
      agencyName: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      number: 'Số 125/ĐT-SVHTTDL',
      dateLine: 'Lâm Đồng, ngày 20 tháng 11 năm 2026',
      dateText: '20/11/2026',
      title: 'ĐIỂM TIN BÁO CHÍ',
      windowText: 'Từ 06 giờ 00 ngày 19/11/2026 đến 06 giờ 00 ngày 20/11/2026',
    });
  });

  it('lists stories, not copies', () => {
    expect(m.overview.articleCount).toBe(11);
    expect(m.overview.storyCount).toBe(7);
    const keys = allItems(m).map((i) => i.key);
    expect(keys.filter((k) => k === 'st-invest')).toHaveLength(1);
    const invest = m.highlights.items.find((i) => i.key === 'st-invest');
    // The earliest copy gives the title; every outlet is named; reach counts them.
    expect(invest?.title).toBe(byId('a1a').title);
    expect(invest?.outletsText).toBe('Báo Lâm Đồng, Báo Tin tức, Cổng TTĐT tỉnh Lâm Đồng');
    expect(invest?.reach).toBe(3);
    expect(invest?.reachText).toBe('3 nguồn đăng tải');
    expect(invest?.timeText).toBe('19/11 07:15');
    const json = JSON.stringify(m);
    expect(json).not.toContain(byId('a1b').title);
    expect(json).not.toContain(byId('a1c').title);
  });

  it('says how many outlets carried a story before the window', () => {
    // Reach counts the story's outlets over its whole life; only in-window copies are listed.
    const widened = articles.map((a) => (a.storyId === 'st-invest' ? { ...a, reach: 5 } : a));
    const w = fixtureModel({ articles: widened });
    const invest = w.highlights.items.find((i) => i.key === 'st-invest');
    expect(invest?.reach).toBe(5);
    expect(invest?.reachText).toBe('5 nguồn đăng tải, 2 nguồn đăng trước kỳ');
  });

  it('leaves out non-relevant articles and those outside the window', () => {
    const json = JSON.stringify(m);
    expect(json).not.toContain(byId('x1').title);
    // Published exactly at the closing cut-off: tomorrow's bulletin.
    expect(json).not.toContain(byId('x2').title);
    // Published exactly at the opening cut-off: this one.
    expect(json).toContain('Cảnh báo trang web giả mạo');
  });

  it('counts by source category', () => {
    expect(m.overview.byCategory.map((r) => [r.label, r.count])).toEqual([
      ['Báo chí Trung ương', 3],
      ['Báo chí địa phương', 3],
      ['Cổng thông tin điện tử', 2],
      ['Báo tiếng Việt ở nước ngoài', 1],
      ['Mạng xã hội', 2],
    ]);
  });

  it('splits tone in percent and compares with the previous window in points', () => {
    // 6 positive, 4 negative, 1 neutral now; 5 / 1 / 2 of 8 before (62,5 / 12,5 / 25%).
    expect(
      m.overview.tone.map((r) => [r.tone, r.count, r.percentText, r.changeTenths, r.changeText]),
    ).toEqual([
      ['positive', 6, '54,5%', -80, 'giảm 8 điểm %'],
      ['negative', 4, '36,4%', 239, 'tăng 23,9 điểm %'],
      ['neutral', 1, '9,1%', -159, 'giảm 15,9 điểm %'],
    ]);
    expect(m.overview.previousArticleCount).toBe(8);
  });

  it('ranks topics and outlets by count', () => {
    expect(m.overview.topTopics[0]).toMatchObject({ label: 'Đầu tư, kinh tế', count: 4 });
    expect(m.overview.topTopics.map((t) => t.count)).toEqual([4, 2, 2, 1, 1]);
    expect(m.overview.topOutlets.slice(0, 2).map((o) => [o.label, o.count])).toEqual([
      ['Báo Lâm Đồng', 2],
      ['Cổng TTĐT tỉnh Lâm Đồng', 2],
    ]);
  });

  it('draws a self-contained chart', () => {
    expect(m.overview.chartSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(m.overview.chartSvg).toContain('54,5%');
    expect(m.overview.chartSvg).not.toMatch(/href|<image|url\(/);
  });

  it('ranks the sensitive, widely carried story first', () => {
    expect(m.highlights.items[0]?.key).toBe('st-rumour');
    expect(m.highlights.items).toHaveLength(5);
  });

  it('keeps only http(s) links', () => {
    const disputed = allItems(m).find((i) => i.key === 'article:a5');
    expect(disputed?.url).toBeNull();
    expect(JSON.stringify(m)).not.toContain('javascript:');
  });

  it('does not repeat highlighted stories in the positive section', () => {
    expect(m.positive.items.map((i) => i.key)).toEqual(['article:a7']);
    expect(m.positive.note).not.toBeNull();
  });

  it('groups what needs attention by topic, each with a proposed handling', () => {
    const groups = m.attention.groups;
    expect(groups.map((g) => g.label)).toEqual([
      'Thông tin sai lệch',
      'Dân tộc',
      'An ninh, trật tự',
    ]);
    const handling = groups.flatMap((g) => g.items.map((i) => i.handling));
    expect(handling.every((h) => h !== null && h.startsWith('Đề nghị'))).toBe(true);
    expect(groups[0]?.items[0]?.handling).toContain('xác minh và cung cấp thông tin chính thức');
    expect(groups[2]?.items[0]?.handling).toContain('Công an tỉnh');
    // Highlight items carry no handling line; those in section III all do.
    expect(m.highlights.items.every((i) => i.handling === null)).toBe(true);
  });

  it('covers every topic with its stories, untagged ones last', () => {
    const labels = m.byTopic.topics.map((t) => t.label);
    expect(labels[0]).toBe('Đầu tư, kinh tế');
    expect(labels.at(-1)).toBe('Chưa phân loại chủ đề');
    expect(m.byTopic.topics[0]?.entries.map((e) => e.citation)).toEqual([
      'Báo Lâm Đồng, Báo Tin tức, Cổng TTĐT tỉnh Lâm Đồng, 19/11',
      'Đài Phát thanh - Truyền hình Lâm Đồng, 19/11',
    ]);
  });

  it('proposes from the figures', () => {
    const text = m.proposals.lines.join('\n');
    expect(text).toContain('lan tỏa 3 nội dung tích cực');
    expect(text).toContain('kiểm tra, xử lý 3 nội dung');
    expect(text).toContain('2 nội dung nhạy cảm (Thông tin sai lệch; Dân tộc)');
    expect(text).toContain('tăng 23,9 điểm %');
  });

  it('formats nơi nhận and the signature', () => {
    expect(m.recipients[0]).toBe('- Thường trực Tỉnh ủy;');
    expect(m.recipients.at(-1)).toBe('- Lưu: VT.');
    expect(m.signature).toEqual({
      titleLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      name: 'Nguyễn Văn Minh',
    });
  });

  it('is pure: the same input gives the same model and the input is untouched', () => {
    const before = JSON.stringify(articles);
    expect(fixtureModel()).toEqual(m);
    expect(JSON.stringify(articles)).toBe(before);
  });
});

describe('buildDailyDigest edge cases', () => {
  it('builds an empty bulletin that says so', () => {
    const m = fixtureModel({ articles: [byId('x1')] });
    expect(m.empty).toBe(true);
    expect(m.overview.summary).toContain(EMPTY_WINDOW_TEXT);
    expect(m.overview.chartSvg).toBeNull();
    expect(m.overview.tone.map((r) => r.percentText)).toEqual(['—', '—', '—']);
    expect(m.highlights.items).toHaveLength(0);
    expect(m.attention.groups).toHaveLength(0);
    expect(m.proposals.lines).toHaveLength(1);
  });

  it('says when there is nothing to compare with', () => {
    const m = fixtureModel({ previousArticles: [] });
    expect(
      m.overview.tone.every(
        (r) => r.changeTenths === null && r.changeText === 'chưa có số liệu kỳ trước',
      ),
    ).toBe(true);
    expect(m.proposals.lines.join(' ')).not.toContain('điểm %');
  });

  it('falls back to the default handling and to another copy for the link', () => {
    const base = byId('a6');
    const copyA = Article.parse({
      ...base,
      id: 'n1',
      url: 'data:text/html,x',
      topics: [],
      storyId: 's-n',
      reach: 2,
    });
    const copyB = Article.parse({
      ...base,
      id: 'n2',
      url: 'https://example.vn/b',
      sourceName: 'Báo B',
      topics: [],
      storyId: 's-n',
      reach: 2,
      publishedAt: '2026-11-20T05:30:00+07:00',
    });
    const m = fixtureModel({ articles: [copyA, copyB] });
    const item = m.attention.groups[0]?.items[0];
    expect(m.attention.groups[0]?.label).toBe('Vấn đề khác');
    expect(item?.handling).toBe(DEFAULT_HANDLING);
    expect(item?.url).toBe('https://example.vn/b');
    expect(item?.title).toBe(base.title);
  });

  it('ranks a story carried by more outlets above a lone copy, other things equal', () => {
    const base = { ...byId('a7'), topics: [], relevance: 0.6 };
    const lone = Article.parse({
      ...base,
      id: 'l1',
      title: 'Tin một nguồn',
      storyId: null,
      reach: 1,
    });
    const wide = Article.parse({
      ...base,
      id: 'w1',
      title: 'Tin nhiều nguồn',
      storyId: 's-w',
      reach: 6,
    });
    const m = fixtureModel({ articles: [lone, wide] });
    expect(m.highlights.items.map((i) => i.title)).toEqual(['Tin nhiều nguồn', 'Tin một nguồn']);
  });

  it('rejects an invalid bulletin date', () => {
    expect(() =>
      buildDailyDigest({
        date: '2026-11-31',
        window: dailyWindow(DATE, '06:00', config.timeZone),
        articles,
        previousArticles,
        config,
        provinceName: 'Lâm Đồng',
        number: 'Số 1/ĐT-X',
        generatedAt: GENERATED_AT,
      }),
    ).toThrow(/^digest: invalid bulletin date/);
  });
});
