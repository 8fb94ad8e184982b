// dates.ts turns absolute dates into ISO strings without luxon (for speed, issue 4). This test
// keeps luxon as the reference: generated dates, in range and out of it (month 13, 31 April,
// 29 February, 24:00, minute 60, years around the 1990 floor and `now`), with and without an
// offset, must give what `DateTime.fromObject(…, { zone }).setZone(+07:00).toISO()` gives
// after the same checks.
import { DateTime, FixedOffsetZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from '../../pipeline/extract/dates.ts';
import { prng } from './prng.ts';

const NOW = new Date('2026-11-20T07:00:00+07:00');

interface Case {
  text: string;
  fields: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
  };
  /** Minutes east of UTC; null: no zone written, Vietnam time. */
  offset: number | null;
}

function reference(c: Case): string | null {
  const zone = FixedOffsetZone.instance(c.offset ?? 7 * 60);
  const dt = DateTime.fromObject(c.fields, { zone });
  if (!dt.isValid || dt.year < 1990 || dt.toMillis() > NOW.getTime() + 3_600_000) return null;
  return dt.setZone(FixedOffsetZone.instance(7 * 60)).toISO({ suppressMilliseconds: true });
}

function cases(n: number): Case[] {
  const r = prng(424242);
  const int = (a: number, b: number): number => a + Math.floor(r() * (b - a + 1));
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const fields = {
      year: r() < 0.2 ? int(1988, 1991) : r() < 0.2 ? int(2026, 2027) : int(1990, 2026),
      month: r() < 0.1 ? int(0, 13) : int(1, 12),
      day: r() < 0.2 ? int(28, 32) : int(1, 28),
      hour: r() < 0.1 ? int(23, 25) : int(0, 23),
      minute: r() < 0.05 ? int(58, 60) : r() < 0.05 ? 0 : int(0, 59),
      second: r() < 0.05 ? int(58, 60) : r() < 0.05 ? 0 : int(0, 59),
    };
    if (r() < 0.05) fields.hour = 24;
    const offset =
      r() < 0.3 ? null : (r() < 0.5 ? -1 : 1) * (int(0, 14) * 60 + [0, 30, 45][int(0, 2)]!);
    const zone =
      offset === null
        ? ''
        : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    const f = fields;
    out.push({
      text: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${zone}`,
      fields,
      offset,
    });
  }
  return out;
}

describe('parseVietnameseDate without luxon equals luxon', () => {
  it('on 20,000 generated ISO dates, valid and not', () => {
    const all = cases(20_000);
    const diffs = all
      .map((c) => ({ text: c.text, want: reference(c), got: parseVietnameseDate(c.text, NOW) }))
      .filter((d) => d.want !== d.got);
    expect(diffs.slice(0, 5)).toEqual([]);
    // The generator reaches both outcomes often enough to mean something.
    const valid = all.filter((c) => reference(c) !== null).length;
    expect(valid).toBeGreaterThan(5_000);
    expect(all.length - valid).toBeGreaterThan(2_000);
  });

  it('rolls 24:00 over to the next day and a New Year, as luxon does', () => {
    expect(parseVietnameseDate('2024-12-31T24:00:00+07:00', NOW)).toBe('2025-01-01T00:00:00+07:00');
    expect(parseVietnameseDate('2024-02-29T10:00:00Z', NOW)).toBe('2024-02-29T17:00:00+07:00');
    expect(parseVietnameseDate('2023-02-29T10:00:00Z', NOW)).toBeNull();
  });
});
