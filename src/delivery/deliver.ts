// Delivers the outbox: each due row over SMTP, one attempt at a time, every attempt logged.
// Exactly once per recipient per bulletin rests on three things:
//   1. the outbox has one row per idempotency key (bulletin + address), so nothing enqueues a
//      second message;
//   2. a row is marked 'sent' only after the server accepted the end of data, and a 'sent' row
//      is never picked again;
//   3. the attempt is committed ('sending') before the first SMTP byte and moved to
//      'committing' just before the end of data is written. After a crash, 'sending' rows are
//      sent again (the server never got a complete message, so it delivered nothing) and
//      'committing' rows become 'unknown': the server may have accepted, and we choose never to
//      risk a duplicate of an official bulletin automatically. An operator resolves them
//      (`diemtin digest deliveries --resolve ID=resend|delivered`); the resend keeps the same
//      Message-ID. The window is the time between writing the final "." and reading the reply.
// One run at a time holds the delivery lock, so a row in 'sending' always belongs to a dead run.
import { hostname } from 'node:os';
import type { Store } from '../store/index.ts';
import type { OutboxRow } from '../store/outbox.ts';
import { bareAddress, composeMessage, type MailContent } from './message.ts';
import { SmtpError, type SmtpSender } from './smtp-sender.ts';

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** Wait after the `attempts`-th failed attempt: base, 2×base, 4×base, … capped. */
export function retryDelayMs(attempts: number, retry: RetryPolicy): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(retry.baseDelayMs * 2 ** exp, retry.maxDelayMs);
}

export type DeliveryEvent =
  | { type: 'sent'; row: OutboxRow; response: string }
  | { type: 'failed'; row: OutboxRow; error: string; retryAt: Date | null }
  | { type: 'recovered'; interrupted: number; unknown: number }
  | { type: 'waiting'; until: Date };

export interface DeliveryReport {
  sent: number;
  /** Attempts that failed and will be retried. */
  failedAttempts: number;
  /** Rows given up in this run ('failed'). */
  gaveUp: number;
  /** Rows found mid-attempt from a crashed run: sent again / left for an operator. */
  interrupted: number;
  unknown: number;
  /** Rows still pending at the end (of the bulletin when `digestId` is given). */
  pending: number;
}

export interface DeliverOptions {
  store: Store;
  sender: SmtpSender;
  from: string;
  retry: RetryPolicy;
  /** The message of a bulletin, read once per run (from its archive). */
  content: (digestId: number) => MailContent;
  /** Only this bulletin's rows (default: every due row). */
  digestId?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** While rows are pending, keep retrying until this instant (default: one pass). */
  until?: Date;
  lock?: { host?: string; pid?: number; isAlive?: (pid: number) => boolean; staleMs?: number };
  onEvent?: (e: DeliveryEvent) => void;
}

const LOCK_NAME = 'delivery';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function deliverPending(opts: DeliverOptions): Promise<DeliveryReport> {
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const outbox = opts.store.outbox();
  const owner = { host: opts.lock?.host ?? hostname(), pid: opts.lock?.pid ?? process.pid };
  const envelopeFrom = bareAddress(opts.from);
  const report: DeliveryReport = {
    sent: 0,
    failedAttempts: 0,
    gaveUp: 0,
    interrupted: 0,
    unknown: 0,
    pending: 0,
  };

  outbox.acquireLock(LOCK_NAME, owner, now(), {
    isAlive: opts.lock?.isAlive ?? pidAlive,
    staleMs: opts.lock?.staleMs ?? 10 * 60_000,
  });
  const contents = new Map<number, MailContent>();
  const contentOf = (digestId: number): MailContent => {
    let c = contents.get(digestId);
    if (!c) {
      c = opts.content(digestId);
      contents.set(digestId, c);
    }
    return c;
  };
  try {
    const recovered = outbox.recover(now());
    report.interrupted = recovered.interrupted;
    report.unknown = recovered.unknown;
    if (recovered.interrupted + recovered.unknown > 0) {
      opts.onEvent?.({ type: 'recovered', ...recovered });
    }

    let passes = 0;
    for (;;) {
      const due = outbox
        .due(now())
        .filter((r) => opts.digestId === undefined || r.digestId === opts.digestId);
      // Without `until` a run is one pass: rows that fail wait for the next run.
      if (due.length === 0 || (passes > 0 && !opts.until)) {
        const next = nextDue(opts.store, opts.digestId);
        if (!opts.until || next === null || next > opts.until) break;
        const wait = Math.max(0, next.getTime() - now().getTime());
        opts.onEvent?.({ type: 'waiting', until: next });
        await sleep(wait);
        continue;
      }
      // After the server could not be reached, the rest of this pass is not tried against it
      // again: each row logs the same error and waits for the same backoff.
      passes++;
      let unreachable: SmtpError | null = null;
      for (const row of due) {
        outbox.heartbeat(LOCK_NAME, owner, now());
        const message = await composeMessage({
          from: opts.from,
          to: { name: row.position, address: row.address },
          messageId: row.messageId,
          date: now(),
          content: contentOf(row.digestId),
        });
        const { attempt, logId } = outbox.begin(row.id, now());
        try {
          if (unreachable) throw unreachable;
          const response = await opts.sender.send(
            { from: envelopeFrom, to: row.address },
            message,
            () => outbox.committing(row.id),
          );
          outbox.accepted(row.id, logId, now(), response);
          report.sent++;
          opts.onEvent?.({ type: 'sent', row, response });
        } catch (err) {
          const e =
            err instanceof SmtpError
              ? err
              : new SmtpError(
                  'send',
                  `delivery: ${err instanceof Error ? err.message : String(err)}`,
                  {
                    permanent: false,
                    responseCode: null,
                    cause: err,
                  },
                );
          if (e.phase !== 'send') unreachable = e;
          const giveUp = e.permanent || attempt >= opts.retry.maxAttempts;
          const retryAt = giveUp
            ? null
            : new Date(now().getTime() + retryDelayMs(attempt, opts.retry));
          outbox.failed(row.id, logId, now(), e.message, retryAt);
          if (giveUp) report.gaveUp++;
          else report.failedAttempts++;
          opts.onEvent?.({ type: 'failed', row, error: e.message, retryAt });
        }
      }
    }
  } finally {
    opts.sender.close();
    outbox.releaseLock(LOCK_NAME, owner);
  }
  report.pending = outbox.list(opts.digestId).filter((r) => r.status === 'pending').length;
  return report;
}

function nextDue(store: Store, digestId: number | undefined): Date | null {
  if (digestId === undefined) {
    const t = store.outbox().nextDueAt();
    return t === null ? null : new Date(t);
  }
  const times = store
    .outbox()
    .list(digestId)
    .filter((r) => r.status === 'pending')
    .map((r) => Date.parse(r.nextAttemptAt));
  return times.length === 0 ? null : new Date(Math.min(...times));
}
