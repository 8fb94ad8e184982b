import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../crawlers/charset.ts';
import { FeedError } from '../../crawlers/errors.ts';
import { parseFeed } from '../../crawlers/feed.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crawlers');
const fixture = (name: string): string =>
  decodeBody(readFileSync(path.join(FIXTURES, name)), 'application/rss+xml');

describe('parseFeed', () => {
  it('survives a raw "&" in attributes and text (VnExpress-style enclosure)', async () => {
    const items = await parseFeed(
      fixture('raw-ampersand.rss'),
      'https://baomau.example/rss/thoi-su.rss',
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      url: 'https://baomau.example/lam-dong-khoi-cong-tuyen-duong-1001.html',
      guid: 'https://baomau.example/lam-dong-khoi-cong-tuyen-duong-1001.html',
      title: 'Lâm Đồng khởi công tuyến đường liên xã ở Đam Rông',
      publishedAt: 'Fri, 20 Nov 2026 07:30:00 +0700',
      summary: 'Tuyến đường dài 12 km nối hai xã vùng cao, dự kiến hoàn thành trong năm 2027.',
    });
    expect(items[1]?.title).toBe('Giá cà phê tăng mạnh & nông dân phấn khởi');
    // Tracking parameters are the canonicalizer's business, not the parser's.
    expect(items[1]?.url).toBe(
      'https://baomau.example/gia-ca-phe-tang-manh-1002.html?utm_source=rss&utm_medium=feed',
    );
  });

  it('decodes numeric entities left inside CDATA titles; keeps the date text as written', async () => {
    const items = await parseFeed(
      fixture('utf16-prolog.rss'),
      'https://kinhte.example/tai-chinh.rss',
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('Giá sầu riêng Đắk Nông giảm, thương lái ngừng thu mua');
    expect(items[0]?.publishedAt).toBe('Sun, 15 Nov 2026 09:02:15 GMT+7');
  });

  it('copes with a BOM and blank lines before the prolog, double-encoded titles, relative links', async () => {
    const items = await parseFeed(
      fixture('double-encoded.rss'),
      'https://tinmau.example/rss/thoi-su.rss',
    );
    // The second item has no link and no permalink guid: nothing to fetch, so it is dropped.
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.title).toBe('Đề xuất chính sách mới cho này hộ kinh doanh ở vùng cao');
    expect(item?.url).toBe(
      'https://tinmau.example/thoi-su/de-xuat-chinh-sach-2001.htm?utm_source=rss&utm_campaign=feed#binh-luan',
    );
    expect(item?.guid).toBe('tm-2001');
    expect(item?.publishedAt).toBe('Mon, 16 Nov 26 09:13:00 +0700');
    expect(item?.summary).toBe('Dự thảo "hỗ trợ" hộ kinh doanh. Tin liên quan');
  });

  it('reads Atom, keeping <published> as written', async () => {
    const items = await parseFeed(fixture('atom.xml'), 'https://congmau.example/atom.xml');
    expect(items).toEqual([
      {
        url: 'https://congmau.example/tin-tuc/hoi-nghi-xuc-tien-3001',
        guid: 'tag:congmau.example,2026:3001',
        title: 'Hội nghị xúc tiến đầu tư & du lịch tỉnh',
        publishedAt: '2026-11-20T08:00:00+07:00',
        summary: 'Tỉnh mời gọi 25 dự án đầu tư.',
      },
    ]);
  });

  it('throws a FeedError for an HTML challenge page or truncated XML', async () => {
    await expect(parseFeed(fixture('not-a-feed.html'), 'https://x.example/rss')).rejects.toThrow(
      FeedError,
    );
    await expect(
      parseFeed('<rss version="2.0"><channel><item><title>Đứt', 'https://x.example/rss'),
    ).rejects.toThrow(/^feed: https:\/\/x\.example\/rss: not a readable RSS\/Atom feed/);
  });
});

describe('parseFeed on real feeds (../shared/data/feeds)', () => {
  const dir = path.resolve(process.cwd(), '../shared/data/feeds');
  const present = existsSync(dir);
  if (!present) console.log(`skipping real-feed checks: ${dir} is absent`);

  it('parses every real feed sample, with non-empty NFC titles and raw dates', async () => {
    if (!present) return;
    const files = [
      '2golang_vnexpress-rss/example.xml',
      'ninhphu321_vietnam-news-monitor/sggp.rss',
      'ninhphu321_vietnam-news-monitor/baochinhphu.rss',
      'ninhphu321_vietnam-news-monitor/vtv.rss',
      'ninhphu321_vietnam-news-monitor/vietnambiz.rss',
      'ninhphu321_vietnam-news-monitor/thanhnien.rss',
    ].filter((f) => existsSync(path.join(dir, f)));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const items = await parseFeed(
        decodeBody(readFileSync(path.join(dir, f)), null),
        'https://x.example/',
      );
      expect(items.length, f).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.title, f).not.toBe('');
        expect(item.title, f).not.toMatch(/&#?\w+;/);
        expect(item.title.normalize('NFC'), f).toBe(item.title);
        expect(item.publishedAt, f).not.toBeNull();
        expect(item.url, f).toMatch(/^https:\/\//);
      }
      if (f.endsWith('sggp.rss')) {
        // SGGP items carry <updated> too; the first publication time is the one we want.
        expect(items[0]?.publishedAt).toBe('Wed, 23 Sep 2026 17:02:29 +07:00');
      }
    }
  });
});
