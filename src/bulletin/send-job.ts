// `diemtin digest send`: an approved bulletin is rendered once, archived with the SHA-256 of
// every file, marked sent together with its outbox rows (one transaction), then delivered.
// Running it again on a sent bulletin renders nothing and only delivers what is still due, so a
// crash anywhere is repaired by running the same command.
import type { AppConfig, MailConfig } from '../config/app.ts';
import type { DigestModel } from '../digest/model.ts';
import { deliverPending, type DeliveryEvent, type DeliveryReport } from '../delivery/deliver.ts';
import { idempotencyKey, messageIdFor } from '../delivery/message.ts';
import { createSmtpSender, type SmtpSender } from '../delivery/smtp-sender.ts';
import type { BulletinRecord, OutboxInput, Store } from '../store/index.ts';
import {
  archiveDirFor,
  numberSlug,
  readArchivedMail,
  writeArchive,
  type RenderedBulletin,
} from './archive.ts';
import { loadBulletin } from './service.ts';
import { eventTime, transition, WorkflowError, type Actor } from './workflow.ts';

export type RenderBulletin = (model: DigestModel) => Promise<RenderedBulletin>;

export interface SendResult {
  record: BulletinRecord;
  /** False when the bulletin was already sent and this run only delivered. */
  renderedNow: boolean;
  /** Outbox rows added by this run (recipients new to this bulletin). */
  enqueued: number;
  delivery: DeliveryReport;
}

/** The outbox rows of a bulletin for the configured recipients. */
export function deliveriesFor(digestId: number, mail: MailConfig): OutboxInput[] {
  return mail.recipients.map((r) => {
    const key = idempotencyKey(digestId, r.address);
    return {
      position: r.position,
      address: r.address.trim(),
      idempotencyKey: key,
      messageId: messageIdFor(key, mail.from),
    };
  });
}

/** SMTP settings from config; the password from the environment variable config names. */
export function smtpSenderFromConfig(
  mail: MailConfig,
  env: NodeJS.ProcessEnv = process.env,
): SmtpSender {
  const auth = mail.smtp.auth;
  let credentials: { user: string; pass: string } | undefined;
  if (auth) {
    const pass = env[auth.passwordEnv];
    if (pass === undefined || pass === '') {
      throw new WorkflowError(
        'bad-config',
        `delivery: set the SMTP password in the environment variable ${auth.passwordEnv}`,
      );
    }
    credentials = { user: auth.user, pass };
  }
  return createSmtpSender({
    host: mail.smtp.host,
    port: mail.smtp.port,
    secure: mail.smtp.secure,
    ...(credentials ? { auth: credentials } : {}),
  });
}

export async function sendBulletin(opts: {
  store: Store;
  app: AppConfig;
  dataDir: string;
  digestId: number;
  actor: Actor;
  render: RenderBulletin;
  /** Default: SMTP from config (mail.smtp). */
  sender?: SmtpSender;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Keep retrying pending deliveries until this instant (default: one pass). */
  until?: Date;
  onEvent?: (e: DeliveryEvent) => void;
}): Promise<SendResult> {
  const { store, app, digestId, actor } = opts;
  const now = opts.now ?? (() => new Date());
  const mail = app.mail;
  if (!mail) {
    throw new WorkflowError('bad-config', 'delivery: no mail section in diemtin.yaml; cannot send');
  }
  const at = (): string => eventTime(now(), app.timeZone);

  // Made first: a missing SMTP password stops the command before the bulletin is marked sent.
  const sender = opts.sender ?? smtpSenderFromConfig(mail);
  const loaded = loadBulletin(store, digestId);
  let record = loaded.record;
  let renderedNow = false;
  let enqueued: number;
  const deliveries = deliveriesFor(digestId, mail);
  if (record.status !== 'sent') {
    // Checked before rendering: an unapproved bulletin or a user without the role costs nothing.
    const t = transition(record, { type: 'send' }, actor, app.workflow, at());
    const { digest, model } = loaded;
    const rendered = await opts.render(model);
    const manifest = writeArchive({
      dir: archiveDirFor(opts.dataDir, digest.period, digest.year, digest.number),
      base: `diemtin-${digest.period}-${numberSlug(digest.number)}`,
      rendered,
      model,
    });
    const before = store.outbox().list(digestId).length;
    record = store.bulletins().save({
      digestId,
      expectedVersion: record.version,
      state: t.state,
      edits: record.edits,
      event: t.event,
      archive: manifest,
      deliveries,
    });
    enqueued = store.outbox().list(digestId).length - before;
    renderedNow = true;
  } else {
    // Re-running send: the role is still checked, and recipients added to config since get
    // the archived bulletin (the idempotency key keeps everyone else at one message).
    if (!actor.roles.some((r) => r === 'editor' || r === 'approver')) {
      throw new WorkflowError('forbidden', `workflow: ${actor.id} may not send a bulletin`);
    }
    enqueued = store.outbox().enqueue(digestId, deliveries, now());
  }
  const manifest = record.archive;
  if (!manifest) throw new Error(`bulletin: sent bulletin ${digestId} has no archive`);
  const delivery = await deliverPending({
    store,
    sender,
    from: mail.from,
    retry: mail.retry,
    content: () => readArchivedMail(manifest),
    digestId,
    now,
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.until ? { until: opts.until } : {}),
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
  });
  return { record, renderedNow, enqueued, delivery };
}
