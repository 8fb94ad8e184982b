// The bulletin's reporting window and number. A daily bulletin dated D covers the day before D
// at the cut-off up to D at the cut-off, in the deployment's zone (DESIGN.md, "The bulletin"):
// editors publish before the working day, so "today's" bulletin is about yesterday.
import { DateTime, IANAZone } from 'luxon';

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
  const d = DATE.exec(date);
  if (!d) throw new Error(`digest: invalid bulletin date "${date}", expected YYYY-MM-DD`);
  const c = CUTOFF.exec(cutoff);
  if (!c) throw new Error(`digest: invalid cut-off "${cutoff}", expected HH:MM (00:00–23:59)`);
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`digest: unknown time zone "${timeZone}"`);

  const end = DateTime.fromObject(
    {
      year: Number(d[1]),
      month: Number(d[2]),
      day: Number(d[3]),
      hour: Number(c[1]),
      minute: Number(c[2]),
    },
    { zone: timeZone },
  );
  // luxon normalises nothing here: 2026-02-30 comes back invalid rather than as 2 March.
  if (!end.isValid) {
    throw new Error(
      `digest: invalid bulletin date "${date}" (${end.invalidExplanation ?? 'no such day'})`,
    );
  }
  // minus({ days: 1 }) keeps the wall-clock cut-off across a DST change, which is what a
  // reader of "Từ 06 giờ 00 ngày …" expects.
  const start = end.minus({ days: 1 });
  return { start: isoOf(start), end: isoOf(end) };
}

/** True when `iso` falls in [start, end): compares instants, not strings, so offsets may differ. */
export function isInWindow(iso: string, window: DigestWindow): boolean {
  const t = DateTime.fromISO(iso, { setZone: true });
  if (!t.isValid) return false;
  const ms = t.toMillis();
  return (
    ms >= DateTime.fromISO(window.start).toMillis() && ms < DateTime.fromISO(window.end).toMillis()
  );
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

function isoOf(t: DateTime): string {
  const iso = t.toISO();
  if (iso === null)
    throw new Error(`digest: cannot format time (${t.invalidExplanation ?? 'invalid'})`);
  return iso;
}
