import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx.ts';
import { ITEM_TITLE, PNG_SIGNATURE, dailyModel, weeklyModel } from './models.ts';

interface Parts {
  document: string;
  styles: string;
  rels: string;
  headers: string[];
  media: Buffer[];
}

async function open(buf: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(buf);
  const text = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (f === null) throw new Error(`missing ${name}`);
    return f.async('string');
  };
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
  const mediaNames = Object.keys(zip.files).filter(
    (n) => n.startsWith('word/media/') && !(zip.files[n]?.dir ?? true),
  );
  return {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    rels: await text('word/_rels/document.xml.rels'),
    headers: await Promise.all(headerNames.map(text)),
    media: await Promise.all(
      mediaNames.map(async (n) =>
        Buffer.from(await (zip.file(n)?.async('uint8array') ?? new Uint8Array())),
      ),
    ),
  };
}

/** The document's visible text, runs joined. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

let daily: Parts;
let weekly: Parts;
beforeAll(async () => {
  daily = await open(await renderDocx(dailyModel()));
  weekly = await open(await renderDocx(weeklyModel()));
});

describe('renderDocx (Nghị định 30/2020 layout)', () => {
  it('sets Times New Roman everywhere, 14 pt body', () => {
    expect(daily.styles).toMatch(
      /<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/,
    );
    expect(daily.document).toContain('w:ascii="Times New Roman"');
    const fonts = new Set([...daily.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('is A4 with administrative margins and page numbers from page 2', () => {
    expect(daily.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(daily.document).toMatch(
      /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/,
    );
    expect(daily.document).toContain('<w:titlePg/>');
    expect(daily.headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('has the national header with the underlined motto, the number and the date line', () => {
    const text = textOf(daily.document);
    expect(text).toContain('UBND TỈNH LÂM ĐỒNGSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(daily.document).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/,
    );
    expect(text).toContain('Số 125/ĐT-SVHTTDL');
    expect(daily.document).toMatch(
      /<w:i\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>Lâm Đồng, ngày 20 tháng 11 năm 2026<\/w:t>/,
    );
    expect(text).toContain('ĐIỂM TIN BÁO CHÍ');
  });

  it('links item titles to their articles', () => {
    expect(textOf(daily.document)).toContain(ITEM_TITLE);
    const rel =
      /<Relationship Id="([^"]+)"[^>]*Target="https:\/\/vnexpress\.net\/festival-hoa-da-lat[^"]*" TargetMode="External"\/>/.exec(
        daily.rels,
      );
    expect(rel).not.toBeNull();
    expect(daily.document).toContain(`r:id="${rel?.[1] ?? ''}"`);
  });

  it('ends with Nơi nhận (bold italic 12 pt) and the signature block', () => {
    expect(daily.document).toMatch(
      /<w:b\/>(?:(?!<\/w:rPr>).)*<w:i\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="24"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>Nơi nhận:<\/w:t>/,
    );
    const text = textOf(daily.document);
    expect(text).toContain('- Lưu: VT.');
    expect(text.indexOf('Nơi nhận:')).toBeLessThan(text.indexOf('Nguyễn Văn Minh'));
    expect(text).toContain('KT. GIÁM ĐỐCPHÓ GIÁM ĐỐC');
  });

  it('puts the figures in tables and the chart as a PNG', () => {
    expect(daily.document.match(/<w:tbl>/g)?.length).toBe(6);
    expect(textOf(daily.document)).toContain('54,5%');
    expect(daily.media.length).toBe(1);
    expect(daily.media[0]?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('keeps the text in NFC', () => {
    const text = textOf(daily.document);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('prints the weekly series chart and the follow-up cases, never an unsafe link', () => {
    const text = textOf(weekly.document);
    expect(text).toContain('ĐIỂM TIN BÁO CHÍ TUẦN');
    expect(text).toContain('Số tin, bài theo ngày');
    expect(text).toContain('Nước thải nhà máy chế biến cà phê chảy ra suối ở Di Linh');
    expect(text).toContain('UBND xã Hòa Ninh');
    expect(weekly.media.length).toBe(2);
    expect(weekly.rels).not.toContain('javascript:');
  });
});
