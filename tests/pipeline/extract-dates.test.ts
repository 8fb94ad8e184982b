// Dates as Vietnamese pages and feeds print them → ISO 8601 in Vietnam time (+07:00).
// Choices this file pins down:
// - a text without a zone is Vietnam time; a zone (Z, +07:00, GMT+7) is honoured and the
//   result re-expressed at +07:00;
// - a date without a time is midnight Vietnam time (00:00:00+07:00), the earliest instant the
//   text allows;
// - dates more than 1 hour after `now` are null (a wrong page, not a scoop); so are dates
//   before 1990 and anything that is not a date.
import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from '../../pipeline/extract/dates.ts';

const NOW = new Date('2026-11-20T09:00:00+07:00');
const parse = (s: string): string | null => parseVietnameseDate(s, NOW);

describe('parseVietnameseDate: absolute forms', () => {
  it.each([
    ['VnExpress', 'Thứ năm, 20/11/2026, 07:15 (GMT+7)', '2026-11-20T07:15:00+07:00'],
    ['date then time', '20/11/2026 07:15', '2026-11-20T07:15:00+07:00'],
    ['time then date', '07:15 20/11/2026', '2026-11-20T07:15:00+07:00'],
    ['dashes', '20-11-2026 - 07:15', '2026-11-20T07:15:00+07:00'],
    ['dots (Thanh Niên)', '20.11.2026 07:15', '2026-11-20T07:15:00+07:00'],
    ['weekday, "ngày"', 'Thứ Năm, ngày 20/11/2026 - 07:15', '2026-11-20T07:15:00+07:00'],
    ['in words', 'Ngày 20 tháng 11 năm 2026', '2026-11-20T00:00:00+07:00'],
    ['in words, no "năm" (BBC)', '20 tháng 11 2026', '2026-11-20T00:00:00+07:00'],
    ['in words with a time', '07:15 ngày 20 tháng 11 năm 2026', '2026-11-20T07:15:00+07:00'],
    ['single digits', '5/3/2026 8:05', '2026-03-05T08:05:00+07:00'],
    ['"08h30"', '19/11/2026 08h30', '2026-11-19T08:30:00+07:00'],
    ['GMT+7 after the time (VCCorp)', '20/11/2026 07:15 GMT+7', '2026-11-20T07:15:00+07:00'],
    ['RFC 822 with +0700', 'Thu, 20 Nov 2026 07:15:00 +0700', '2026-11-20T07:15:00+07:00'],
    ['RFC 822 in GMT', 'Thu, 20 Nov 2026 00:15:00 GMT', '2026-11-20T07:15:00+07:00'],
    ['US order with PM (ASP.NET feeds)', '11/19/2026 6:44:00 PM', '2026-11-19T18:44:00+07:00'],
  ])('%s: %s', (_label, text, iso) => {
    expect(parse(text)).toBe(iso);
  });

  it('ISO with Z is converted to +07:00', () => {
    expect(parse('2026-11-20T00:15:00Z')).toBe('2026-11-20T07:15:00+07:00');
    expect(parse('2026-11-19T23:30:00.000Z')).toBe('2026-11-20T06:30:00+07:00');
  });

  it('ISO with +07:00 is kept; another offset is converted', () => {
    expect(parse('2026-11-20T07:15:00+07:00')).toBe('2026-11-20T07:15:00+07:00');
    expect(parse('2026-11-19T20:15:00-04:00')).toBe('2026-11-20T07:15:00+07:00');
  });

  it('a date without a time is midnight in Vietnam', () => {
    expect(parse('20/11/2026')).toBe('2026-11-20T00:00:00+07:00');
    expect(parse('2026-11-19')).toBe('2026-11-19T00:00:00+07:00');
  });

  it('NFD input (diacritics as combining marks) reads the same', () => {
    expect(parse('Ngày 20 tháng 11 năm 2026'.normalize('NFD'))).toBe('2026-11-20T00:00:00+07:00');
  });
});

describe('parseVietnameseDate: the forms named in issue 4, and what outlets print', () => {
  it.each([
    ['slashes, dash, time', '16/11/2026 - 08:30', '2026-11-16T08:30:00+07:00'],
    ['weekday, comma, GMT+7', 'Thứ hai, 16/11/2026, 08:30 (GMT+7)', '2026-11-16T08:30:00+07:00'],
    ['US order, PM, no zone = Vietnam', '9/14/2026 6:44:00 PM', '2026-09-14T18:44:00+07:00'],
    ['US order, AM', '9/14/2026 9:05:00 AM', '2026-09-14T09:05:00+07:00'],
    ['"+07" offset', '2026-11-16T08:30:00+07', '2026-11-16T08:30:00+07:00'],
    ['"+0700" offset (Nhân Dân)', '2026-11-16T08:30:00+0700', '2026-11-16T08:30:00+07:00'],
    [
      'ISO with a space and "+07:00"',
      '2026-03-07T08:52:11.000 +07:00',
      '2026-03-07T08:52:11+07:00',
    ],
    ['another offset', '2024-06-10T10:30:00-04:00', '2024-06-10T21:30:00+07:00'],
    ['UTC with a space', '2026-11-18 23:15:00Z', '2026-11-19T06:15:00+07:00'],
    ['two-digit year', '16/11/26 08:30', '2026-11-16T08:30:00+07:00'],
    ['two-digit year, weekday', 'Thứ Hai, 16/11/26 - 08:00', '2026-11-16T08:00:00+07:00'],
    ['two-digit year, RFC 822', '16 Nov 26 08:30 +0700', '2026-11-16T08:30:00+07:00'],
    ['dashed d-m-y with AM (CafeF)', '07-03-2026 - 00:01 AM', '2026-03-07T00:01:00+07:00'],
    ['time before date (VOV)', 'Thứ Hai, 18:12, 16/11/2026', '2026-11-16T18:12:00+07:00'],
    ['GMT+07:00 in brackets (Znews)', '15/11/2026 20:32 (GMT+07:00)', '2026-11-15T20:32:00+07:00'],
    [
      'words with weekday (Báo Đầu tư)',
      'Thứ Bảy, Ngày 07 tháng 03 năm 2026',
      '2026-03-07T00:00:00+07:00',
    ],
    ['label before the date', 'Ngày đăng: 12/11/2026 14:00', '2026-11-12T14:00:00+07:00'],
  ])('%s: %s', (_label, text, iso) => {
    expect(parse(text)).toBe(iso);
  });

  it('"2 giờ trước", "hôm qua", "hôm kia" count back from now', () => {
    expect(parse('2 giờ trước')).toBe('2026-11-20T07:00:00+07:00');
    expect(parse('hôm qua')).toBe('2026-11-19T00:00:00+07:00');
    expect(parse('hôm kia 14:00')).toBe('2026-11-18T14:00:00+07:00');
    expect(parse('1 tuần trước')).toBe('2026-11-13T09:00:00+07:00');
  });

  it('rejects the future and dates before 1990, two-digit years included', () => {
    expect(parse('21/11/2026 08:30')).toBeNull();
    expect(parse('9/14/2027 6:44:00 PM')).toBeNull();
    expect(parse('16/11/89 08:30')).toBeNull(); // 1989
    expect(parse('31/12/1989 23:59')).toBeNull();
    expect(parse('01/01/1990 00:00')).toBe('1990-01-01T00:00:00+07:00');
    expect(parse('16/11/49 08:30')).toBeNull(); // 2049: future
  });
});

describe('parseVietnameseDate: relative forms count back from now', () => {
  it.each([
    ['2 giờ trước', '2026-11-20T07:00:00+07:00'],
    ['5 phút trước', '2026-11-20T08:55:00+07:00'],
    ['3 ngày trước', '2026-11-17T09:00:00+07:00'],
    ['hôm qua', '2026-11-19T00:00:00+07:00'],
    ['08:30 hôm qua', '2026-11-19T08:30:00+07:00'],
    ['vừa xong', '2026-11-20T09:00:00+07:00'],
  ])('%s', (text, iso) => {
    expect(parse(text)).toBe(iso);
  });

  it('"now" late in the UTC day is still the Vietnamese day', () => {
    // 20/11 23:30 in Vietnam is 20/11 16:30 UTC; "hôm qua" is the 19th in Vietnam.
    const late = new Date('2026-11-20T23:30:00+07:00');
    expect(parseVietnameseDate('hôm qua', late)).toBe('2026-11-19T00:00:00+07:00');
  });
});

describe('parseVietnameseDate: rejects', () => {
  it('a date more than a day after now', () => {
    expect(parse('22/11/2026 07:15')).toBeNull();
    expect(parse('2027-01-01T00:00:00+07:00')).toBeNull();
  });

  it('tolerates one hour of clock skew, not more', () => {
    expect(parse('20/11/2026 09:45')).toBe('2026-11-20T09:45:00+07:00');
    expect(parse('20/11/2026 10:30')).toBeNull();
  });

  it.each([
    'không phải ngày tháng',
    '',
    '   ',
    '32/13/2026',
    '30/02/2026',
    '20/11/2026 25:61',
    '01/01/1970',
    'Ngày 0 tháng 0 năm 0000',
    'x'.repeat(10_000),
  ])('garbage: %j', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('an invalid now', () => {
    expect(parseVietnameseDate('20/11/2026', new Date(Number.NaN))).toBeNull();
  });
});
