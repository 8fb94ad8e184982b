// Section "Theo dõi xử lý": the cases an editor opened from earlier items, printed in every
// bulletin until closed (bulletin.md: problems are followed "đến kết quả xử lý cuối cùng").
// The store hands over open cases plus those opened or closed in the window; this pure
// function decides, from the window alone, what the bulletin of that window shows, so a
// bulletin rebuilt later shows the cases as they stood at its cut-off.
import { DateTime } from 'luxon';
import { normalizeText } from '../../pipeline/normalize.ts';
import { formatInt } from './format.ts';
import { CASE_STATUS_LABELS } from './follow-up.ts';
import type { FollowUpCase, FollowUpItem, FollowUpSection } from './follow-up.ts';
import { safeLink } from './stories.ts';
import type { DigestWindow } from './window.ts';

export interface FollowUpOptions {
  heading: string;
  /** The bulletin's date, YYYY-MM-DD: a due date before it is overdue. */
  date: string;
  timeZone: string;
  /** Print the opened/closed counts (periodic reports count them; the daily does not). */
  withCounts: boolean;
}

export function buildFollowUp(
  cases: readonly FollowUpCase[],
  window: DigestWindow,
  opts: FollowUpOptions,
): FollowUpSection {
  const start = millis(window.start);
  const end = millis(window.end);
  const opened = (c: FollowUpCase): number => millis(c.openedAt);
  const closed = (c: FollowUpCase): number | null =>
    c.closedAt === null ? null : millis(c.closedAt);
  // Open at the cut-off: opened before it and not closed by then. A case closed after the
  // cut-off was still open in this bulletin's world.
  const openAtEnd = cases
    .filter((c) => {
      const cl = closed(c);
      return opened(c) < end && (cl === null || cl >= end);
    })
    .sort((a, b) => opened(a) - opened(b) || a.id - b.id);
  const closedInWindow = cases
    .filter((c) => {
      const cl = closed(c);
      return cl !== null && cl >= start && cl < end && opened(c) < end;
    })
    .sort((a, b) => (closed(a) ?? 0) - (closed(b) ?? 0) || a.id - b.id);

  const items = [
    ...openAtEnd.map((c) => itemOf(c, false, opts)),
    ...closedInWindow.map((c) => itemOf(c, true, opts)),
  ];
  const openedCount = cases.filter((c) => opened(c) >= start && opened(c) < end).length;
  const closedCount = closedInWindow.length;
  const overdue = items.filter((i) => i.overdue).length;
  const dispatched = dispatchesIn(cases, window, opts.timeZone);
  return {
    heading: opts.heading,
    note:
      items.length === 0
        ? null
        : `${formatInt(openAtEnd.length)} vụ việc báo chí phản ánh đang theo dõi xử lý` +
          (overdue > 0 ? `, trong đó ${formatInt(overdue)} vụ việc quá hạn` : '') +
          (closedInWindow.length > 0
            ? `; ${formatInt(closedInWindow.length)} vụ việc đã kết thúc trong kỳ.`
            : '.'),
    items,
    emptyText: 'Không có vụ việc đang theo dõi xử lý.',
    openedCount,
    closedCount,
    countsText: opts.withCounts
      ? `Trong kỳ mở ${formatInt(openedCount)} vụ việc, kết thúc ${formatInt(closedCount)}` +
        (dispatched > 0
          ? `; ban hành ${formatInt(dispatched)} công văn đề nghị kiểm tra, xử lý`
          : '') +
        `; còn ${formatInt(openAtEnd.length)} vụ việc đang theo dõi.`
      : null,
  };
}

function itemOf(c: FollowUpCase, closedInWindow: boolean, opts: FollowUpOptions): FollowUpItem {
  const title = normalizeText(c.title);
  const outlet = c.outlet === null ? '' : normalizeText(c.outlet);
  // Closed after the cut-off: as of this bulletin it was still being handled.
  const status =
    closedInWindow || c.status !== 'closed' ? c.status : c.reply ? 'answered' : 'in-progress';
  const due = c.dueDate === null ? null : DateTime.fromISO(c.dueDate, { zone: opts.timeZone });
  const day = DateTime.fromISO(opts.date, { zone: opts.timeZone });
  const late = due !== null && status !== 'closed' && due < day;
  const dueText =
    due === null
      ? ''
      : late
        ? `Quá hạn ${formatInt(Math.round(day.diff(due, 'days').days))} ngày (hạn ${due.toFormat('dd/MM/yyyy')})`
        : `Hạn xử lý: ${due.toFormat('dd/MM/yyyy')}`;
  return {
    caseId: c.id,
    // "Tít (Cơ quan báo)": the citation style of every bulletin item.
    title: outlet.length > 0 ? `${title} (${outlet})` : title,
    url: c.articleUrl === null ? null : safeLink(c.articleUrl),
    problem: normalizeText(c.problem),
    agency: normalizeText(c.agency),
    dispatchText: dispatchText(c, opts.timeZone),
    dueText,
    statusLabel: CASE_STATUS_LABELS[status],
    overdue: late,
    reply: c.reply === null || normalizeText(c.reply).length === 0 ? null : normalizeText(c.reply),
  };
}

function dispatchText(c: FollowUpCase, zone: string): string {
  if (c.dispatchNumber === null || normalizeText(c.dispatchNumber).length === 0) return '';
  const date =
    c.dispatchDate === null
      ? ''
      : ` ngày ${DateTime.fromISO(c.dispatchDate, { zone }).toFormat('dd/MM/yyyy')}`;
  return `Công văn số ${normalizeText(c.dispatchNumber)}${date}`;
}

/** Công văn dated on a calendar day the window covers (dates have no time of day). */
function dispatchesIn(cases: readonly FollowUpCase[], window: DigestWindow, zone: string): number {
  const first = DateTime.fromISO(window.start, { zone }).toISODate() ?? '';
  const last = DateTime.fromISO(window.end, { zone }).toISODate() ?? '';
  return cases.filter(
    (c) =>
      c.dispatchNumber !== null &&
      c.dispatchDate !== null &&
      c.dispatchDate >= first &&
      c.dispatchDate < last,
  ).length;
}

function millis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}
