// Migration 4: the bulletin workflow (bulletins, bulletin_events), follow-up cases (cases,
// case_events) and delivery (outbox, delivery_log, delivery_lock). Kept in its own file
// because it is long; like every shipped migration it is never edited, only followed.
export const BULLETIN_WORKFLOW_SQL = `
  -- One row per digest that entered the workflow. The generated model stays in digests.model;
  -- the editor's work is the edits record, applied on read, so a rebuild keeps it.
  CREATE TABLE bulletins (
    digest_id INTEGER PRIMARY KEY REFERENCES digests(id) ON DELETE CASCADE,
    status TEXT NOT NULL,               -- draft | in_review | approved | sent
    version INTEGER NOT NULL,           -- bumped by every change: compare-and-set updates
    edits TEXT NOT NULL,                -- json BulletinEdits
    approvals TEXT NOT NULL,            -- json [{level, title, userId, at}]
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    archive_dir TEXT,
    archive TEXT                        -- json manifest: subject, files and their SHA-256
  );
  CREATE INDEX bulletins_status ON bulletins(status);

  -- Every transition, with who and when; the history a reviewer reads.
  CREATE TABLE bulletin_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    level INTEGER,
    note TEXT
  );
  CREATE INDEX bulletin_events_digest ON bulletin_events(digest_id, id);

  -- A sent bulletin is the record of what leadership received: neither it nor its digest may
  -- change or go away, whatever code path tries (a rebuild, a delete, a later helper).
  CREATE TRIGGER bulletins_sent_frozen BEFORE UPDATE ON bulletins WHEN OLD.status = 'sent'
  BEGIN SELECT RAISE(ABORT, 'store: a sent bulletin is immutable'); END;
  CREATE TRIGGER bulletins_sent_kept BEFORE DELETE ON bulletins WHEN OLD.status = 'sent'
  BEGIN SELECT RAISE(ABORT, 'store: a sent bulletin cannot be deleted'); END;
  CREATE TRIGGER digests_sent_frozen BEFORE UPDATE ON digests
  WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.digest_id = OLD.id AND b.status = 'sent')
  BEGIN SELECT RAISE(ABORT, 'store: the digest of a sent bulletin is immutable'); END;
  CREATE TRIGGER digests_sent_kept BEFORE DELETE ON digests
  WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.digest_id = OLD.id AND b.status = 'sent')
  BEGIN SELECT RAISE(ABORT, 'store: the digest of a sent bulletin cannot be deleted'); END;

  -- Follow-up cases (theo dõi xử lý): columns mirror FollowUpCase (src/digest/follow-up.ts);
  -- *_utc copies of the instants serve the window queries.
  CREATE TABLE cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    article_url TEXT,
    outlet TEXT,
    problem TEXT NOT NULL,
    agency TEXT NOT NULL,
    dispatch_number TEXT,
    dispatch_date TEXT,
    due_date TEXT,
    status TEXT NOT NULL,
    reply TEXT,
    opened_at TEXT NOT NULL,
    opened_utc TEXT NOT NULL,
    closed_at TEXT,
    closed_utc TEXT,
    opened_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX cases_opened ON cases(opened_utc);
  CREATE INDEX cases_closed ON cases(closed_utc);

  CREATE TABLE case_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,               -- open | update | close | reopen
    from_status TEXT,
    to_status TEXT NOT NULL,
    changes TEXT NOT NULL,              -- json {field: [before, after]}
    note TEXT
  );
  CREATE INDEX case_events_case ON case_events(case_id, id);

  -- One row per bulletin x recipient address: the idempotency key is unique, so enqueueing
  -- twice (a re-run of send) never makes a second message.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    digest_id INTEGER NOT NULL REFERENCES digests(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL,
    position TEXT NOT NULL,
    address TEXT NOT NULL,
    -- pending | sending (attempt started, message not complete) | committing (end of data
    -- written, reply not seen) | sent | unknown (crashed while committing) | failed
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    smtp_response TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT
  );
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
  CREATE INDEX outbox_digest ON outbox(digest_id);

  -- Every attempt: started before the SMTP transaction, finished with its outcome.
  CREATE TABLE delivery_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    attempt INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    -- started | accepted | failed | rejected | interrupted | unknown | resolved
    outcome TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX delivery_log_outbox ON delivery_log(outbox_id, id);

  -- One delivery run at a time: with it held, a row left 'sending' belongs to a dead run.
  CREATE TABLE delivery_lock (
    name TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    acquired_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
  );
`;
