// A follow-up case (theo dõi xử lý): a problem the press raised that an editor asked an
// agency to handle. The store keeps cases; the digest builder only reads them, so an open case
// shows in every bulletin until it is closed (shared/domain/bulletin.md).
import { z } from 'zod';

export const CASE_STATUSES = ['open', 'in-progress', 'answered', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Đã chuyển, chờ xử lý',
  'in-progress': 'Đang xử lý',
  answered: 'Đã có phản hồi',
  closed: 'Đã kết thúc',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const FollowUpCase = z.strictObject({
  id: z.number().int().positive(),
  /** The item that opened the case: its title as printed, and link and outlet when known. */
  title: z.string().min(1),
  articleUrl: z.string().nullable(),
  outlet: z.string().nullable(),
  /** The problem in the editor's words. */
  problem: z.string().min(1),
  /** The agency asked to act, e.g. "UBND xã Đam Rông 2". */
  agency: z.string().min(1),
  /** Công văn number and date, e.g. "125/SVHTTDL-TTBCXB", 2026-11-20. */
  dispatchNumber: z.string().nullable(),
  dispatchDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  status: CaseStatus,
  reply: z.string().nullable(),
  /** ISO 8601 instants with offset. */
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type FollowUpCase = z.infer<typeof FollowUpCase>;

/** A case as the bulletin prints it: already worded (templates only render). */
export interface FollowUpItem {
  caseId: number;
  title: string;
  /** http(s) only; null renders the title without a link. */
  url: string | null;
  problem: string;
  agency: string;
  /** "Công văn số 125/SVHTTDL-TTBCXB ngày 20/11/2026", or "" when none was sent. */
  dispatchText: string;
  /** "Hạn xử lý: 30/11/2026", "Quá hạn 3 ngày (hạn 20/11/2026)", or "". */
  dueText: string;
  statusLabel: string;
  overdue: boolean;
  reply: string | null;
}

/** Section "Theo dõi xử lý" of DigestModel (`model.followUp`). */
export interface FollowUpSection {
  heading: string;
  note: string | null;
  /** Cases open at the window's end, oldest first, plus those closed inside the window. */
  items: FollowUpItem[];
  emptyText: string;
  /** Opened and closed inside the window (the monthly bulletin prints them). */
  openedCount: number;
  closedCount: number;
  /** "Trong kỳ mở 4 vụ việc, kết thúc 2; còn 5 vụ việc đang theo dõi.", or null. */
  countsText: string | null;
}
