import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatDateLine,
  formatInt,
  formatItemTime,
  formatPercentTenths,
  formatPointChange,
  percentTenths,
} from '../../src/digest/format.ts';

describe('percentTenths', () => {
  it('always adds up to 100%', () => {
    for (const counts of [
      [1, 1, 1],
      [5, 4, 2],
      [6, 4, 1],
      [1, 0, 0],
      [7, 13, 29],
      [2, 2, 2, 2, 2, 2, 2],
    ]) {
      expect(percentTenths(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    }
  });

  it('rounds by the largest remainder', () => {
    expect(percentTenths([1, 1, 1])).toEqual([334, 333, 333]);
    expect(percentTenths([6, 4, 1])).toEqual([545, 364, 91]);
    expect(percentTenths([5, 3, 0])).toEqual([625, 375, 0]);
  });

  it('gives zeros for no data', () => {
    expect(percentTenths([0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('Vietnamese number forms', () => {
  it('uses a decimal comma and dotted thousands', () => {
    expect(formatPercentTenths(545)).toBe('54,5%');
    expect(formatPercentTenths(1000)).toBe('100%');
    expect(formatInt(1234567)).toBe('1.234.567');
    expect(formatPointChange(239)).toBe('tăng 23,9 điểm %');
    expect(formatPointChange(-80)).toBe('giảm 8 điểm %');
    expect(formatPointChange(0)).toBe('không đổi');
  });
});

describe('formatDateLine', () => {
  const d = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' });
  it('follows Nghị định 30: a leading zero for days below 10 and for months 1 and 2 only', () => {
    expect(formatDateLine('Lâm Đồng', d('2026-11-20'))).toBe('Lâm Đồng, ngày 20 tháng 11 năm 2026');
    expect(formatDateLine('Lâm Đồng', d('2026-02-05'))).toBe('Lâm Đồng, ngày 05 tháng 02 năm 2026');
    expect(formatDateLine('Gia Lai', d('2026-03-01'))).toBe('Gia Lai, ngày 01 tháng 3 năm 2026');
  });
});

describe('formatItemTime', () => {
  it('shows the time in the bulletin zone', () => {
    expect(formatItemTime('2026-11-19T23:10:00Z', 'Asia/Ho_Chi_Minh')).toBe('20/11 06:10');
  });
});
