// Writes one evidence package: a folder per item under
// <dataDir>/evidence/<yyyy>/<mm>/<first 16 hex of SHA-256(url)>/ holding the raw HTML, the
// rendered DOM, a full-page screenshot and manifest.json with their hashes. The manifest is
// written last and atomically: a folder without one is an interrupted write, not evidence.
import { sha256Hex } from '../../pipeline/hash.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { CapturedPage } from '../../crawlers/browser-pool.ts';
import type { EvidenceReason, EvidenceRecord } from '../store/evidence.ts';
import { hashOf } from '../store/hashed-file.ts';
import { MANIFEST_FILE, MANIFEST_SCHEMA, type EvidenceManifest } from './manifest.ts';
import { pngSize } from './png.ts';

export type EvidenceInput = {
  /** The deployment's data folder; packages go under <dataDir>/evidence/. */
  dataDir: string;
  /** For the folder's year/month and the offset of fetchedAt. */
  timeZone: string;
  /** The article's canonical URL (or the submitted URL when the page is not an article). */
  articleUrl: string;
  reason: EvidenceReason;
  capture: CapturedPage;
  userAgent: string;
  submittedBy?: string | null;
  note?: string | null;
};

/** `<dataDir>/evidence/<yyyy>/<mm>/<sha-prefix>` for a URL fetched at `at`. */
export function evidenceDir(dataDir: string, timeZone: string, url: string, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return path.resolve(
    dataDir,
    'evidence',
    local.toFormat('yyyy'),
    local.toFormat('MM'),
    sha256Hex(url).slice(0, 16),
  );
}

export function writeEvidencePackage(input: EvidenceInput): {
  record: EvidenceRecord;
  manifest: EvidenceManifest;
} {
  const { capture } = input;
  const size = pngSize(capture.screenshot);
  if (!size) throw new Error(`evidence: ${input.articleUrl}: the screenshot is not a PNG`);
  const fetchedAt = DateTime.fromJSDate(capture.fetchedAt, { zone: input.timeZone }).toISO();
  if (!fetchedAt) throw new Error(`evidence: invalid fetch time for ${input.articleUrl}`);
  const dir = evidenceDir(input.dataDir, input.timeZone, input.articleUrl, capture.fetchedAt);
  const rendered = Buffer.from(capture.html, 'utf8');
  const manifest: EvidenceManifest = {
    schema: MANIFEST_SCHEMA,
    url: input.articleUrl,
    requestedUrl: capture.url,
    finalUrl: capture.finalUrl,
    httpStatus: capture.status,
    contentType: capture.contentType,
    fetchedAt,
    reason: input.reason,
    submittedBy: input.submittedBy ?? null,
    note: input.note ?? null,
    userAgent: input.userAgent,
    files: {
      html: {
        path: 'page.html',
        ...hashOf(capture.rawHtml),
        fromServer: capture.rawHtmlFromServer,
      },
      rendered: { path: 'rendered.html', ...hashOf(rendered) },
      screenshot: {
        path: 'screenshot.png',
        ...hashOf(capture.screenshot),
        ...size,
      },
    },
  };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, manifest.files.html.path), capture.rawHtml);
    writeFileSync(path.join(dir, manifest.files.rendered.path), rendered);
    writeFileSync(path.join(dir, manifest.files.screenshot.path), capture.screenshot);
    const tmp = path.join(dir, `${MANIFEST_FILE}.tmp`);
    writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
    renameSync(tmp, path.join(dir, MANIFEST_FILE));
  } catch (cause) {
    throw new Error(`evidence: cannot write the package in ${dir}`, { cause });
  }
  return {
    manifest,
    record: {
      articleUrl: input.articleUrl,
      reason: input.reason,
      dir,
      finalUrl: capture.finalUrl,
      httpStatus: capture.status,
      htmlPath: path.join(dir, manifest.files.html.path),
      htmlSha256: manifest.files.html.sha256,
      pngPath: path.join(dir, manifest.files.screenshot.path),
      pngSha256: manifest.files.screenshot.sha256,
      fetchedAt,
      submittedBy: manifest.submittedBy,
      note: manifest.note,
    },
  };
}
