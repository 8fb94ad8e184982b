import { describe, expect, it } from 'vitest';
import {
  dailyWindow,
  formatBulletinNumber,
  isInWindow,
  previousWindow,
} from '../../src/digest/window.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('dailyWindow', () => {
  it('runs from the previous day at the cut-off to the bulletin day at the cut-off', () => {
    expect(dailyWindow('2026-11-20', '06:00', ZONE)).toEqual({
      start: '2026-11-19T06:00:00.000+07:00',
      end: '2026-11-20T06:00:00.000+07:00',
    });
  });

  it('crosses a month boundary', () => {
    expect(dailyWindow('2026-12-01', '06:00', ZONE)).toEqual({
      start: '2026-11-30T06:00:00.000+07:00',
      end: '2026-12-01T06:00:00.000+07:00',
    });
  });

  it('crosses a year boundary', () => {
    expect(dailyWindow('2027-01-01', '06:00', ZONE)).toEqual({
      start: '2026-12-31T06:00:00.000+07:00',
      end: '2027-01-01T06:00:00.000+07:00',
    });
  });

  it('handles 29 February in a leap year and a non-zero minute', () => {
    expect(dailyWindow('2028-03-01', '05:30', ZONE).start).toBe('2028-02-29T05:30:00.000+07:00');
  });

  it('keeps the wall-clock cut-off across a DST change (a 23-hour window)', () => {
    expect(dailyWindow('2026-03-29', '06:00', 'Europe/Berlin')).toEqual({
      start: '2026-03-28T06:00:00.000+01:00',
      end: '2026-03-29T06:00:00.000+02:00',
    });
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-11-31',
    '20-11-2026',
    '2026-11-20T06:00',
    '2026/11/20',
    '',
    'hôm nay',
  ])('rejects the date %j with a digest: error', (date) => {
    expect(() => dailyWindow(date, '06:00', ZONE)).toThrow(/^digest: invalid bulletin date/);
  });

  it.each(['24:00', '6:00', '06:60', '0600'])('rejects the cut-off %j', (cutoff) => {
    expect(() => dailyWindow('2026-11-20', cutoff, ZONE)).toThrow(/^digest: invalid cut-off/);
  });

  it('rejects an unknown time zone', () => {
    expect(() => dailyWindow('2026-11-20', '06:00', 'Asia/Hanoi_City')).toThrow(
      /^digest: unknown time zone/,
    );
  });
});

describe('isInWindow', () => {
  const w20 = dailyWindow('2026-11-20', '06:00', ZONE);
  const w21 = dailyWindow('2026-11-21', '06:00', ZONE);

  it('puts an article published exactly at the cut-off in the new window', () => {
    expect(isInWindow('2026-11-20T06:00:00+07:00', w20)).toBe(false);
    expect(isInWindow('2026-11-20T06:00:00+07:00', w21)).toBe(true);
  });

  it('compares instants, whatever the offset', () => {
    expect(isInWindow('2026-11-19T23:00:00Z', w20)).toBe(false);
    expect(isInWindow('2026-11-19T22:59:59.999Z', w20)).toBe(true);
    expect(isInWindow('2026-11-18T23:00:00Z', w20)).toBe(true);
    expect(isInWindow('2026-11-18T22:59:59Z', w20)).toBe(false);
  });

  it('treats an unparsable time as outside', () => {
    expect(isInWindow('not a time', w20)).toBe(false);
  });
});

describe('previousWindow', () => {
  it('is the same length, just before', () => {
    expect(previousWindow(dailyWindow('2026-12-01', '06:00', ZONE))).toEqual(
      dailyWindow('2026-11-30', '06:00', ZONE),
    );
  });
});

describe('formatBulletinNumber', () => {
  it('fills the number and the agency code', () => {
    expect(formatBulletinNumber('Số {n}/ĐT-{agency}', 125, 'SVHTTDL')).toBe('Số 125/ĐT-SVHTTDL');
    expect(formatBulletinNumber('{n}/BC-STTTT', 7, 'SVHTTDL')).toBe('7/BC-STTTT');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects the number %s', (n) => {
    expect(() => formatBulletinNumber('Số {n}/ĐT-{agency}', n, 'X')).toThrow(/^digest: /);
  });

  it('rejects a format without {n}', () => {
    expect(() => formatBulletinNumber('Số /ĐT-{agency}', 1, 'X')).toThrow(/\{n\}/);
  });
});
