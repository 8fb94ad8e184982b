import { describe, expect, it } from 'vitest';
import { decodeBody, sniffCharset } from '../../crawlers/charset.ts';

// "Lâm Đồng" in windows-1258 (ồ = ô + combining grave 0xCC): not valid UTF-8.
const CP1258 = Buffer.from([0x4c, 0xe2, 0x6d, 0x20, 0xd0, 0xf4, 0xcc, 0x6e, 0x67]);
const latin = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('charset', () => {
  it('uses the Content-Type charset', () => {
    expect(sniffCharset(CP1258, 'text/html; charset="windows-1258"')).toBe('windows-1258');
    expect(decodeBody(CP1258, 'text/html; charset=windows-1258')).toBe('Lâm Đồng');
  });

  it('uses <meta charset> and http-equiv when the header has none', () => {
    const meta = Buffer.concat([latin('<html><head><meta charset="windows-1258"><title>'), CP1258]);
    expect(decodeBody(meta, 'text/html')).toMatch(/<title>Lâm Đồng$/);
    const equiv = Buffer.concat([
      latin('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>'),
      CP1258,
    ]);
    expect(decodeBody(equiv, null)).toMatch(/<p>Lâm Đồng$/);
  });

  it('lets a BOM win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Đà Lạt', 'utf8')]);
    expect(sniffCharset(bytes, 'text/html; charset=iso-8859-1')).toBe('utf-8');
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toBe('Đà Lạt');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bảo Lộc', 'utf16le')]);
    expect(decodeBody(utf16, null)).toBe('Bảo Lộc');
  });

  it('reads valid UTF-8 as UTF-8 when an XML prolog lies (utf-16)', () => {
    const xml = '<?xml version="1.0" encoding="utf-16"?><title>Tỷ giá euro</title>';
    expect(sniffCharset(Buffer.from(xml), null)).toBe('utf-8');
    expect(decodeBody(Buffer.from(xml), 'application/xml')).toBe(xml);
  });

  it('reads valid UTF-8 as UTF-8 when a header or meta names a legacy charset', () => {
    const html = '<meta charset="windows-1258"><p>Đồng Văn</p>';
    expect(decodeBody(Buffer.from(html), 'text/html; charset=iso-8859-1')).toBe(html);
    expect(decodeBody(Buffer.from(html), null)).toBe(html);
  });

  it('uses the XML prolog encoding for a legacy feed', () => {
    const xml = Buffer.concat([latin('<?xml version="1.0" encoding="windows-1258"?><t>'), CP1258]);
    expect(decodeBody(xml, 'text/xml')).toMatch(/<t>Lâm Đồng$/);
  });

  it('normalizes decomposed UTF-8 to NFC', () => {
    const nfd = 'Đắk Nông'.normalize('NFD');
    expect(decodeBody(Buffer.from(nfd, 'utf8'), null)).toBe('Đắk Nông'.normalize('NFC'));
  });

  it('ignores an unknown charset label', () => {
    expect(decodeBody(Buffer.from('Huế', 'utf8'), 'text/html; charset=x-klingon')).toBe('Huế');
  });
});
