// The bulletin's reporting window and number. A daily bulletin dated D covers the day before D
// at the cut-off up to D at the cut-off, in the deployment's zone (DESIGN.md, "The bulletin"):
// editors publish before the working day, so "today's" bulletin is about yesterday. Weekly and
// monthly windows end at the latest cut-off on or before the bulletin's date. Every window is
// derived from the bulletin's date, never from the clock, so a bulletin built late after
// downtime covers the same window as one built on time (docs/bulletin.md).
import { DateTime, IANAZone } from 'luxon';
import type { DurationLikeObject } from 'luxon';
import type { WEEKDAYS } from '../config/app.ts';

type Weekday = (typeof WEEKDAYS)[number];

export interface DigestWindow {
  /** ISO 8601 with offset; inclusive. */
  start: string;
  /** ISO 8601 with offset; exclusive, so an item published exactly at the cut-off opens the next window. */
  end: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The window of the daily bulletin dated `date` (YYYY-MM-DD) with the cut-off `cutoff` (HH:MM). */
export function dailyWindow(date: string, cutoff: string, timeZone: string): DigestWindow {
  const end = atTime(bulletinDay(date, timeZone), cutoff);
  // minus({ days: 1 }) keeps the wall-clock cut-off across a DST change, which is what a
  // reader of "Từ 06 giờ 00 ngày …" expects.
  return { start: isoOf(end.minus({ days: 1 })), end: isoOf(end) };
}

export const DIGEST_KINDS = ['daily', 'weekly', 'monthly', 'custom'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

const WEEKDAY_NUMBERS: Record<Weekday, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/**
 * The window of the weekly bulletin dated `date`: the seven days ending at the latest weekly
 * cut-off (e.g. Thursday 15:00) on or before `date`. Dated on the cut-off day, it ends that day;
 * dated later (a bulletin rebuilt after downtime), it still ends at the cut-off before it.
 */
export function weeklyWindow(
  date: string,
  cutoff: { weekday: Weekday; time: string },
  timeZone: string,
): DigestWindow {
  const day = bulletinDay(date, timeZone);
  const back = (day.weekday - WEEKDAY_NUMBERS[cutoff.weekday] + 7) % 7;
  const end = atTime(day.minus({ days: back }), cutoff.time);
  return { start: isoOf(end.minus({ weeks: 1 })), end: isoOf(end) };
}

/**
 * The window of the monthly bulletin dated `date`: from the monthly cut-off (e.g. the 1st at
 * 06:00) one month before up to the latest cut-off on or before `date`, so the bulletin dated
 * 1 December covers November, and one dated 10 December (built late) covers November too.
 */
export function monthlyWindow(
  date: string,
  cutoff: { day: number; time: string },
  timeZone: string,
): DigestWindow {
  if (!Number.isInteger(cutoff.day) || cutoff.day < 1 || cutoff.day > 28) {
    // Day 29–31 does not exist in every month: the window would change length at random.
    throw new Error(`digest: monthly cut-off day must be 1–28, got ${String(cutoff.day)}`);
  }
  const day = bulletinDay(date, timeZone);
  const month = day.day >= cutoff.day ? day : day.minus({ months: 1 });
  const end = atTime(month.set({ day: cutoff.day }), cutoff.time);
  return { start: isoOf(end.minus({ months: 1 })), end: isoOf(end) };
}

/**
 * An on-demand report (6-month, yearly, any range) over whole calendar days: `from` and `to`
 * are inclusive dates, the window runs from `from` 00:00 to the day after `to` 00:00, which is
 * how "từ ngày 01/01/2026 đến ngày 30/6/2026" reads.
 */
export function customWindow(from: string, to: string, timeZone: string): DigestWindow {
  const start = bulletinDay(from, timeZone);
  const last = bulletinDay(to, timeZone);
  if (last < start) throw new Error(`digest: the range ends (${to}) before it starts (${from})`);
  return { start: isoOf(start), end: isoOf(last.plus({ days: 1 })) };
}

/**
 * The inclusive dates of the 6-month or yearly report whose last day is `to`:
 * ('6-month', 2026-06-30) → 2026-01-01…2026-06-30; ('yearly', 2026-11-14) → 2025-11-15…
 */
export function presetRange(
  preset: '6-month' | 'yearly',
  to: string,
  timeZone: string,
): { from: string; to: string } {
  const last = bulletinDay(to, timeZone);
  const span = preset === '6-month' ? { months: 6 } : { years: 1 };
  // Ending on a month's last day, the range is whole months; otherwise it starts the day after
  // the same date a period earlier (so a year to 28/02/2028 starts 01/03/2027, not 29/02).
  const from =
    last.plus({ days: 1 }).day === 1
      ? last.plus({ days: 1 }).minus(span)
      : last.minus(span).plus({ days: 1 });
  return { from: from.toISODate() ?? to, to };
}

/**
 * The comparison window: the same calendar span just before. A month is compared with the
 * month before (30 vs 31 days is what readers expect), a week with the week before; a custom
 * range of whole months with as many months before, otherwise with as many days before.
 */
export function previousPeriodWindow(
  kind: DigestKind,
  window: DigestWindow,
  timeZone: string,
): DigestWindow {
  const start = DateTime.fromISO(window.start, { zone: timeZone });
  const end = DateTime.fromISO(window.end, { zone: timeZone });
  const shift = (by: DurationLikeObject): DigestWindow => ({
    start: isoOf(start.minus(by)),
    end: window.start,
  });
  if (kind === 'daily') return shift({ days: 1 });
  if (kind === 'weekly') return shift({ weeks: 1 });
  if (kind === 'monthly') return shift({ months: 1 });
  const months = Math.round(end.diff(start, 'months').months);
  if (months > 0 && +start.plus({ months }) === +end) return shift({ months });
  const days = Math.round(end.diff(start, 'days').days);
  if (days > 0 && +start.plus({ days }) === +end) return shift({ days });
  return previousWindow(window);
}

/** The bulletin's year for numbering: the year of its date (numbers restart each January). */
export function bulletinYear(date: string, timeZone: string): number {
  return bulletinDay(date, timeZone).year;
}

/** True when `iso` falls in [start, end): compares instants, not strings, so offsets may differ. */
export function isInWindow(iso: string, window: DigestWindow): boolean {
  const ms = instantOf(iso);
  return ms >= instantOf(window.start) && ms < instantOf(window.end);
}

// Full ISO 8601 date-times with an offset: the shape the store and the schema give.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO time, NaN when unparsable (NaN compares false, so such a time
 * falls in no window). The common shape takes the native parser: a monthly bulletin compares
 * ~50,000 times and luxon's parser is ~20 times slower.
 */
export function instantOf(iso: string): number {
  if (ISO_WITH_OFFSET.test(iso)) return Date.parse(iso);
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t.toMillis() : Number.NaN;
}

/** The window just before `window`, of the same length: the comparison period of the figures. */
export function previousWindow(window: DigestWindow): DigestWindow {
  const start = DateTime.fromISO(window.start, { setZone: true });
  const end = DateTime.fromISO(window.end, { setZone: true });
  const previousStart = start.minus(end.diff(start));
  return { start: isoOf(previousStart), end: window.start };
}

/** `Số {n}/ĐT-{agency}` with n = 125 and agency = SVHTTDL → `Số 125/ĐT-SVHTTDL`. */
export function formatBulletinNumber(format: string, n: number, agencyCode: string): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`digest: bulletin number must be a positive integer, got ${String(n)}`);
  }
  if (!format.includes('{n}')) {
    throw new Error(`digest: bulletin number format "${format}" lacks the {n} placeholder`);
  }
  return format.replaceAll('{n}', String(n)).replaceAll('{agency}', agencyCode);
}

/** Midnight of a YYYY-MM-DD date in the zone; rejects 2026-02-30 rather than rolling over. */
function bulletinDay(date: string, timeZone: string): DateTime {
  const d = DATE.exec(date);
  if (!d) throw new Error(`digest: invalid bulletin date "${date}", expected YYYY-MM-DD`);
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`digest: unknown time zone "${timeZone}"`);
  const t = DateTime.fromObject(
    { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) },
    { zone: timeZone },
  );
  if (!t.isValid) {
    throw new Error(
      `digest: invalid bulletin date "${date}" (${t.invalidExplanation ?? 'no such day'})`,
    );
  }
  return t;
}

function atTime(day: DateTime, time: string): DateTime {
  const c = CUTOFF.exec(time);
  if (!c) throw new Error(`digest: invalid cut-off "${time}", expected HH:MM (00:00–23:59)`);
  return day.set({ hour: Number(c[1]), minute: Number(c[2]), second: 0, millisecond: 0 });
}

function isoOf(t: DateTime): string {
  const iso = t.toISO();
  if (iso === null)
    throw new Error(`digest: cannot format time (${t.invalidExplanation ?? 'invalid'})`);
  return iso;
}
