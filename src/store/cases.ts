// Follow-up cases (theo dõi xử lý, migration 4): problems the press raised that an editor asked
// an agency to handle. The digest builder reads them through listCasesForWindow, so an open
// case shows in every bulletin until it is closed; every change is kept in case_events.
import type Database from 'better-sqlite3';
import { CaseStatus, FollowUpCase } from '../digest/follow-up.ts';

export interface NewCase {
  title: string;
  articleUrl: string | null;
  outlet: string | null;
  problem: string;
  agency: string;
  dispatchNumber?: string | null;
  dispatchDate?: string | null;
  dueDate?: string | null;
}

/** Fields an update may change; a status of 'closed' closes the case (closedAt = at). */
export type CasePatch = Partial<
  Pick<
    FollowUpCase,
    | 'problem'
    | 'agency'
    | 'dispatchNumber'
    | 'dispatchDate'
    | 'dueDate'
    | 'status'
    | 'reply'
    | 'title'
  >
>;

export interface CaseEvent {
  id: number;
  caseId: number;
  at: string;
  userId: string;
  action: 'open' | 'update' | 'close' | 'reopen';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  /** Changed fields: [before, after]. */
  changes: Record<string, [unknown, unknown]>;
  note: string | null;
}

export interface CaseStore {
  /** `at`: ISO 8601 with offset, kept as given (the deployment's zone reads best). */
  open(c: NewCase, by: string, at: string): FollowUpCase;
  update(id: number, patch: CasePatch, by: string, at: string, note?: string): FollowUpCase;
  get(id: number): FollowUpCase | null;
  /** Oldest first; `status` filters. */
  list(q?: { status?: readonly CaseStatus[] }): FollowUpCase[];
  /** Open at `end`, or opened or closed in [start, end): what a bulletin of that window shows. */
  forWindow(start: string, end: string): FollowUpCase[];
  events(id: number): CaseEvent[];
}

type CaseDbRow = {
  id: number;
  title: string;
  article_url: string | null;
  outlet: string | null;
  problem: string;
  agency: string;
  dispatch_number: string | null;
  dispatch_date: string | null;
  due_date: string | null;
  status: string;
  reply: string | null;
  opened_at: string;
  closed_at: string | null;
};

function utc(iso: string, what: string): string {
  const ms = Date.parse(iso);
  // Date.parse accepts bare dates; instants here must carry a time and an offset.
  if (Number.isNaN(ms) || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    throw new Error(`store: ${what} must be an ISO 8601 instant with offset, got "${iso}"`);
  }
  return new Date(ms).toISOString();
}

function toCase(r: CaseDbRow): FollowUpCase {
  const parsed = FollowUpCase.safeParse({
    id: r.id,
    title: r.title,
    articleUrl: r.article_url,
    outlet: r.outlet,
    problem: r.problem,
    agency: r.agency,
    dispatchNumber: r.dispatch_number,
    dispatchDate: r.dispatch_date,
    dueDate: r.due_date,
    status: r.status,
    reply: r.reply,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  });
  if (!parsed.success) {
    throw new Error(`store: case ${r.id} does not match FollowUpCase`, { cause: parsed.error });
  }
  return parsed.data;
}

const COLUMNS: Record<keyof CasePatch, string> = {
  title: 'title',
  problem: 'problem',
  agency: 'agency',
  dispatchNumber: 'dispatch_number',
  dispatchDate: 'dispatch_date',
  dueDate: 'due_date',
  status: 'status',
  reply: 'reply',
};

export function caseStore(db: Database.Database): CaseStore {
  const get = (id: number): FollowUpCase | null => {
    const r = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseDbRow | undefined;
    return r ? toCase(r) : null;
  };
  const logEvent = db.prepare(
    `INSERT INTO case_events (case_id, at, user_id, action, from_status, to_status, changes, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    get,

    open(c, by, at) {
      const openedUtc = utc(at, 'openedAt');
      // Validated as the case it will become, so a bad date fails before the insert.
      const candidate = {
        id: 1,
        title: c.title.trim().normalize('NFC'),
        articleUrl: c.articleUrl,
        outlet: c.outlet,
        problem: c.problem.trim().normalize('NFC'),
        agency: c.agency.trim().normalize('NFC'),
        dispatchNumber: c.dispatchNumber ?? null,
        dispatchDate: c.dispatchDate ?? null,
        dueDate: c.dueDate ?? null,
        status: 'open' as const,
        reply: null,
        openedAt: at,
        closedAt: null,
      };
      const checked = FollowUpCase.safeParse(candidate);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(
          `store: invalid case: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
          { cause: checked.error },
        );
      }
      const v = checked.data;
      return db.transaction(() => {
        const id = Number(
          db
            .prepare(
              `INSERT INTO cases (title, article_url, outlet, problem, agency, dispatch_number,
                 dispatch_date, due_date, status, reply, opened_at, opened_utc, opened_by, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?, ?, ?)`,
            )
            .run(
              v.title,
              v.articleUrl,
              v.outlet,
              v.problem,
              v.agency,
              v.dispatchNumber,
              v.dispatchDate,
              v.dueDate,
              at,
              openedUtc,
              by,
              at,
            ).lastInsertRowid,
        );
        logEvent.run(id, at, by, 'open', null, 'open', '{}', null);
        const saved = get(id);
        if (!saved) throw new Error(`store: case ${id} vanished while opening`);
        return saved;
      })();
    },

    update(id, patch, by, at, note) {
      const atUtc = utc(at, 'at');
      return db.transaction(() => {
        const before = get(id);
        if (!before) throw new Error(`store: unknown case ${id}`);
        const next: FollowUpCase = { ...before };
        const changes: Record<string, [unknown, unknown]> = {};
        for (const key of Object.keys(patch) as (keyof CasePatch)[]) {
          const value = patch[key];
          if (value === undefined || value === before[key]) continue;
          const normalised = typeof value === 'string' ? value.trim().normalize('NFC') : value;
          changes[key] = [before[key], normalised];
          (next as Record<string, unknown>)[key] = normalised;
        }
        const closing = next.status === 'closed' && before.status !== 'closed';
        const reopening = before.status === 'closed' && next.status !== 'closed';
        if (closing) next.closedAt = at;
        if (reopening) next.closedAt = null;
        const checked = FollowUpCase.safeParse(next);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new Error(
            `store: invalid case update: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
            { cause: checked.error },
          );
        }
        if (Object.keys(changes).length === 0 && !note) return before;
        const sets = Object.keys(changes).map((k) => `${COLUMNS[k as keyof CasePatch]} = ?`);
        const values = Object.keys(changes).map((k) => changes[k]?.[1] ?? null);
        db.prepare(
          `UPDATE cases SET ${[...sets, 'closed_at = ?', 'closed_utc = ?', 'updated_at = ?'].join(', ')}
           WHERE id = ?`,
        ).run(
          ...values,
          next.closedAt,
          next.closedAt === null
            ? null
            : next.closedAt === at
              ? atUtc
              : utc(next.closedAt, 'closedAt'),
          at,
          id,
        );
        const action = closing ? 'close' : reopening ? 'reopen' : 'update';
        logEvent.run(
          id,
          at,
          by,
          action,
          before.status,
          next.status,
          JSON.stringify(changes),
          note ?? null,
        );
        const saved = get(id);
        if (!saved) throw new Error(`store: case ${id} vanished while updating`);
        return saved;
      })();
    },

    list(q = {}) {
      const rows = db.prepare('SELECT * FROM cases ORDER BY opened_utc, id').all() as CaseDbRow[];
      const wanted = q.status ? new Set<string>(q.status) : null;
      return rows.filter((r) => wanted === null || wanted.has(r.status)).map(toCase);
    },

    forWindow(start, end) {
      const s = utc(start, 'start');
      const e = utc(end, 'end');
      const rows = db
        .prepare(
          `SELECT * FROM cases
           WHERE (opened_utc < @e AND (closed_utc IS NULL OR closed_utc >= @e))
              OR (opened_utc >= @s AND opened_utc < @e)
              OR (closed_utc >= @s AND closed_utc < @e)
           ORDER BY opened_utc, id`,
        )
        .all({ s, e }) as CaseDbRow[];
      return rows.map(toCase);
    },

    events(id) {
      const rows = db
        .prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY id')
        .all(id) as {
        id: number;
        case_id: number;
        at: string;
        user_id: string;
        action: string;
        from_status: string | null;
        to_status: string;
        changes: string;
        note: string | null;
      }[];
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        at: r.at,
        userId: r.user_id,
        action: r.action as CaseEvent['action'],
        fromStatus: r.from_status === null ? null : CaseStatus.parse(r.from_status),
        toStatus: CaseStatus.parse(r.to_status),
        changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]>,
        note: r.note,
      }));
    },
  };
}
