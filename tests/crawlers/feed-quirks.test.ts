// Feed quirks of issue 5 §2, one realistic fixture each (tests/fixtures/crawlers/feeds/): the
// bytes go through the same decodeBody → parseFeed path a crawl uses, and dates through the
// parser the pipeline applies to the feed's date text (pipeline/extract/dates.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../crawlers/charset.ts';
import { parseFeed } from '../../crawlers/feed.ts';
import { parseVietnameseDate } from '../../pipeline/extract/dates.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crawlers/feeds');
const bytes = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const read = (name: string, contentType: string | null = 'application/rss+xml'): string =>
  decodeBody(bytes(name), contentType);

describe('feed quirks', () => {
  it('raw "&" in titles, link text and descriptions; HTML-only entities outside CDATA', async () => {
    const items = await parseFeed(read('raw-ampersand-text.rss'), 'https://baomau.example/rss');
    expect(items.map((i) => [i.title, i.url, i.summary])).toEqual([
      [
        'Doanh nghiệp R&D nông nghiệp công nghệ cao về Đơn Dương',
        'https://baomau.example/kinh-te/doanh-nghiep-r-d-6201.html?from=rss&cat=kinh-te',
        'Hai dự án R&D rau & hoa được cấp phép; tổng vốn 300 tỷ đồng.',
      ],
      [
        'Giá rau & công nhân thời vụ tăng',
        'https://baomau.example/kinh-te/gia-rau-tang-6202.html?a=1&b=2',
        'Thương lái "đặt cọc" từ đầu vụ & trả giá cao hơn 15%.',
      ],
    ]);
  });

  it('a prolog that says windows-1258 over UTF-8 bytes (header agreeing with the lie)', async () => {
    // The server's header repeats the prolog; both are wrong, the bytes are valid UTF-8.
    const text = read('lying-prolog-1258.rss', 'text/xml; charset=windows-1258');
    const [item] = await parseFeed(text, 'https://baotinhmau.example/rss');
    expect(item?.title).toBe('Đà Lạt đón hơn 20 nghìn lượt khách dịp Festival Hoa');
    expect(item?.summary).toBe(
      'Các khách sạn ở trung tâm Đà Lạt kín phòng trong ba ngày cuối tuần.',
    );
  });

  it('a prolog that tells the truth: legacy windows-1258 bytes with combining tones → NFC', async () => {
    const raw = bytes('honest-1258.rss');
    // The fixture really is 8-bit: reading it as UTF-8 would fail.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
    const [item] = await parseFeed(decodeBody(raw, null), 'https://huyenmau.example/rss');
    const title = 'Huyện Mẫu tổ chức đối thoại với người dân về giải phóng mặt bằng';
    expect(item?.title).toBe(title);
    expect(item?.title.normalize('NFC')).toBe(item?.title);
    expect(item?.summary).toBe('Buổi đối thoại diễn ra tại hội trường xã Lộc Thành.');
  });

  it('double-encoded entities: &amp;#7899; and &amp;amp; in titles, escaped-twice HTML in descriptions', async () => {
    const [item] = await parseFeed(read('double-encoded-entities.rss'), 'https://tinmau.example/');
    expect(item?.title).toBe('Nông dân Bảo Lâm vào vụ mới: chè & cà phê đều được giá');
    // No "<p>" left in the text: the description was HTML-escaped twice.
    expect(item?.summary).toBe(
      'Giá chè búp tươi lên 12.000 đồng/kg & cà phê nhân vượt 120.000 đồng/kg. Nông dân phấn khởi.',
    );
  });

  it('YouTube channel feeds: one /watch URL per yt:videoId (Shorts too), media:description as summary', async () => {
    const items = await parseFeed(
      read('youtube-channel.xml', 'text/xml; charset=UTF-8'),
      'https://www.youtube.com/feeds/videos.xml?channel_id=UCfixture0000000000000000',
    );
    expect(items).toEqual([
      {
        url: 'https://www.youtube.com/watch?v=Ab3dE-fG_h1',
        guid: 'yt:video:Ab3dE-fG_h1',
        title: 'Sạt lở trên đèo Mimosa, Lâm Đồng phân luồng giao thông',
        publishedAt: '2026-11-20T01:15:02+00:00',
        summary:
          'Mưa lớn kéo dài gây sạt lở taluy dương trên đèo Mimosa & quốc lộ 20. ' +
          'Lực lượng chức năng phân luồng, cấm xe trên 16 chỗ. #LamDong #SatLo',
      },
      {
        url: 'https://www.youtube.com/watch?v=Zz9yX8wV7u6',
        guid: 'yt:video:Zz9yX8wV7u6',
        title: 'Mùa hoa dã quỳ nhuộm vàng Đà Lạt #shorts',
        publishedAt: '2026-11-19T23:02:45+00:00',
        summary: '',
      },
    ]);
  });

  it('RSSHub output (a Telegram channel): HTML descriptions, untitled posts titled from their text', async () => {
    const items = await parseFeed(
      read('rsshub-telegram.rss'),
      'http://localhost:1200/telegram/channel/baomau',
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      url: 'https://t.me/baomau/24817',
      guid: 'https://t.me/baomau/24817',
      title: '🔴 Cháy rừng thông ở Lạc Dương, hàng trăm người tham gia dập lửa',
      publishedAt: 'Fri, 20 Nov 2026 01:58:12 GMT',
    });
    expect(items[0]?.summary).toContain('Đám cháy bùng phát chiều 19/11 tại tiểu khu 95.');
    expect(items[0]?.summary).not.toMatch(/<|referrerpolicy/);
    // The second post has an empty <title>: its first sentence stands in.
    expect(items[1]?.title).toBe(
      'UBND tỉnh yêu cầu các địa phương rà soát điểm có nguy cơ sạt lở trước đợt mưa lớn dự báo từ ngày 22/11.',
    );
  });

  it('a long untitled post gets a title cut at a word boundary', async () => {
    const words = 'Chính quyền địa phương thông báo kế hoạch '.repeat(8).trim();
    const xml =
      '<rss version="2.0"><channel><title>x</title><item><title></title>' +
      `<link>https://t.me/baomau/1</link><description>${words}</description></item></channel></rss>`;
    const [item] = await parseFeed(xml, 'http://localhost:1200/telegram/channel/baomau');
    expect(item?.title.endsWith('…')).toBe(true);
    expect(item?.title.length).toBeLessThanOrEqual(121);
    expect(words.startsWith(item?.title.slice(0, -1) ?? 'x')).toBe(true);
  });
});

describe('feed date forms (../shared/data/outlets), read as Vietnam time', () => {
  const now = new Date('2026-11-21T00:00:00Z');
  const expected = '2026-11-20T07:30:00+07:00';

  it('RSS: RFC 822 +0700 and GMT+7, ISO without a zone, dd/MM/yyyy HH:mm, 2-digit year, US style, UTC, dc:date', async () => {
    const items = await parseFeed(read('date-forms.rss'), 'https://baomau.example/rss');
    expect(items.map((i) => i.publishedAt)).toEqual([
      'Fri, 20 Nov 2026 07:30:00 +0700',
      'Fri, 20 Nov 2026 07:30:00 GMT+7',
      '2026-11-20T07:30:00',
      '20/11/2026 07:30',
      'Fri, 20 Nov 26 07:30:00 +0700',
      '11/20/2026 7:30:00 AM',
      'Fri, 20 Nov 2026 00:30:00 GMT',
      '2026-11-20T07:30:00+07',
    ]);
    for (const item of items) {
      expect(parseVietnameseDate(item.publishedAt ?? '', now), item.title).toBe(expected);
    }
  });

  it('Atom with dates JavaScript cannot read keeps every entry (rss-parser would throw)', async () => {
    const items = await parseFeed(read('atom-date-forms.xml'), 'https://xamau.example/atom');
    expect(items.map((i) => [i.url, i.publishedAt])).toEqual([
      ['https://xamau.example/tin-tuc/lich-tiep-cong-dan-9101', '20/11/2026 07:30'],
      // No <published>: the <updated> date stands in.
      ['https://xamau.example/tin-tuc/ke-hoach-pccr-9102', '2026-11-20T07:30:00'],
    ]);
    for (const item of items) {
      expect(parseVietnameseDate(item.publishedAt ?? '', now)).toBe(expected);
    }
  });

  it('YouTube dates are UTC and come out in Vietnam time', async () => {
    const [item] = await parseFeed(read('youtube-channel.xml'), 'https://www.youtube.com/feeds/');
    expect(parseVietnameseDate(item?.publishedAt ?? '', now)).toBe('2026-11-20T08:15:02+07:00');
  });
});
