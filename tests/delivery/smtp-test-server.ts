// A real SMTP server on 127.0.0.1 (smtp-server) that keeps every complete message it received,
// parsed with mailparser, and can be told to stall a reply so a client can be killed mid-send.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  /** RCPT TO addresses of the transaction. */
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  /** Count of complete messages per recipient address. */
  countFor(address: string): number;
  /** Stall the reply to the end of data (ms) for messages to this address. */
  stallDataFor: Map<string, number>;
  /** Stall the reply to RCPT TO (ms) for this address. */
  stallRcptFor: Map<string, number>;
  /** Addresses refused at RCPT TO with a permanent 550. */
  rejectRcpt: Set<string>;
  /** Called when a message's data is complete (before the reply). */
  onMessage: ((r: Received) => void) | null;
  /** Called when RCPT TO arrives (before the reply). */
  onRcpt: ((address: string) => void) | null;
  close(): Promise<void>;
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    port: 0,
    received: [],
    countFor: (a) => state.received.filter((r) => r.to.includes(a.toLowerCase())).length,
    stallDataFor: new Map(),
    stallRcptFor: new Map(),
    rejectRcpt: new Set(),
    onMessage: null,
    onRcpt: null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Stalled test connections must not hold close() for the default 30 s.
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const a = address.address.toLowerCase();
      state.onRcpt?.(a);
      if (state.rejectRcpt.has(a)) {
        callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      setTimeout(() => callback(), state.stallRcptFor.get(a) ?? 0);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const raw = Buffer.concat(chunks);
        // A message counts once its data is complete: that is when a real MTA may deliver it
        // even if the client never sees the reply (RFC 1047).
        void simpleParser(raw).then((parsed) => {
          const r = { to, raw, parsed };
          state.received.push(r);
          state.onMessage?.(r);
          const stall = Math.max(0, ...to.map((a) => state.stallDataFor.get(a) ?? 0));
          setTimeout(() => callback(null, `queued as test-${state.received.length}`), stall);
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
  return state;
}
