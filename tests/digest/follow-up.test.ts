import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FollowUpCase } from '../../src/digest/follow-up.ts';
import { buildFollowUp } from '../../src/digest/follow-up-section.ts';
import { monthlyWindow, weeklyWindow } from '../../src/digest/window.ts';
import { FIXTURE_DIR } from './fixture.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const cases = z
  .array(FollowUpCase)
  .parse(JSON.parse(readFileSync(join(FIXTURE_DIR, 'cases.json'), 'utf8')) as unknown);
const october = monthlyWindow('2026-11-01', { day: 1, time: '06:00' }, ZONE);
const week = weeklyWindow('2026-11-05', { weekday: 'thursday', time: '15:00' }, ZONE);
const opts = (date: string, withCounts: boolean) => ({
  heading: 'IV. Theo dõi xử lý',
  date,
  timeZone: ZONE,
  withCounts,
});

describe('buildFollowUp', () => {
  const monthly = buildFollowUp(cases, october, opts('2026-11-01', true));
  const weekly = buildFollowUp(cases, week, opts('2026-11-05', false));

  it('shows cases open at the cut-off, oldest first, then those closed in the window', () => {
    // 5 closed before October; 4 opened after the cut-off; 6 closed after it, so still open.
    expect(monthly.items.map((i) => i.caseId)).toEqual([1, 6, 3, 2]);
    expect(weekly.items.map((i) => i.caseId)).toEqual([1, 3, 4, 6]);
  });

  it('prints a case closed after the cut-off as it stood then', () => {
    const six = monthly.items.find((i) => i.caseId === 6);
    expect(six?.statusLabel).toBe('Đã có phản hồi');
    expect(weekly.items.find((i) => i.caseId === 6)?.statusLabel).toBe('Đã kết thúc');
  });

  it('marks overdue cases from the bulletin date, never closed ones', () => {
    const one = monthly.items.find((i) => i.caseId === 1);
    expect(one?.overdue).toBe(true);
    expect(one?.dueText).toBe('Quá hạn 17 ngày (hạn 15/10/2026)');
    expect(monthly.items.find((i) => i.caseId === 2)?.overdue).toBe(false);
    expect(monthly.items.find((i) => i.caseId === 3)?.dueText).toBe('Hạn xử lý: 20/11/2026');
    // Due 5/11 and dated 5/11: due today is not late yet.
    expect(weekly.items.find((i) => i.caseId === 6)?.overdue).toBe(false);
  });

  it('words the dispatch, cites the outlet and keeps only web links', () => {
    const one = monthly.items.find((i) => i.caseId === 1);
    expect(one?.dispatchText).toBe('Công văn số 1482/SVHTTDL-TTBCXB ngày 21/09/2026');
    expect(one?.title).toBe('Bãi rác Cam Ly quá tải gây ô nhiễm (Báo Lâm Đồng)');
    expect(monthly.items.find((i) => i.caseId === 2)?.url).toBeNull();
    const four = weekly.items.find((i) => i.caseId === 4);
    expect(four).toMatchObject({ url: null, dispatchText: '', dueText: '', reply: null });
    expect(four?.title).toBe('Phản ánh thu phí trông xe sai quy định tại chợ Đà Lạt');
  });

  it('counts what was opened, closed and dispatched in the window (monthly)', () => {
    expect(monthly.openedCount).toBe(3); // 2, 3 and 6
    expect(monthly.closedCount).toBe(1); // 2
    expect(monthly.countsText).toBe(
      'Trong kỳ mở 3 vụ việc, kết thúc 1; ban hành 3 công văn đề nghị kiểm tra, xử lý; còn 3 vụ việc đang theo dõi.',
    );
    expect(weekly.countsText).toBeNull();
    expect(weekly.openedCount).toBe(2);
    expect(weekly.closedCount).toBe(1);
  });

  it('is empty, with its text, when nothing is followed', () => {
    const none = buildFollowUp([], october, opts('2026-11-01', true));
    expect(none.items).toEqual([]);
    expect(none.note).toBeNull();
    expect(none.emptyText).toBe('Không có vụ việc đang theo dõi xử lý.');
    expect(none.countsText).toBe('Trong kỳ mở 0 vụ việc, kết thúc 0; còn 0 vụ việc đang theo dõi.');
  });
});
