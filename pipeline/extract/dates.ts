// Dates as Vietnamese news pages and feeds write them, turned into one form:
// ISO 8601 with the Vietnam offset (+07:00), e.g. 2024-11-16T08:30:00+07:00.
//
// - A text with no zone is Vietnam time (Asia/Ho_Chi_Minh; no DST since 1975).
// - A text with a zone (Z, +07, +0700, GMT+7, UTC) is read in that zone and then expressed in
//   Vietnam time, so every stored date has the same offset and ISO strings sort correctly.
// - Day/month order: Vietnamese writes d/m/y. The only m/d/y seen in our sources is the
//   ASP.NET form `9/14/2026 6:44:00 PM` (baochinhphu RSS), so m/d is used when the
//   separator is "/" AND an AM/PM marker is present, or when the second number cannot be a
//   month (> 12). Dashed dates stay d-m-y even with AM/PM (cafef prints `07-03-2026 - 00:01 AM`
//   for 7 March). A first number > 12 is always a day.
// - Relative forms (`2 giờ trước`, `hôm qua`) count back from `now` in Vietnam time.
// - Sanity window: null for dates more than 1 hour after `now` (clock skew allowance) or before
//   1990 (no Vietnamese online press existed; such values are template placeholders).
import type { Zone } from 'luxon';
import { DateTime, FixedOffsetZone } from 'luxon';

/**
 * Vietnam time. Asia/Ho_Chi_Minh has been a fixed UTC+7 since 1975 with no DST, and dates
 * before 1990 are rejected, so the fixed offset is the same zone for every date we accept —
 * and ~10x cheaper than an IANA zone, which luxon resolves through Intl on every call.
 */
const VN_ZONE = FixedOffsetZone.instance(7 * 60);
const EARLIEST_YEAR = 1990;
const FUTURE_SLACK_MS = 60 * 60 * 1000;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** A luxon zone: 'UTC+7', 'UTC', or the Vietnam zone when the text names none. */
  zone: string | Zone;
}

/** Parses a date as written on Vietnamese news pages and feeds; see the header for rules. */
export function parseVietnameseDate(text: string, now: Date): string | null {
  if (typeof text !== 'string') return null;
  // Long strings are not dates; the cap keeps the regexes below cheap on junk input.
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (s === '') return null;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return null;

  const rel = parseRelative(s, now);
  if (!rel) return absoluteIso(parseAbsolute(s), now);
  if (!rel.isValid) return null;
  if (rel.year < EARLIEST_YEAR) return null;
  if (rel.toMillis() > now.getTime() + FUTURE_SLACK_MS) return null;
  return rel.setZone(VN_ZONE).toISO({ suppressMilliseconds: true });
}

/**
 * What `DateTime.fromObject(fields, { zone })`, the checks above and
 * `.setZone(VN_ZONE).toISO({ suppressMilliseconds: true })` give for absolute dates, computed
 * directly: every page has one or more dates and luxon's object path was a twentieth of the
 * extraction time on small pages. Same rules as luxon: month 1–12, day within the month, hour
 * 0–23 (24:00:00 allowed, the next day), minute and second 0–59; the zone is a fixed offset.
 * tests/pipeline/extract-dates.test.ts compares both on generated dates.
 */
function absoluteIso(p: Parts | null, now: Date): string | null {
  if (!p) return null;
  const offset = offsetMinutes(p.zone);
  if (offset === null) return null;
  const { year, month, day, hour, minute, second } = p;
  const ints = [year, month, day, hour, minute, second].every((n) => Number.isInteger(n));
  if (!ints || month < 1 || month > 12) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const midnight = hour === 24 && minute === 0 && second === 0;
  if (!((hour >= 0 && hour <= 23) || midnight) || minute < 0 || minute > 59) return null;
  if (second < 0 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(local).getUTCFullYear() < EARLIEST_YEAR) return null;
  const ms = local - offset * 60_000;
  if (ms > now.getTime() + FUTURE_SLACK_MS) return null;
  const vn = new Date(ms + 7 * 3_600_000);
  return (
    `${String(vn.getUTCFullYear()).padStart(4, '0')}-${two(vn.getUTCMonth() + 1)}-` +
    `${two(vn.getUTCDate())}T${two(vn.getUTCHours())}:${two(vn.getUTCMinutes())}:` +
    `${two(vn.getUTCSeconds())}+07:00`
  );
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The offset in minutes of a zone made by offsetZone (luxon's reading of 'UTC±h:mm'). */
function offsetMinutes(zone: string | Zone): number | null {
  if (typeof zone !== 'string') return zone === VN_ZONE ? 7 * 60 : null;
  if (zone === 'UTC') return 0;
  const m = /^UTC([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zone);
  if (!m) return null; // luxon reads no other zone name here: an invalid date
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

// ---- relative forms ------------------------------------------------------------------------

const RELATIVE_UNITS: Record<
  string,
  'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years'
> = {
  giây: 'seconds',
  phút: 'minutes',
  giờ: 'hours',
  tiếng: 'hours',
  ngày: 'days',
  tuần: 'weeks',
  tháng: 'months',
  năm: 'years',
};

function parseRelative(s: string, now: Date): DateTime | null {
  const lower = s.toLowerCase();
  // Built only for relative texts: most dates are absolute and luxon objects are not free.
  const vn = (): DateTime => DateTime.fromJSDate(now, { zone: VN_ZONE });
  const ago = /(\d{1,4})\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước/u.exec(lower);
  if (ago) {
    const unit = RELATIVE_UNITS[ago[2] ?? ''];
    if (!unit) return null;
    return vn()
      .minus({ [unit]: Number(ago[1]) })
      .startOf('minute');
  }
  if (/^(vừa xong|vừa mới|mới đây)$/u.test(lower)) return vn().startOf('minute');
  const day = /(hôm qua|hôm kia|hôm nay)/u.exec(lower);
  if (!day) return null;
  const back = day[1] === 'hôm qua' ? 1 : day[1] === 'hôm kia' ? 2 : 0;
  const base = vn().minus({ days: back }).startOf('day');
  // "hôm qua lúc 08:30" / "08:30 hôm qua": that time of that day; without a time, the start
  // of the day (the earliest instant the text allows, so it never lands in the future).
  const time = parseTime(lower.replace(day[1] ?? '', ' '));
  if (time === BAD_TIME) return null;
  return time ? base.set({ hour: time.hour, minute: time.minute, second: time.second }) : base;
}

// ---- absolute forms ------------------------------------------------------------------------

function parseAbsolute(s: string): Parts | null {
  return parseIso(s) ?? parseRfc822(s) ?? parseWords(s) ?? parseNumeric(s);
}

/** 2024-11-16, 2024-11-16T08:30:00+07:00, 2024-11-16 08:30, 2026-03-07T08:52:11.000 +07:00 */
function parseIso(s: string): Parts | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s,
    );
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    zone: m[7] ? offsetZone(m[7]) : VN_ZONE,
  };
}

/** Sat, 16 Nov 2024 08:30:00 +0700 — also GMT+7, +07, two-digit years (14 Sep 26). */
function parseRfc822(s: string): Parts | null {
  const m =
    /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i.exec(
      s,
    );
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (!month) return null;
  const zone = zoneOf(m[7] ?? '');
  if (zone === undefined) return null;
  return {
    year: fullYear(m[3] ?? ''),
    month,
    day: Number(m[1]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    zone: zone ?? VN_ZONE,
  };
}

/**
 * Ngày 16 tháng 11 năm 2024, or BBC's 16 tháng 11 2024 (optionally with a time anywhere in
 * the text).
 */
function parseWords(s: string): Parts | null {
  const m = /(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)?\s+(\d{4})/iu.exec(s);
  if (!m) return null;
  const rest = s.replace(m[0], ' ');
  const zone = findZone(rest);
  const time = parseTime(zone ? rest.replace(zone.text, ' ') : rest);
  if (time === BAD_TIME) return null;
  return {
    year: Number(m[3]),
    month: Number(m[2]),
    day: Number(m[1]),
    hour: time?.hour ?? 0,
    minute: time?.minute ?? 0,
    second: time?.second ?? 0,
    zone: zone?.zone ?? VN_ZONE,
  };
}

/**
 * Numbers with separators, the time anywhere around the date:
 * `Thứ bảy, 16/11/2024, 08:30 (GMT+7)`, `16/11/2024 - 08:30`, `08:30 16/11/2024`,
 * `16-11-2024`, `9/14/2026 6:44:00 PM`.
 */
function parseNumeric(s: string): Parts | null {
  // The zone goes first: "(GMT+07:00)" would otherwise read as the time 07:00.
  const zone = findZone(s);
  let rest = zone ? s.replace(zone.text, ' ') : s;
  const d = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/.exec(rest);
  if (!d) return null;
  rest = rest.replace(d[0], ' ');
  const time = parseTime(rest);
  if (time === BAD_TIME) return null;
  const a = Number(d[1]);
  const b = Number(d[3]);
  const usOrder = b > 12 || (a <= 12 && d[2] === '/' && time?.meridiem !== undefined);
  return {
    year: fullYear(d[4] ?? ''),
    month: usOrder ? a : b,
    day: usOrder ? b : a,
    hour: time?.hour ?? 0,
    minute: time?.minute ?? 0,
    second: time?.second ?? 0,
    zone: zone?.zone ?? VN_ZONE,
  };
}

interface Time {
  hour: number;
  minute: number;
  second: number;
  meridiem?: 'am' | 'pm';
}

/**
 * A time-shaped token out of range ("25:61"): the text is not a date we can trust, rather than
 * a date without a time.
 */
const BAD_TIME = 'bad-time';

/** 08:30, 8:30:15, 08h30, 6:44:00 PM (SA/CH are the Vietnamese AM/PM); null when absent. */
function parseTime(s: string): Time | typeof BAD_TIME | null {
  const m = /(?<!\d)(\d{1,2})(?::|h)(\d{2})(?::(\d{2}))?(?:\s*(am|pm|sa|ch)\b)?/iu.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const tag = (m[4] ?? '').toLowerCase();
  const meridiem =
    tag === 'am' || tag === 'sa' ? 'am' : tag === 'pm' || tag === 'ch' ? 'pm' : undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return BAD_TIME;
  return meridiem ? { hour, minute, second, meridiem } : { hour, minute, second };
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years (RSS `14 Sep 26`): the RFC 2822 pivot, 00–49 → 20xx, 50–99 → 19xx.
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

/** A zone written after a time: '' → null (none); unknown words → undefined (not a date). */
function zoneOf(tail: string): string | Zone | null | undefined {
  const t = tail.replace(/[()]/g, '').trim();
  if (t === '') return null;
  const z = findZone(t);
  if (z && t.replace(z.text, '').trim() === '') return z.zone;
  return undefined;
}

function findZone(s: string): { text: string; zone: string | Zone } | null {
  const gmt = /\(?\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?/i.exec(s);
  if (gmt) {
    const off = `${gmt[1]}${(gmt[2] ?? '').padStart(2, '0')}:${gmt[3] ?? '00'}`;
    return { text: gmt[0], zone: offsetZone(off) };
  }
  const bare = /(?<![\d:])([+-]\d{2}:?\d{2}|[+-]\d{2})(?!\d)\s*$/.exec(s);
  if (bare?.[1]) return { text: bare[0], zone: offsetZone(bare[1]) };
  const named = /\b(GMT|UTC|Z)\b\s*$/.exec(s);
  if (named) return { text: named[0], zone: 'UTC' };
  return null;
}

/** '+07:00' | '+0700' | '+07' | 'Z' → a fixed-offset luxon zone. */
function offsetZone(off: string): string | Zone {
  if (/^z$/i.test(off)) return 'UTC';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(off);
  if (!m) return VN_ZONE;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes === 0) return 'UTC';
  const h = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `UTC${m[1]}${h}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}
