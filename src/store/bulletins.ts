// The bulletin workflow tables (migration 4): a bulletin's status, edits and signatures, its
// transitions, and on sending its archive manifest and outbox rows, all in one transaction.
// Every update is a compare-and-set on `version`, so two editors (CLI and web app) cannot
// overwrite each other's work unnoticed.
import type Database from 'better-sqlite3';
import { BulletinEdits } from '../bulletin/edits.ts';
import type {
  Approval,
  BulletinStatus,
  WorkflowEvent,
  WorkflowState,
} from '../bulletin/workflow.ts';
import { BULLETIN_STATUSES } from '../bulletin/workflow.ts';
import { insertOutboxRows, type OutboxInput } from './outbox.ts';

export interface ArchivedFile {
  /** What the file is: the bulletin page, the e-mail parts, the print formats, the model. */
  role: 'html' | 'email-html' | 'email-text' | 'pdf' | 'docx' | 'model' | 'attachment';
  /** File name inside the archive folder (attachments under attachments/). */
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  /** Inline e-mail attachments (the chart PNG) are referenced by Content-ID. */
  cid?: string;
}

export interface ArchiveManifest {
  /** Absolute folder, <dataDir>/bulletins/<period>/<year>/<number-slug>. */
  dir: string;
  subject: string;
  files: ArchivedFile[];
}

export interface BulletinRecord extends WorkflowState {
  digestId: number;
  version: number;
  edits: BulletinEdits;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  archive: ArchiveManifest | null;
}

export interface BulletinEventRow extends WorkflowEvent {
  id: number;
  digestId: number;
}

export interface BulletinChange {
  digestId: number;
  /** The version read before the change; null creates the bulletin. */
  expectedVersion: number | null;
  state: WorkflowState;
  edits: BulletinEdits;
  event: WorkflowEvent;
  /** Sending: the archive written and the deliveries to make, stored with the transition. */
  archive?: ArchiveManifest;
  deliveries?: readonly OutboxInput[];
}

export interface BulletinStore {
  get(digestId: number): BulletinRecord | null;
  /** Newest first. */
  list(q?: { status?: BulletinStatus; limit?: number }): BulletinRecord[];
  /** Creates or updates (compare-and-set) and records the event; returns the stored record. */
  save(change: BulletinChange): BulletinRecord;
  events(digestId: number): BulletinEventRow[];
}

type BulletinDbRow = {
  digest_id: number;
  status: string;
  version: number;
  edits: string;
  approvals: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  archive_dir: string | null;
  archive: string | null;
};

type EventDbRow = {
  id: number;
  digest_id: number;
  at: string;
  user_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  level: number | null;
  note: string | null;
};

function statusOf(s: string): BulletinStatus {
  const found = BULLETIN_STATUSES.find((x) => x === s);
  if (!found) throw new Error(`store: unknown bulletin status "${s}"`);
  return found;
}

function toRecord(r: BulletinDbRow): BulletinRecord {
  return {
    digestId: r.digest_id,
    status: statusOf(r.status),
    version: r.version,
    edits: BulletinEdits.parse(JSON.parse(r.edits)),
    approvals: JSON.parse(r.approvals) as Approval[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    archive: r.archive === null ? null : (JSON.parse(r.archive) as ArchiveManifest),
  };
}

export function bulletinStore(db: Database.Database): BulletinStore {
  const get = (digestId: number): BulletinRecord | null => {
    const r = db.prepare('SELECT * FROM bulletins WHERE digest_id = ?').get(digestId) as
      BulletinDbRow | undefined;
    return r ? toRecord(r) : null;
  };

  return {
    get,

    list(q = {}) {
      const rows = (
        q.status === undefined
          ? db.prepare('SELECT * FROM bulletins ORDER BY digest_id DESC LIMIT ?').all(q.limit ?? 50)
          : db
              .prepare('SELECT * FROM bulletins WHERE status = ? ORDER BY digest_id DESC LIMIT ?')
              .all(q.status, q.limit ?? 50)
      ) as BulletinDbRow[];
      return rows.map(toRecord);
    },

    save(c) {
      const at = c.event.at;
      const edits = JSON.stringify(BulletinEdits.parse(c.edits));
      const approvals = JSON.stringify(c.state.approvals);
      try {
        return db
          .transaction(() => {
            if (c.expectedVersion === null) {
              db.prepare(
                `INSERT INTO bulletins (digest_id, status, version, edits, approvals, created_at, updated_at)
               VALUES (?, ?, 1, ?, ?, ?, ?)`,
              ).run(c.digestId, c.state.status, edits, approvals, at, at);
            } else {
              const sent = c.state.status === 'sent';
              const r = db
                .prepare(
                  `UPDATE bulletins SET status = ?, version = version + 1, edits = ?, approvals = ?,
                   updated_at = ?, sent_at = COALESCE(?, sent_at),
                   archive_dir = COALESCE(?, archive_dir), archive = COALESCE(?, archive)
                 WHERE digest_id = ? AND version = ?`,
                )
                .run(
                  c.state.status,
                  edits,
                  approvals,
                  at,
                  sent ? at : null,
                  c.archive?.dir ?? null,
                  c.archive ? JSON.stringify(c.archive) : null,
                  c.digestId,
                  c.expectedVersion,
                );
              if (r.changes !== 1) {
                const now = get(c.digestId);
                throw new Error(
                  now
                    ? `store: bulletin ${c.digestId} changed meanwhile (version ${now.version}, expected ${c.expectedVersion}); reload it and try again`
                    : `store: unknown bulletin ${c.digestId}`,
                );
              }
            }
            db.prepare(
              `INSERT INTO bulletin_events (digest_id, at, user_id, action, from_status, to_status, level, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            ).run(
              c.digestId,
              at,
              c.event.userId,
              c.event.action,
              c.event.from,
              c.event.to,
              c.event.level,
              c.event.note,
            );
            if (c.deliveries) insertOutboxRows(db, c.digestId, c.deliveries, new Date(at));
            const saved = get(c.digestId);
            if (!saved) throw new Error(`store: bulletin ${c.digestId} vanished while saving`);
            return saved;
          })
          .immediate();
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('store: ')) throw err;
        throw new Error(`store: cannot save bulletin ${c.digestId}`, { cause: err });
      }
    },

    events(digestId) {
      const rows = db
        .prepare('SELECT * FROM bulletin_events WHERE digest_id = ? ORDER BY id')
        .all(digestId) as EventDbRow[];
      return rows.map((r) => ({
        id: r.id,
        digestId: r.digest_id,
        action: r.action as WorkflowEvent['action'],
        userId: r.user_id,
        at: r.at,
        from: r.from_status === null ? null : statusOf(r.from_status),
        to: statusOf(r.to_status),
        level: r.level,
        note: r.note,
      }));
    },
  };
}
