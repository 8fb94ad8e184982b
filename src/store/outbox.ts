// The outbox (migration 4): one row per bulletin × recipient address, and a log of every
// delivery attempt. src/delivery/deliver.ts drives the rows through their states:
//
//   pending ──begin──► sending ──committing──► committing ──accepted──► sent
//      ▲                  │                        │
//      └──failed──────────┴────────────────────────┘          (failed: back to pending with a
//                                                              later next_attempt_at, or
//                                                              'failed' for an operator)
//
// A run killed mid-attempt leaves 'sending' (the message never reached its end-of-data, so the
// server discards it: safe to send again) or 'committing' (end of data written, the server's
// answer unseen: it may have accepted). recover() turns the first back into 'pending' and the
// second into 'unknown', which is never sent again without an operator's decision.
import type Database from 'better-sqlite3';

export const OUTBOX_STATUSES = [
  'pending',
  'sending',
  'committing',
  'sent',
  'unknown',
  'failed',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type DeliveryOutcome =
  'started' | 'accepted' | 'failed' | 'rejected' | 'interrupted' | 'unknown' | 'resolved';

export interface OutboxInput {
  position: string;
  address: string;
  /** Bulletin id + normalised address (src/delivery/message.ts); unique in the table. */
  idempotencyKey: string;
  messageId: string;
}

export interface OutboxRow extends OutboxInput {
  id: number;
  digestId: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  smtpResponse: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface DeliveryLogEntry {
  id: number;
  outboxId: number;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: DeliveryOutcome;
  detail: string | null;
}

export interface LockOwner {
  host: string;
  pid: number;
}

export interface OutboxStore {
  /** Adds the rows whose idempotency key is new; returns how many were added. */
  enqueue(digestId: number, rows: readonly OutboxInput[], at: Date): number;
  list(digestId?: number): OutboxRow[];
  get(id: number): OutboxRow | null;
  /** Pending rows due at `now`, oldest first. */
  due(now: Date, limit?: number): OutboxRow[];
  /** The earliest next_attempt_at of a pending row, or null when none is pending. */
  nextDueAt(): string | null;
  /** pending → sending, attempts + 1, a 'started' log entry; committed before any SMTP byte. */
  begin(id: number, at: Date): { attempt: number; logId: number };
  /** sending → committing: written just before the end of the message goes to the server. */
  committing(id: number): void;
  accepted(id: number, logId: number, at: Date, response: string): void;
  /**
   * The attempt failed. With `retryAt` the row waits as 'pending'; without, it is given up
   * ('failed': a permanent rejection or too many attempts).
   */
  failed(id: number, logId: number, at: Date, error: string, retryAt: Date | null): void;
  /** After a crash (lock held): sending → pending, committing → unknown. */
  recover(at: Date): { interrupted: number; unknown: number };
  /** An operator's answer for an 'unknown' (or 'failed') row: send it again, or it arrived. */
  resolve(id: number, how: 'resend' | 'delivered', by: string, at: Date): OutboxRow;
  log(outboxId?: number): DeliveryLogEntry[];
  /**
   * Takes the named lock, or throws when a live run holds it. A holder on this host whose pid
   * is gone, or any holder silent for `staleMs`, is replaced.
   */
  acquireLock(
    name: string,
    owner: LockOwner,
    at: Date,
    opts: { isAlive: (pid: number) => boolean; staleMs: number },
  ): void;
  heartbeat(name: string, owner: LockOwner, at: Date): void;
  releaseLock(name: string, owner: LockOwner): void;
}

type OutboxDbRow = {
  id: number;
  digest_id: number;
  idempotency_key: string;
  message_id: string;
  position: string;
  address: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  smtp_response: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
};

type LogDbRow = {
  id: number;
  outbox_id: number;
  attempt: number;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  detail: string | null;
};

const statusOf = (s: string): OutboxStatus => {
  const found = OUTBOX_STATUSES.find((x) => x === s);
  if (!found) throw new Error(`store: unknown outbox status "${s}"`);
  return found;
};

function toRow(r: OutboxDbRow): OutboxRow {
  return {
    id: r.id,
    digestId: r.digest_id,
    idempotencyKey: r.idempotency_key,
    messageId: r.message_id,
    position: r.position,
    address: r.address,
    status: statusOf(r.status),
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    smtpResponse: r.smtp_response,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

/** Inserts outbox rows inside the caller's transaction (bulletins.ts uses it when sending). */
export function insertOutboxRows(
  db: Database.Database,
  digestId: number,
  rows: readonly OutboxInput[],
  at: Date,
): number {
  const iso = at.toISOString();
  const insert = db.prepare(
    `INSERT INTO outbox (digest_id, idempotency_key, message_id, position, address, status,
       next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)
     ON CONFLICT(idempotency_key) DO NOTHING`,
  );
  let added = 0;
  for (const r of rows) {
    added += insert.run(
      digestId,
      r.idempotencyKey,
      r.messageId,
      r.position,
      r.address,
      iso,
      iso,
      iso,
    ).changes;
  }
  return added;
}

export function outboxStore(db: Database.Database): OutboxStore {
  const one = (id: number): OutboxRow => {
    const r = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxDbRow | undefined;
    if (!r) throw new Error(`store: unknown outbox row ${id}`);
    return toRow(r);
  };
  const finishLog = db.prepare(
    'UPDATE delivery_log SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?',
  );
  // Every state change names the state it expects: a row another run moved meanwhile is an
  // error, never a silent second send.
  const move = (
    id: number,
    from: readonly OutboxStatus[],
    set: string,
    params: unknown[],
  ): void => {
    const r = db
      .prepare(
        `UPDATE outbox SET ${set} WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`,
      )
      .run(...params, id, ...from);
    if (r.changes !== 1) {
      const row = one(id);
      throw new Error(`store: outbox row ${id} is ${row.status}, expected ${from.join(' or ')}`);
    }
  };

  return {
    enqueue(digestId, rows, at) {
      return db.transaction(() => insertOutboxRows(db, digestId, rows, at))();
    },

    list(digestId) {
      const rows = (
        digestId === undefined
          ? db.prepare('SELECT * FROM outbox ORDER BY id').all()
          : db.prepare('SELECT * FROM outbox WHERE digest_id = ? ORDER BY id').all(digestId)
      ) as OutboxDbRow[];
      return rows.map(toRow);
    },

    get(id) {
      const r = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxDbRow | undefined;
      return r ? toRow(r) : null;
    },

    due(now, limit = 1000) {
      const rows = db
        .prepare(
          `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now.toISOString(), limit) as OutboxDbRow[];
      return rows.map(toRow);
    },

    nextDueAt() {
      const r = db
        .prepare("SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'")
        .get() as { t: string | null };
      return r.t;
    },

    begin(id, at) {
      const iso = at.toISOString();
      return db.transaction(() => {
        move(id, ['pending'], "status = 'sending', attempts = attempts + 1, updated_at = ?", [iso]);
        const attempt = one(id).attempts;
        const logId = db
          .prepare(
            `INSERT INTO delivery_log (outbox_id, attempt, started_at, outcome)
             VALUES (?, ?, ?, 'started')`,
          )
          .run(id, attempt, iso).lastInsertRowid;
        return { attempt, logId: Number(logId) };
      })();
    },

    committing(id) {
      move(id, ['sending'], "status = 'committing'", []);
    },

    accepted(id, logId, at, response) {
      const iso = at.toISOString();
      db.transaction(() => {
        move(
          id,
          ['sending', 'committing'],
          "status = 'sent', sent_at = ?, updated_at = ?, smtp_response = ?, last_error = NULL",
          [iso, iso, response],
        );
        finishLog.run(iso, 'accepted', response, logId);
      })();
    },

    failed(id, logId, at, error, retryAt) {
      const iso = at.toISOString();
      db.transaction(() => {
        if (retryAt) {
          move(
            id,
            ['sending', 'committing'],
            "status = 'pending', next_attempt_at = ?, last_error = ?, updated_at = ?",
            [retryAt.toISOString(), error, iso],
          );
        } else {
          move(id, ['sending', 'committing'], "status = 'failed', last_error = ?, updated_at = ?", [
            error,
            iso,
          ]);
        }
        finishLog.run(iso, retryAt ? 'failed' : 'rejected', error, logId);
      })();
    },

    recover(at) {
      const iso = at.toISOString();
      return db.transaction(() => {
        const closeLogs = (
          status: OutboxStatus,
          outcome: DeliveryOutcome,
          detail: string,
        ): void => {
          db.prepare(
            `UPDATE delivery_log SET finished_at = ?, outcome = ?, detail = ?
             WHERE outcome = 'started' AND outbox_id IN (SELECT id FROM outbox WHERE status = ?)`,
          ).run(iso, outcome, detail, status);
        };
        closeLogs(
          'sending',
          'interrupted',
          'the run stopped before the end of the message; the server discards it, so it is sent again',
        );
        closeLogs(
          'committing',
          'unknown',
          'the run stopped after the end of the message, before the server answered; not sent again without an operator',
        );
        const interrupted = db
          .prepare(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE status = 'sending'",
          )
          .run(iso, iso).changes;
        const unknown = db
          .prepare(
            `UPDATE outbox SET status = 'unknown', updated_at = ?,
               last_error = 'interrupted before the server answered the end of the message'
             WHERE status = 'committing'`,
          )
          .run(iso).changes;
        return { interrupted, unknown };
      })();
    },

    resolve(id, how, by, at) {
      const iso = at.toISOString();
      return db.transaction(() => {
        if (how === 'resend') {
          move(
            id,
            ['unknown', 'failed'],
            "status = 'pending', next_attempt_at = ?, updated_at = ?",
            [iso, iso],
          );
        } else {
          move(id, ['unknown', 'failed'], "status = 'sent', sent_at = ?, updated_at = ?", [
            iso,
            iso,
          ]);
        }
        const attempts = one(id).attempts;
        db.prepare(
          `INSERT INTO delivery_log (outbox_id, attempt, started_at, finished_at, outcome, detail)
           VALUES (?, ?, ?, ?, 'resolved', ?)`,
        ).run(
          id,
          attempts,
          iso,
          iso,
          how === 'resend' ? `${by}: send again` : `${by}: confirmed delivered`,
        );
        return one(id);
      })();
    },

    log(outboxId) {
      const rows = (
        outboxId === undefined
          ? db.prepare('SELECT * FROM delivery_log ORDER BY id').all()
          : db.prepare('SELECT * FROM delivery_log WHERE outbox_id = ? ORDER BY id').all(outboxId)
      ) as LogDbRow[];
      return rows.map((r) => ({
        id: r.id,
        outboxId: r.outbox_id,
        attempt: r.attempt,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome as DeliveryOutcome,
        detail: r.detail,
      }));
    },

    acquireLock(name, owner, at, opts) {
      const iso = at.toISOString();
      db.transaction(() => {
        const held = db.prepare('SELECT * FROM delivery_lock WHERE name = ?').get(name) as
          { owner: string; host: string; pid: number; heartbeat_at: string } | undefined;
        if (held && !(held.host === owner.host && held.pid === owner.pid)) {
          const silentMs = at.getTime() - Date.parse(held.heartbeat_at);
          const dead = held.host === owner.host ? !opts.isAlive(held.pid) : false;
          if (!dead && silentMs < opts.staleMs) {
            throw new Error(
              `store: delivery is running in process ${held.pid} on ${held.host} (since ${held.heartbeat_at})`,
            );
          }
        }
        db.prepare(
          `INSERT INTO delivery_lock (name, owner, host, pid, acquired_at, heartbeat_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, host = excluded.host,
             pid = excluded.pid, acquired_at = excluded.acquired_at,
             heartbeat_at = excluded.heartbeat_at`,
        ).run(name, `${owner.host}:${owner.pid}`, owner.host, owner.pid, iso, iso);
      }).immediate();
    },

    heartbeat(name, owner, at) {
      db.prepare(
        'UPDATE delivery_lock SET heartbeat_at = ? WHERE name = ? AND host = ? AND pid = ?',
      ).run(at.toISOString(), name, owner.host, owner.pid);
    },

    releaseLock(name, owner) {
      db.prepare('DELETE FROM delivery_lock WHERE name = ? AND host = ? AND pid = ?').run(
        name,
        owner.host,
        owner.pid,
      );
    },
  };
}
