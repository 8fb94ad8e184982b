// One bulletin e-mail for one recipient: the idempotency key that makes it unique in the
// outbox, its Message-ID (derived from the key, so a resend after an operator's decision
// carries the same id and a mail client can fold the two), and the MIME bytes (nodemailer's
// MailComposer).
import { sha256Hex } from '../../pipeline/hash.ts';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Inline parts (the chart PNG) are referenced from the HTML as cid:… */
  cid?: string;
}

/** What the renderer produces for e-mail (src/render renderEmail). */
export interface MailContent {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}

/** Bulletin id + the address as mail systems compare it (case-insensitively). */
export function idempotencyKey(digestId: number, address: string): string {
  return `bulletin-${digestId}:${address.trim().toLowerCase()}`;
}

/** The bare address of "Name <addr@host>" or "addr@host". */
export function bareAddress(from: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  const addr = (m?.[1] ?? from).trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(addr)) {
    throw new Error(`delivery: "${from}" is not an e-mail address`);
  }
  return addr;
}

/** `<diemtin.<bulletin>.<hash>@<sender domain>>`: the same key always gives the same id. */
export function messageIdFor(key: string, from: string): string {
  const domain = bareAddress(from).split('@')[1] ?? 'localhost';
  const digestId = /^bulletin-(\d+):/.exec(key)?.[1] ?? '0';
  const hash = sha256Hex(key).slice(0, 24);
  return `<diemtin.${digestId}.${hash}@${domain.toLowerCase()}>`;
}

export async function composeMessage(opts: {
  from: string;
  to: { name: string; address: string };
  messageId: string;
  date: Date;
  content: MailContent;
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: opts.from,
    to: { name: opts.to.name, address: opts.to.address },
    subject: opts.content.subject,
    messageId: opts.messageId,
    date: opts.date,
    text: opts.content.text,
    html: opts.content.html,
    attachments: opts.content.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      ...(a.cid !== undefined ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
    })),
    // No X-Mailer: the message names the deployment, not the library.
    xMailer: false,
  });
  try {
    return await composer.compile().build();
  } catch (err) {
    throw new Error(`delivery: cannot compose the message for ${opts.to.address}`, { cause: err });
  }
}
