// Follow-up cases: the fields of FollowUpCase, status history, and which cases a bulletin's
// window shows (open at its end, or opened or closed inside it).
import { describe, expect, it } from 'vitest';
import { FollowUpCase } from '../../src/digest/follow-up.ts';
import { tempStore } from './setup.ts';

const base = {
  title: 'Người dân phản ánh ô nhiễm từ bãi rác ở xã Đam Rông 2',
  articleUrl: 'https://baolamdong.example.vn/o-nhiem-bai-rac.html',
  outlet: 'Báo Lâm Đồng',
  problem: 'Bãi rác quá tải gây ô nhiễm nguồn nước sinh hoạt.',
  agency: 'UBND xã Đam Rông 2',
};

describe('follow-up cases', () => {
  it('opens, updates with history, closes, and reads back as FollowUpCase', () => {
    const { store } = tempStore();
    const cases = store.cases();
    const c = cases.open(
      { ...base, dueDate: '2026-11-30' },
      'bientap',
      '2026-11-20T08:00:00+07:00',
    );
    expect(FollowUpCase.parse(c)).toEqual(c);
    expect(c).toMatchObject({
      id: 1,
      status: 'open',
      reply: null,
      closedAt: null,
      dueDate: '2026-11-30',
    });

    const u = cases.update(
      c.id,
      { status: 'in-progress', dispatchNumber: '125/SVHTTDL-TTBCXB', dispatchDate: '2026-11-20' },
      'bientap',
      '2026-11-20T09:00:00+07:00',
      'đã gửi công văn',
    );
    expect(u).toMatchObject({ status: 'in-progress', dispatchNumber: '125/SVHTTDL-TTBCXB' });
    const closed = cases.update(
      c.id,
      { status: 'closed', reply: 'Đã di dời rác, khử trùng khu vực.' },
      'truongphong',
      '2026-11-25T10:00:00+07:00',
    );
    expect(closed.closedAt).toBe('2026-11-25T10:00:00+07:00');
    const events = cases.events(c.id);
    expect(events.map((e) => [e.action, e.userId, e.fromStatus, e.toStatus])).toEqual([
      ['open', 'bientap', null, 'open'],
      ['update', 'bientap', 'open', 'in-progress'],
      ['close', 'truongphong', 'in-progress', 'closed'],
    ]);
    expect(events[1]!.changes.dispatchNumber).toEqual([null, '125/SVHTTDL-TTBCXB']);
    expect(events[1]!.note).toBe('đã gửi công văn');
    const reopened = cases.update(c.id, { status: 'open' }, 'bientap', '2026-11-26T10:00:00+07:00');
    expect(reopened.closedAt).toBeNull();
    expect(cases.events(c.id).at(-1)?.action).toBe('reopen');
    expect(() =>
      cases.update(c.id, { dueDate: '30/11/2026' }, 'bientap', '2026-11-26T11:00:00+07:00'),
    ).toThrow(/invalid case update: dueDate/);
    expect(() => cases.open(base, 'bientap', '2026-11-20')).toThrow(/instant with offset/);
    store.close();
  });

  it('lists for a window: open at its end, or opened or closed within it', () => {
    const { store } = tempStore();
    const cases = store.cases();
    const at = (d: string) => `${d}T08:00:00+07:00`;
    const old = cases.open({ ...base, title: 'Cũ, còn mở' }, 'bientap', at('2026-11-01'));
    const closedBefore = cases.open(
      { ...base, title: 'Đóng trước kỳ' },
      'bientap',
      at('2026-11-02'),
    );
    cases.update(closedBefore.id, { status: 'closed' }, 'bientap', at('2026-11-10'));
    const closedInside = cases.open(
      { ...base, title: 'Đóng trong kỳ' },
      'bientap',
      at('2026-11-03'),
    );
    cases.update(closedInside.id, { status: 'closed' }, 'bientap', '2026-11-20T05:59:59+07:00');
    const openedInside = cases.open(
      { ...base, title: 'Mở trong kỳ' },
      'bientap',
      '2026-11-19T06:00:00+07:00',
    );
    cases.open({ ...base, title: 'Mở sau kỳ' }, 'bientap', '2026-11-20T06:00:00+07:00');

    const window = { start: '2026-11-19T06:00:00+07:00', end: '2026-11-20T06:00:00+07:00' };
    const shown = store.listCasesForWindow(window.start, window.end).map((c) => c.title);
    expect(shown).toEqual(['Cũ, còn mở', 'Đóng trong kỳ', 'Mở trong kỳ']);
    expect(
      store
        .cases()
        .list({ status: ['open'] })
        .map((c) => c.id),
    ).toEqual([old.id, openedInside.id, 5]);
    store.close();
  });
});
