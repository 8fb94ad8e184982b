import { describe, expect, it } from 'vitest';
import {
  bulletinYear,
  customWindow,
  dailyWindow,
  isInWindow,
  monthlyWindow,
  presetRange,
  previousPeriodWindow,
  weeklyWindow,
} from '../../src/digest/window.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const THU = { weekday: 'thursday', time: '15:00' } as const;
const FIRST = { day: 1, time: '06:00' } as const;

describe('weeklyWindow', () => {
  it('ends at the cut-off of the bulletin day when dated on the cut-off weekday', () => {
    // 2026-11-19 is a Thursday.
    expect(weeklyWindow('2026-11-19', THU, ZONE)).toEqual({
      start: '2026-11-12T15:00:00.000+07:00',
      end: '2026-11-19T15:00:00.000+07:00',
    });
  });

  it('puts an item published exactly at the cut-off in the next week', () => {
    const w = weeklyWindow('2026-11-19', THU, ZONE);
    expect(isInWindow('2026-11-19T15:00:00+07:00', w)).toBe(false);
    expect(isInWindow('2026-11-19T14:59:59+07:00', w)).toBe(true);
    expect(isInWindow('2026-11-12T15:00:00+07:00', w)).toBe(true);
    expect(isInWindow('2026-11-19T15:00:00+07:00', weeklyWindow('2026-11-26', THU, ZONE))).toBe(
      true,
    );
  });

  it('spans two months', () => {
    expect(weeklyWindow('2026-11-05', THU, ZONE)).toEqual({
      start: '2026-10-29T15:00:00.000+07:00',
      end: '2026-11-05T15:00:00.000+07:00',
    });
  });

  it('built late (dated Saturday, Monday or Wednesday) covers the week of the last cut-off', () => {
    const onTime = weeklyWindow('2026-11-19', THU, ZONE);
    expect(weeklyWindow('2026-11-21', THU, ZONE)).toEqual(onTime);
    expect(weeklyWindow('2026-11-23', THU, ZONE)).toEqual(onTime);
    expect(weeklyWindow('2026-11-25', THU, ZONE)).toEqual(onTime);
    expect(weeklyWindow('2026-11-26', THU, ZONE)).not.toEqual(onTime);
  });

  it('honours another weekday and crosses a year', () => {
    // 2027-01-01 is a Friday; the Monday cut-off before it is 2026-12-28.
    expect(weeklyWindow('2027-01-01', { weekday: 'monday', time: '08:30' }, ZONE)).toEqual({
      start: '2026-12-21T08:30:00.000+07:00',
      end: '2026-12-28T08:30:00.000+07:00',
    });
  });

  it('rejects a bad date or time', () => {
    expect(() => weeklyWindow('2026-02-30', THU, ZONE)).toThrow(/^digest: invalid bulletin date/);
    expect(() => weeklyWindow('2026-11-19', { weekday: 'thursday', time: '3pm' }, ZONE)).toThrow(
      /^digest: invalid cut-off/,
    );
  });
});

describe('monthlyWindow', () => {
  it('dated the 1st covers the previous month, cut-off to cut-off', () => {
    expect(monthlyWindow('2026-12-01', FIRST, ZONE)).toEqual({
      start: '2026-11-01T06:00:00.000+07:00',
      end: '2026-12-01T06:00:00.000+07:00',
    });
  });

  it('puts an item at the month boundary by the cut-off, not by the calendar', () => {
    const nov = monthlyWindow('2026-12-01', FIRST, ZONE);
    expect(isInWindow('2026-12-01T05:59:59+07:00', nov)).toBe(true);
    expect(isInWindow('2026-12-01T06:00:00+07:00', nov)).toBe(false);
    expect(isInWindow('2026-11-01T05:59:59+07:00', nov)).toBe(false);
    expect(isInWindow('2026-11-30T23:30:00Z', nov)).toBe(false); // 06:30 on 1 Dec in ICT
  });

  it('covers February of a leap year (29 days) and of a common year (28)', () => {
    const leap = monthlyWindow('2028-03-01', FIRST, ZONE);
    expect(leap).toEqual({
      start: '2028-02-01T06:00:00.000+07:00',
      end: '2028-03-01T06:00:00.000+07:00',
    });
    expect(isInWindow('2028-02-29T12:00:00+07:00', leap)).toBe(true);
    const days = (w: { start: string; end: string }): number =>
      (Date.parse(w.end) - Date.parse(w.start)) / 86_400_000;
    expect(days(leap)).toBe(29);
    expect(days(monthlyWindow('2027-03-01', FIRST, ZONE))).toBe(28);
  });

  it('crosses the year: dated 1 January covers December', () => {
    expect(monthlyWindow('2027-01-01', FIRST, ZONE).start).toBe('2026-12-01T06:00:00.000+07:00');
  });

  it('built late (after downtime) covers the month of the last cut-off', () => {
    const onTime = monthlyWindow('2026-12-01', FIRST, ZONE);
    expect(monthlyWindow('2026-12-10', FIRST, ZONE)).toEqual(onTime);
    expect(monthlyWindow('2026-12-31', FIRST, ZONE)).toEqual(onTime);
    expect(monthlyWindow('2027-01-01', FIRST, ZONE)).not.toEqual(onTime);
  });

  it('with a cut-off on the 15th, dated before the 15th covers the month before', () => {
    const mid = { day: 15, time: '00:00' };
    expect(monthlyWindow('2026-11-10', mid, ZONE)).toEqual({
      start: '2026-09-15T00:00:00.000+07:00',
      end: '2026-10-15T00:00:00.000+07:00',
    });
    expect(monthlyWindow('2026-11-15', mid, ZONE).end).toBe('2026-11-15T00:00:00.000+07:00');
  });

  it('refuses a cut-off day that some months lack', () => {
    expect(() => monthlyWindow('2026-11-30', { day: 30, time: '06:00' }, ZONE)).toThrow(
      /^digest: monthly cut-off day must be 1–28/,
    );
  });
});

describe('customWindow and presets', () => {
  it('covers whole days, both ends included', () => {
    expect(customWindow('2026-01-01', '2026-06-30', ZONE)).toEqual({
      start: '2026-01-01T00:00:00.000+07:00',
      end: '2026-07-01T00:00:00.000+07:00',
    });
  });

  it('accepts a single day and rejects a reversed range', () => {
    expect(customWindow('2026-11-20', '2026-11-20', ZONE).end).toBe(
      '2026-11-21T00:00:00.000+07:00',
    );
    expect(() => customWindow('2026-11-21', '2026-11-20', ZONE)).toThrow(/^digest: the range ends/);
  });

  it('computes 6-month and yearly ranges ending on a day, across leap days', () => {
    expect(presetRange('6-month', '2026-06-30', ZONE)).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    // Đắk Nông's plan: the yearly report is due before 15 November.
    expect(presetRange('yearly', '2026-11-14', ZONE)).toEqual({
      from: '2025-11-15',
      to: '2026-11-14',
    });
    expect(presetRange('yearly', '2028-02-28', ZONE).from).toBe('2027-03-01');
    expect(presetRange('6-month', '2028-08-28', ZONE).from).toBe('2028-02-29');
  });
});

describe('previousPeriodWindow', () => {
  it('compares a month with the calendar month before, whatever their lengths', () => {
    const mar = monthlyWindow('2028-04-01', FIRST, ZONE);
    expect(previousPeriodWindow('monthly', mar, ZONE)).toEqual(
      monthlyWindow('2028-03-01', FIRST, ZONE),
    );
  });

  it('compares a week with the week before and a day with the day before', () => {
    expect(previousPeriodWindow('weekly', weeklyWindow('2026-11-19', THU, ZONE), ZONE)).toEqual(
      weeklyWindow('2026-11-12', THU, ZONE),
    );
    expect(previousPeriodWindow('daily', dailyWindow('2026-12-01', '06:00', ZONE), ZONE)).toEqual(
      dailyWindow('2026-11-30', '06:00', ZONE),
    );
  });

  it('compares a half-year with the half-year before and a year with the year before', () => {
    expect(
      previousPeriodWindow('custom', customWindow('2026-01-01', '2026-06-30', ZONE), ZONE),
    ).toEqual(customWindow('2025-07-01', '2025-12-31', ZONE));
    expect(
      previousPeriodWindow('custom', customWindow('2028-01-01', '2028-12-31', ZONE), ZONE),
    ).toEqual(customWindow('2027-01-01', '2027-12-31', ZONE));
  });

  it('compares an arbitrary range with as many days before', () => {
    expect(
      previousPeriodWindow('custom', customWindow('2026-11-10', '2026-11-19', ZONE), ZONE),
    ).toEqual(customWindow('2026-10-31', '2026-11-09', ZONE));
  });
});

describe('bulletinYear', () => {
  it('is the year of the bulletin date, so numbering restarts each January', () => {
    expect(bulletinYear('2027-01-01', ZONE)).toBe(2027);
    expect(bulletinYear('2026-12-31', ZONE)).toBe(2026);
  });
});
