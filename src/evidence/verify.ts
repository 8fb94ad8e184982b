// Checks an evidence package against its manifest: every file present, of the recorded size
// and SHA-256, and the screenshot a PNG of the recorded dimensions. Any edit shows.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EvidenceManifest, MANIFEST_FILE } from './manifest.ts';
import { readHashedFile } from '../store/hashed-file.ts';
import { pngSize } from './png.ts';

export type EvidenceVerification = {
  ok: boolean;
  /** One line per mismatch, naming the file. */
  problems: string[];
  manifest: EvidenceManifest | null;
};

export function verifyEvidence(dir: string): EvidenceVerification {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    return { ok: false, problems: [`${MANIFEST_FILE}: missing`], manifest: null };
  }
  let manifest: EvidenceManifest;
  try {
    manifest = EvidenceManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, problems: [`${MANIFEST_FILE}: unreadable (${why})`], manifest: null };
  }
  const problems: string[] = [];
  for (const f of Object.values(manifest.files)) {
    const { problem } = readHashedFile(path.join(dir, f.path), f, f.path);
    if (problem) problems.push(problem);
  }
  const shot = manifest.files.screenshot;
  const shotPath = path.join(dir, shot.path);
  if (existsSync(shotPath)) {
    const size = pngSize(readFileSync(shotPath));
    if (!size) problems.push(`${shot.path}: not a PNG`);
    else if (size.width !== shot.width || size.height !== shot.height) {
      problems.push(
        `${shot.path}: ${size.width}×${size.height}, manifest says ${shot.width}×${shot.height}`,
      );
    }
  }
  return { ok: problems.length === 0, problems, manifest };
}
