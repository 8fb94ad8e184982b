// How numbers, dates and times read in a Vietnamese administrative document.
import { DateTime } from 'luxon';

/** 1234567 → "1.234.567": Vietnamese groups thousands with dots. */
export function formatInt(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Tenths of a percent → "62,5%" (decimal comma); whole numbers lose the ",0". */
export function formatPercentTenths(tenths: number): string {
  return `${formatTenths(tenths)}%`;
}

/** A change in tenths of a percentage point → "tăng 12,5 điểm %", "giảm 3 điểm %", "không đổi". */
export function formatPointChange(tenths: number): string {
  if (tenths === 0) return 'không đổi';
  return `${tenths > 0 ? 'tăng' : 'giảm'} ${formatTenths(Math.abs(tenths))} điểm %`;
}

function formatTenths(tenths: number): string {
  const abs = Math.abs(tenths);
  const whole = formatInt(Math.trunc(abs / 10));
  const frac = abs % 10;
  return `${tenths < 0 ? '-' : ''}${whole}${frac === 0 ? '' : `,${frac}`}`;
}

/**
 * Splits 100% into tenths by the largest-remainder method, so the displayed shares always add
 * up to exactly 100% (a reader adds them; 33,3 + 33,3 + 33,3 looks like an error).
 */
export function percentTenths(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 1000) / total);
  const floors = exact.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e - Math.floor(e) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * "Lâm Đồng, ngày 05 tháng 02 năm 2026": Nghị định 30/2020/NĐ-CP writes a leading zero for
 * days below 10 and for months 1 and 2 only (so "tháng 3", never "tháng 03").
 */
export function formatDateLine(place: string, date: DateTime): string {
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** "Từ 06 giờ 00 ngày 19/11/2026 đến 06 giờ 00 ngày 20/11/2026". */
export function formatWindowText(start: DateTime, end: DateTime): string {
  const f = (t: DateTime): string =>
    `${t.toFormat('HH')} giờ ${t.toFormat('mm')} ngày ${t.toFormat('dd/MM/yyyy')}`;
  return `Từ ${f(start)} đến ${f(end)}`;
}

/** An item's time: "19/11 08:30" in the bulletin's zone. */
export function formatItemTime(iso: string, timeZone: string): string {
  const t = DateTime.fromISO(iso, { zone: timeZone });
  return t.isValid ? t.toFormat('dd/MM HH:mm') : '';
}
