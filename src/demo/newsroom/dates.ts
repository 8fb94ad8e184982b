// The date formats the outlets show on pages and in feeds. All sample dates carry +07:00, so
// the wall-clock parts are read from the string itself; only the BBC-style feed needs UTC.

export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
};

const ISO_VN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+07:00$/;

export function wallClock(iso: string): WallClock {
  const m = ISO_VN.exec(iso);
  if (!m) throw new Error(`newsroom: expected an ISO date with +07:00, got ${iso}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday };
}

const VN_WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "Thứ tư" (lower-case second word, as VnExpress and Dân Trí write it). */
export function vnWeekday(w: WallClock): string {
  return VN_WEEKDAYS[w.weekday] ?? '';
}

/** "Thứ Tư" (title case, as VietnamPlus writes it). */
export function vnWeekdayTitle(w: WallClock): string {
  return vnWeekday(w).replace(/ (\p{L})/u, (_, c: string) => ` ${c.toUpperCase()}`);
}

/** "19/11/2026". */
export function dmy(w: WallClock): string {
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** "08:30". */
export function hm(w: WallClock): string {
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** RFC 822 date with a caller-chosen year and zone suffix: the feeds differ only there. */
export function rfc822(w: WallClock, zone: string, twoDigitYear = false): string {
  const year = twoDigitYear ? pad2(w.year % 100) : String(w.year);
  return `${EN_WEEKDAYS[w.weekday]}, ${pad2(w.day)} ${EN_MONTHS[w.month - 1]} ${year} ${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)} ${zone}`;
}

/** RFC 822 in UTC, "GMT" suffix (BBC-style feeds). */
export function rfc822Utc(iso: string): string {
  const d = new Date(iso);
  return `${EN_WEEKDAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} GMT`;
}

/** "11/19/2026 3:20:00 PM": US style without a zone, as Báo Chính phủ's feed writes it. */
export function usDateTime(w: WallClock): string {
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const ampm = w.hour < 12 ? 'AM' : 'PM';
  return `${w.month}/${w.day}/${w.year} ${h12}:${pad2(w.minute)}:${pad2(w.second)} ${ampm}`;
}

/** Compact digits "261119083000" (yyMMddHHmmss) used inside several outlets' article ids. */
export function compactStamp(w: WallClock, fullYear = false): string {
  const y = fullYear ? String(w.year) : pad2(w.year % 100);
  return `${y}${pad2(w.month)}${pad2(w.day)}${pad2(w.hour)}${pad2(w.minute)}${pad2(w.second)}`;
}
