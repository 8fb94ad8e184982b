// SMTP through nodemailer's SMTPConnection rather than a transporter's sendMail: the outbox
// needs to know *where* in the transaction a failure or a crash happened. Connecting and
// logging in send nothing; `beforeEnd` runs (synchronously) just before the end of the message
// is written, so a crash before it leaves a message the server discards (never delivered) and
// only a crash after it leaves the outcome unknown (src/store/outbox.ts).
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** A failed SMTP step; `permanent` when the server refused for good (a 5xx reply). */
export class SmtpError extends Error {
  override name = 'SmtpError';
  readonly permanent: boolean;
  readonly phase: 'connect' | 'login' | 'send';
  readonly responseCode: number | null;
  constructor(
    phase: 'connect' | 'login' | 'send',
    message: string,
    opts: { permanent: boolean; responseCode: number | null; cause?: unknown },
  ) {
    super(message, { cause: opts.cause });
    this.phase = phase;
    this.permanent = opts.permanent;
    this.responseCode = opts.responseCode;
  }
}

export interface SmtpSender {
  /** Connects and logs in if not connected; sends nothing. */
  open(): Promise<void>;
  /** Sends one message; resolves with the server's reply to the end of data. */
  send(
    envelope: { from: string; to: string },
    message: Buffer,
    beforeEnd: () => void,
  ): Promise<string>;
  close(): void;
}

type SmtpLikeError = Error & { responseCode?: number; code?: string; response?: string };

function describe(err: unknown): { message: string; code: number | null } {
  const e = err as SmtpLikeError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = e instanceof Error ? e.message : String(err);
  return { message, code };
}

/** Feeds `message` to the connection and calls `beforeEnd` just before signalling its end. */
function messageStream(message: Buffer, beforeEnd: () => void): Readable {
  let pushed = false;
  return new Readable({
    read() {
      if (!pushed) {
        pushed = true;
        this.push(message);
        return;
      }
      try {
        beforeEnd();
      } catch (err) {
        this.destroy(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      this.push(null);
    },
  });
}

export function createSmtpSender(settings: SmtpSettings): SmtpSender {
  let conn: SMTPConnection | null = null;
  let lastError: unknown = null;

  const drop = (): void => {
    if (conn) {
      conn.removeAllListeners();
      // An error after close must not crash the process: the next send reconnects.
      conn.on('error', () => {});
      conn.close();
    }
    conn = null;
  };

  const open = async (): Promise<void> => {
    if (conn && !conn.destroyed) return;
    const c = new SMTPConnection({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      connectionTimeout: settings.connectionTimeoutMs ?? 15_000,
      greetingTimeout: settings.greetingTimeoutMs ?? 15_000,
      socketTimeout: settings.socketTimeoutMs ?? 120_000,
    });
    c.on('error', (err: unknown) => {
      lastError = err;
    });
    c.on('end', () => {
      if (conn === c) conn = null;
    });
    await new Promise<void>((resolve, reject) => {
      // Connection failures arrive as 'error' events, not through the connect callback.
      const fail = (err: unknown): void => {
        const d = describe(err);
        reject(
          new SmtpError(
            'connect',
            `delivery: cannot reach SMTP ${settings.host}:${settings.port}: ${d.message}`,
            { permanent: false, responseCode: d.code, cause: err },
          ),
        );
      };
      c.once('error', fail);
      c.once('end', () => fail(new Error('connection closed during the greeting')));
      c.connect((err) => {
        c.removeListener('error', fail);
        c.removeAllListeners('end');
        c.on('end', () => {
          if (conn === c) conn = null;
        });
        if (err) fail(err);
        else resolve();
      });
    }).catch((err: unknown) => {
      c.removeAllListeners();
      c.on('error', () => {});
      c.close();
      throw err;
    });
    if (settings.auth) {
      const auth = settings.auth;
      await new Promise<void>((resolve, reject) => {
        c.login({ credentials: { user: auth.user, pass: auth.pass } }, (err) => {
          if (err) {
            const d = describe(err);
            // A refused login is a configuration problem, not the recipient's: retried like
            // an outage, so fixing the password lets the pending rows go.
            reject(
              new SmtpError('login', `delivery: SMTP login refused: ${d.message}`, {
                permanent: false,
                responseCode: d.code,
                cause: err,
              }),
            );
          } else resolve();
        });
      }).catch((err: unknown) => {
        c.removeAllListeners();
        c.on('error', () => {});
        c.close();
        throw err;
      });
    }
    conn = c;
  };

  return {
    open,

    async send(envelope, message, beforeEnd) {
      await open();
      const c = conn;
      if (!c)
        throw new SmtpError('connect', 'delivery: SMTP connection closed', {
          permanent: false,
          responseCode: null,
        });
      lastError = null;
      try {
        return await new Promise<string>((resolve, reject) => {
          // A dropped connection may end the transaction without calling back.
          const dropped = (err: unknown): void =>
            reject(
              err instanceof Error ? err : new Error('connection closed during the transaction'),
            );
          c.once('error', dropped);
          c.once('end', () => dropped(new Error('connection closed during the transaction')));
          c.send(
            { from: envelope.from, to: [envelope.to] },
            messageStream(message, beforeEnd),
            (err, info) => {
              c.removeListener('error', dropped);
              if (err) {
                reject(err);
                return;
              }
              const rejected = info?.rejected ?? [];
              if (rejected.length > 0) {
                reject(
                  Object.assign(new Error(`recipient refused: ${rejected.join(', ')}`), {
                    responseCode: 550,
                  }),
                );
                return;
              }
              resolve(String(info?.response ?? ''));
            },
          );
        });
      } catch (err) {
        const d = describe(err ?? lastError);
        // The connection may be mid-transaction: start the next message on a fresh one.
        drop();
        throw new SmtpError('send', `delivery: SMTP refused or failed: ${d.message}`, {
          permanent: d.code !== null && d.code >= 500 && d.code < 600,
          responseCode: d.code,
          cause: err,
        });
      }
    },

    close() {
      if (conn) {
        const c = conn;
        conn = null;
        c.removeAllListeners();
        c.on('error', () => {});
        c.quit();
        c.close();
      }
    },
  };
}
