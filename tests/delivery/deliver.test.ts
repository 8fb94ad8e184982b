// Bulletins over real SMTP: an in-process smtp-server on 127.0.0.1 receives them and mailparser
// reads them back. Outages, retries and a SIGKILL in the middle of a send must leave every
// recipient with exactly one message.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchivedMail, verifyArchive } from '../../src/bulletin/archive.ts';
import { sendBulletin, smtpSenderFromConfig } from '../../src/bulletin/send-job.ts';
import { resolveUser } from '../../src/bulletin/workflow.ts';
import { deliverPending, retryDelayMs } from '../../src/delivery/deliver.ts';
import { idempotencyKey, messageIdFor } from '../../src/delivery/message.ts';
import type { Store } from '../../src/store/index.ts';
import {
  RECIPIENTS,
  approvedBulletin,
  tempStore,
  testConfig,
  testRender,
  tinyPdf,
} from '../bulletin/setup.ts';
import { startSmtp, type TestSmtp } from './smtp-test-server.ts';

const servers: TestSmtp[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const s of stores.splice(0)) s.close();
});

async function smtp(port = 0): Promise<TestSmtp> {
  const s = await startSmtp(port);
  servers.push(s);
  return s;
}

/** A port nothing listens on (a server was there a moment ago). */
async function deadPort(): Promise<number> {
  const s = await startSmtp();
  const port = s.port;
  await s.close();
  return port;
}

function setup(port: number) {
  const t = tempStore();
  stores.push(t.store);
  const app = testConfig(port);
  const id = approvedBulletin(t.store, app);
  const send = (opts: { until?: Date } = {}) =>
    sendBulletin({
      store: t.store,
      app,
      dataDir: t.dir,
      digestId: id,
      actor: resolveUser(app.users, 'bientap'),
      render: testRender,
      ...opts,
    });
  return { ...t, app, id, send };
}

describe('sending a bulletin over SMTP', () => {
  it('delivers one parsed message per recipient with HTML, text, inline chart and the PDF', async () => {
    const server = await smtp();
    const { store, id, send, dir } = setup(server.port);
    const result = await send();
    expect(result.renderedNow).toBe(true);
    expect(result.delivery).toMatchObject({ sent: 3, failedAttempts: 0, pending: 0 });
    expect(server.received).toHaveLength(3);

    for (const r of RECIPIENTS) {
      const got = server.received.filter((m) => m.to.includes(r.address));
      expect(got).toHaveLength(1);
      const mail = got[0]!.parsed;
      expect(mail.subject).toBe('ĐIỂM TIN BÁO CHÍ Số 125/ĐT-SVHTTDL');
      expect(mail.from?.value[0]?.address).toBe('diemtin@svhttdl.example.gov.vn');
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      expect(to?.value[0]).toMatchObject({ address: r.address, name: r.position });
      expect(mail.messageId).toBe(
        messageIdFor(idempotencyKey(id, r.address), 'x@svhttdl.example.gov.vn'),
      );
      expect(mail.html).toContain('<h1>ĐIỂM TIN BÁO CHÍ</h1>');
      expect(mail.text).toContain('Số 125/ĐT-SVHTTDL');
      const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.filename).toBe('diemtin-daily-so-125-dt-svhttdl.pdf');
      expect(pdf?.content.equals(tinyPdf())).toBe(true);
      const chart = mail.attachments.find((a) => a.contentType === 'image/png');
      expect(chart?.cid).toBe('chart@diemtin');
    }

    // Archived with hashes; the bulletin is sent; every row accepted once.
    const rec = store.bulletins().get(id)!;
    expect(rec.status).toBe('sent');
    expect(rec.archive!.dir).toBe(path.join(dir, 'bulletins/daily/2026/so-125-dt-svhttdl'));
    expect(verifyArchive(rec.archive!)).toEqual([]);
    for (const f of ['bulletin.html', 'email.html', 'email.txt', 'model.json', 'manifest.json'])
      expect(existsSync(path.join(rec.archive!.dir, f))).toBe(true);
    expect(
      store
        .outbox()
        .list(id)
        .map((r) => r.status),
    ).toEqual(['sent', 'sent', 'sent']);
    expect(
      store
        .outbox()
        .log()
        .map((l) => l.outcome),
    ).toEqual(['accepted', 'accepted', 'accepted']);
    expect(store.outbox().list(id)[0]!.smtpResponse).toMatch(/queued as test-/);

    // Running send again delivers nothing new.
    const again = await send();
    expect(again.renderedNow).toBe(false);
    expect(again.delivery.sent).toBe(0);
    expect(server.received).toHaveLength(3);
  });

  it('keeps rows pending with the error logged while SMTP is down, then delivers each once', async () => {
    const port = await deadPort();
    const { store, id, send } = setup(port);
    const down = await send();
    expect(down.delivery).toMatchObject({ sent: 0, failedAttempts: 3, pending: 3 });
    expect(store.bulletins().get(id)!.status).toBe('sent');
    for (const row of store.outbox().list(id)) {
      expect(row.status).toBe('pending');
      expect(row.lastError).toMatch(/cannot reach SMTP 127\.0\.0\.1/);
      expect(Date.parse(row.nextAttemptAt)).toBeGreaterThan(Date.parse(row.updatedAt));
    }
    expect(
      store
        .outbox()
        .log()
        .every((l) => l.outcome === 'failed' && /ECONNREFUSED|reach/.test(l.detail ?? '')),
    ).toBe(true);

    // The server comes back while a run waits out the backoff: each recipient gets one message.
    const run = send({ until: new Date(Date.now() + 10_000) });
    await new Promise((r) => setTimeout(r, 30));
    const server = await smtp(port);
    const back = await run;
    expect(back.delivery.pending).toBe(0);
    for (const r of RECIPIENTS) expect(server.countFor(r.address)).toBe(1);
    expect(
      store
        .outbox()
        .list(id)
        .every((r) => r.status === 'sent' && r.attempts >= 2),
    ).toBe(true);
    await send();
    expect(server.received).toHaveLength(3);
  });

  it('backs off exponentially up to the cap', () => {
    const retry = { baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 20 };
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelayMs(n, retry))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000,
    ]);
  });

  it('gives up a recipient the server refuses for good and still delivers the others', async () => {
    const server = await smtp();
    const { store, id, send } = setup(server.port);
    // A 5xx to RCPT TO is permanent: retrying would only repeat it.
    const refused = RECIPIENTS[1]!.address;
    server.rejectRcpt.add(refused);
    const result = await send();
    expect(result.delivery).toMatchObject({ sent: 2, gaveUp: 1, failedAttempts: 0, pending: 0 });
    const row = store
      .outbox()
      .list(id)
      .find((r) => r.address === refused)!;
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/mailbox unavailable/);
    expect(
      store
        .outbox()
        .log(row.id)
        .map((l) => l.outcome),
    ).toEqual(['rejected']);
    expect(server.countFor(refused)).toBe(0);
    // An operator who fixed the address upstream may send it again.
    server.rejectRcpt.clear();
    store.outbox().resolve(row.id, 'resend', 'bientap', new Date());
    await send();
    expect(server.countFor(refused)).toBe(1);
    expect(server.received).toHaveLength(3);
  });
});

/** Runs one delivery in a child process and SIGKILLs it when `trigger` fires. */
function killedDelivery(
  server: TestSmtp,
  file: string,
  id: number,
  arm: (kill: () => void) => void,
): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(process.cwd(), 'tests/delivery/deliver-child.ts'),
      file,
      String(server.port),
      String(id),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  arm(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      signal
        ? resolve(signal)
        : reject(new Error(`child ended (${code}) before the kill: ${stderr}`)),
    );
  });
}

describe('a delivery run killed mid-send', () => {
  it('never sends a duplicate: killed awaiting the reply to the end of data', async () => {
    const port = await deadPort();
    const { store, file, id, send, app } = setup(port);
    await send(); // SMTP down: the bulletin is sent (archived), its three rows pending
    const server = await smtp(port);
    const [first, second, third] = RECIPIENTS.map((r) => r.address);
    server.stallDataFor.set(second!, 60_000);
    const signal = await killedDelivery(server, file, id, (kill) => {
      server.onMessage = (m) => {
        if (m.to.includes(second!)) kill();
      };
    });
    expect(signal).toBe('SIGKILL');
    server.onMessage = null;
    server.stallDataFor.clear();
    expect(
      store
        .outbox()
        .list(id)
        .map((r) => r.status),
    ).toEqual(['sent', 'committing', 'pending']);

    const report = await deliverPending({
      store,
      sender: smtpSenderFromConfig(app.mail!),
      from: app.mail!.from,
      retry: app.mail!.retry,
      content: () => readArchivedMail(store.bulletins().get(id)!.archive!),
      digestId: id,
    });
    expect(report).toMatchObject({ sent: 1, unknown: 1, interrupted: 0 });
    for (const a of [first, second, third]) expect(server.countFor(a!)).toBe(1);
    const unknown = store.outbox().list(id)[1]!;
    expect(unknown.status).toBe('unknown');
    expect(
      store
        .outbox()
        .log(unknown.id)
        .map((l) => l.outcome),
    ).toEqual(['failed', 'unknown']);

    // The operator confirms it arrived; nothing more is sent.
    store.outbox().resolve(unknown.id, 'delivered', 'bientap', new Date());
    await send();
    expect(server.received).toHaveLength(3);
    expect(
      store
        .outbox()
        .list(id)
        .every((r) => r.status === 'sent'),
    ).toBe(true);
  });

  it('sends again a message the server never completed: killed during RCPT TO', async () => {
    const port = await deadPort();
    const { store, file, id, send } = setup(port);
    await send();
    const server = await smtp(port);
    const target = RECIPIENTS[0]!.address;
    server.stallRcptFor.set(target, 60_000);
    const signal = await killedDelivery(server, file, id, (kill) => {
      server.onRcpt = (a) => {
        if (a === target) setTimeout(kill, 50);
      };
    });
    expect(signal).toBe('SIGKILL');
    server.onRcpt = null;
    server.stallRcptFor.clear();
    expect(store.outbox().list(id)[0]!.status).toBe('sending');

    const again = await send();
    expect(again.delivery).toMatchObject({ interrupted: 1, unknown: 0, sent: 3, pending: 0 });
    for (const r of RECIPIENTS) expect(server.countFor(r.address)).toBe(1);
    expect(
      store
        .outbox()
        .log(store.outbox().list(id)[0]!.id)
        .map((l) => l.outcome),
    ).toEqual(['failed', 'interrupted', 'accepted']);
  });
});

describe('the archive', () => {
  it('refuses to deliver a file changed after archiving', async () => {
    const server = await smtp();
    const { store, id, send } = setup(server.port);
    await send();
    const manifest = store.bulletins().get(id)!.archive!;
    const text = path.join(manifest.dir, 'email.txt');
    expect(readFileSync(text, 'utf8')).toContain('Số 125');
    const original = readFileSync(text);
    writeFileSync(text, 'tampered');
    expect(verifyArchive(manifest)).toEqual([
      expect.stringMatching(/^bulletin: archived file .*email\.txt: 8 bytes, manifest says \d+$/),
    ]);
    // The same length, one byte changed: the hash tells.
    const edited = Buffer.from(original);
    edited[edited.length - 2] = (edited[edited.length - 2] ?? 0) ^ 1;
    writeFileSync(text, edited);
    expect(verifyArchive(manifest)[0]).toMatch(/email\.txt: SHA-256 [0-9a-f]{64} does not match/);
    expect(() => readArchivedMail(manifest)).toThrow(/SHA-256/);
  });
});
