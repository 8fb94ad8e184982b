// manifest.json of an evidence package: what was fetched, when, from where, and the SHA-256
// of every file beside it, so that anyone can check later that the files were not altered.
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA = 'diemtin-evidence/1';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

export const EvidenceFile = z.strictObject({
  /** Relative to the package folder. */
  path: z.string().regex(/^[A-Za-z0-9._-]+$/, 'expected a file name inside the package'),
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const EvidenceManifest = z.strictObject({
  schema: z.literal(MANIFEST_SCHEMA),
  /** The article's canonical URL (the store's key). */
  url: z.url(),
  /** The URL the browser was sent to. */
  requestedUrl: z.url(),
  /** Where it ended up after redirects. */
  finalUrl: z.url(),
  httpStatus: z.number().int(),
  contentType: z.string().nullable(),
  /** When the navigation started, ISO 8601 with the deployment's offset. */
  fetchedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['manual', 'sensitive']),
  submittedBy: z.string().nullable(),
  note: z.string().nullable(),
  userAgent: z.string(),
  files: z.strictObject({
    /** The main document's bytes as the server sent them. */
    html: EvidenceFile.extend({
      /** False when the server's bytes were unavailable and the DOM was kept instead. */
      fromServer: z.boolean(),
    }),
    /** The DOM after scripts ran (what the screenshot shows), UTF-8. */
    rendered: EvidenceFile,
    screenshot: EvidenceFile.extend({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    }),
  }),
});
export type EvidenceManifest = z.infer<typeof EvidenceManifest>;
