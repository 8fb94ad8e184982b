// The archive of a sent bulletin: every rendered file as it went out, with its SHA-256, under
// <dataDir>/bulletins/<period>/<year>/<number-slug>/. Delivery reads the e-mail from here (and
// checks the hashes), so what each recipient gets is byte for byte what was archived, even when
// a later run delivers it after a restart.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../../pipeline/normalize.ts';
import type { MailContent } from '../delivery/message.ts';
import type { ArchiveManifest, ArchivedFile } from '../store/bulletins.ts';
import { hashOf, readHashedFile } from '../store/hashed-file.ts';

/** Everything a bulletin renders to (src/render makes it; tests pass a small one). */
export interface RenderedBulletin {
  /** The bulletin as a standalone web page. */
  html: string;
  email: MailContent;
  pdf: Buffer | null;
  docx: Buffer | null;
}

export const MANIFEST_FILE = 'manifest.json';

/** "Số 125/ĐT-SVHTTDL" → "so-125-dt-svhttdl". */
export function numberSlug(number: string): string {
  const slug = fold(number)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new Error(`bulletin: cannot make a folder name of number "${number}"`);
  return slug;
}

export function archiveDirFor(
  dataDir: string,
  period: string,
  year: number,
  number: string,
): string {
  if (!/^[a-z0-9-]+$/.test(period)) throw new Error(`bulletin: invalid period "${period}"`);
  return path.resolve(dataDir, 'bulletins', period, String(year), numberSlug(number));
}

function safeName(name: string): string {
  const base = path.basename(name).replace(/[^\w.-]+/g, '_');
  if (base === '' || base === '.' || base === '..') {
    throw new Error(`bulletin: invalid attachment name "${name}"`);
  }
  return base;
}

/**
 * Writes the files into a fresh temporary folder and renames it into place, so the archive is
 * either absent or complete. A folder left by a send that crashed before it was recorded is
 * replaced (nothing was delivered from it: deliveries read only recorded archives).
 */
export function writeArchive(opts: {
  dir: string;
  /** File base name of the print formats, e.g. "diemtin-daily-so-125-dt-svhttdl". */
  base: string;
  rendered: RenderedBulletin;
  model: unknown;
}): ArchiveManifest {
  const { dir, rendered } = opts;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, 'attachments'), { recursive: true });
  const files: ArchivedFile[] = [];
  const put = (
    role: ArchivedFile['role'],
    name: string,
    content: Buffer,
    contentType: string,
    cid?: string,
  ): void => {
    writeFileSync(path.join(tmp, name), content);
    files.push({
      role,
      name,
      contentType,
      ...hashOf(content),
      ...(cid !== undefined ? { cid } : {}),
    });
  };
  put('html', 'bulletin.html', Buffer.from(rendered.html, 'utf8'), 'text/html; charset=utf-8');
  put(
    'email-html',
    'email.html',
    Buffer.from(rendered.email.html, 'utf8'),
    'text/html; charset=utf-8',
  );
  put(
    'email-text',
    'email.txt',
    Buffer.from(rendered.email.text, 'utf8'),
    'text/plain; charset=utf-8',
  );
  if (rendered.pdf) put('pdf', `${opts.base}.pdf`, rendered.pdf, 'application/pdf');
  if (rendered.docx) {
    put(
      'docx',
      `${opts.base}.docx`,
      rendered.docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  }
  put(
    'model',
    'model.json',
    Buffer.from(JSON.stringify(opts.model, null, 2) + '\n', 'utf8'),
    'application/json',
  );
  const seen = new Set<string>();
  for (const a of rendered.email.attachments) {
    const name = `attachments/${safeName(a.filename)}`;
    if (seen.has(name)) throw new Error(`bulletin: two e-mail attachments named ${a.filename}`);
    seen.add(name);
    put('attachment', name, a.content, a.contentType, a.cid);
  }
  const manifest: ArchiveManifest = { dir, subject: rendered.email.subject, files };
  writeFileSync(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(tmp, dir);
  return manifest;
}

/** Reads an archived file and checks it against its recorded hash. */
export function readArchivedFile(manifest: ArchiveManifest, f: ArchivedFile): Buffer {
  const got = readHashedFile(path.join(manifest.dir, f.name), f);
  if (got.problem !== undefined) throw new Error(`bulletin: archived file ${got.problem}`);
  return got.content;
}

/**
 * The e-mail as archived: HTML and text parts, inline parts, and the PDF attached (the issue's
 * "PDF attached"; offices forward and print it).
 */
export function readArchivedMail(manifest: ArchiveManifest): MailContent {
  const one = (role: ArchivedFile['role']): ArchivedFile | undefined =>
    manifest.files.find((f) => f.role === role);
  const html = one('email-html');
  const text = one('email-text');
  if (!html || !text) throw new Error(`bulletin: archive ${manifest.dir} lacks the e-mail parts`);
  const toAttachment = (f: ArchivedFile): MailContent['attachments'][number] => ({
    filename: path.basename(f.name),
    content: readArchivedFile(manifest, f),
    contentType: f.contentType,
    ...(f.cid !== undefined ? { cid: f.cid } : {}),
  });
  const attachments = manifest.files.filter((f) => f.role === 'attachment').map(toAttachment);
  // A renderer that already attached the PDF must not have it twice.
  const pdf = one('pdf');
  if (pdf && !attachments.some((a) => a.contentType === 'application/pdf')) {
    attachments.push(toAttachment(pdf));
  }
  return {
    subject: manifest.subject,
    html: readArchivedFile(manifest, html).toString('utf8'),
    text: readArchivedFile(manifest, text).toString('utf8'),
    attachments,
  };
}

/** Files whose content no longer matches the manifest (empty when the archive is intact). */
export function verifyArchive(manifest: ArchiveManifest): string[] {
  const problems: string[] = [];
  for (const f of manifest.files) {
    try {
      readArchivedFile(manifest, f);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return problems;
}
