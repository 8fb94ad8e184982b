import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/render/plain-text.ts';
import { alignedRows, wrapText } from '../../src/render/wrap.ts';
import { dailyModel, weeklyModel } from './models.ts';

describe('wrapText', () => {
  it('wraps Vietnamese at the width, counting NFC letters', () => {
    const nfd =
      'Đề nghị các cơ quan, địa phương liên quan kiểm tra, xử lý nội dung báo chí phản ánh'.normalize(
        'NFD',
      );
    const lines = wrapText(nfd, 30);
    expect(lines.join(' ')).toBe(nfd.normalize('NFC'));
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(30);
    expect(lines.length).toBe(3);
  });

  it('never breaks a URL and puts it on its own line', () => {
    const url =
      'https://baolamdong.vn/kinh-te/mot-duong-dan-rat-dai-vuot-qua-do-rong-cua-dong-a1a.html';
    const lines = wrapText(`Xem bài ${url} để biết thêm`, 40, '   ');
    expect(lines).toEqual(['   Xem bài', `   ${url}`, '   để biết thêm']);
  });

  it('cuts an over-long word that is not a URL', () => {
    const lines = wrapText('a'.repeat(25), 10);
    expect(lines).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('applies a hanging indent', () => {
    expect(wrapText('một hai ba bốn năm sáu', 12, '1. ', '   ')).toEqual([
      '1. một hai',
      '   ba bốn',
      '   năm sáu',
    ]);
  });
});

describe('alignedRows', () => {
  it('lines up the values after a dotted leader', () => {
    const rows = alignedRows([
      { label: 'Tích cực', values: ['6', '54,5%', 'giảm 8 điểm %'] },
      { label: 'Trung lập', values: ['12', '9,1%', 'tăng 1 điểm %'] },
    ]);
    expect(rows).toEqual([
      '  Tích cực ...  6  54,5%  giảm 8 điểm %',
      '  Trung lập .. 12   9,1%  tăng 1 điểm %',
    ]);
  });
});

describe('renderPlainText', () => {
  const daily = renderPlainText(dailyModel());
  const weekly = renderPlainText(weeklyModel());

  it('lays out the header, the sections and the closing blocks', () => {
    expect(
      daily.startsWith('UBND TỈNH LÂM ĐỒNG\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố 125/ĐT-SVHTTDL\n'),
    ).toBe(true);
    for (const h of [
      'TỔNG QUAN',
      'I. TIN NỔI BẬT',
      'III. THÔNG TIN CẦN LƯU Ý',
      'IV. THEO DÕI XỬ LÝ',
      'Nơi nhận:',
    ]) {
      expect(daily).toMatch(new RegExp(`^${h}$`, 'm'));
    }
    expect(daily).toContain('- Lưu: VT.');
    expect(daily).toMatch(/^ {38,}KT\. GIÁM ĐỐC$/m);
    expect(daily).toMatch(/^ {38,}Nguyễn Văn Minh$/m);
    expect(daily).toMatch(/^ {2}Tích cực \.+ +6 +54,5% +giảm 8 điểm %$/m);
  });

  it('prints open follow-up cases with their labels, and never an unsafe link', () => {
    const flat = weekly.replace(/\s+/g, ' ');
    expect(flat).toContain('1. Nước thải nhà máy chế biến cà phê chảy ra suối ở Di Linh');
    expect(flat).toContain('Cơ quan được đề nghị xử lý: UBND xã Hòa Ninh');
    expect(flat).toContain('Kết quả, phản hồi: Sở Giáo dục và Đào tạo cho biết');
    expect(weekly).not.toContain('javascript:');
  });

  it('prints the weekly per-day series as aligned rows', () => {
    expect(weekly).toMatch(/^Số tin, bài theo ngày$/m);
    expect(weekly).toMatch(/^ {2}18\/11 \.+ +6$/m);
  });

  it('keeps every line but a bare URL within 78 columns', () => {
    for (const text of [daily, weekly]) {
      expect(text).toBe(text.normalize('NFC'));
      for (const line of text.split('\n')) {
        if (/^\s*https?:\/\/\S+$/.test(line)) continue;
        expect([...line].length, line).toBeLessThanOrEqual(78);
      }
    }
  });
});
