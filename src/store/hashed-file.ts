// Files kept with their SHA-256 (evidence packages, bulletin archives): what a manifest
// records of each file, and the one check that a file on disk is still what was recorded.
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../../pipeline/hash.ts';

export type HashedFile = { sha256: string; bytes: number };

export function hashOf(content: Buffer): HashedFile {
  return { sha256: sha256Hex(content), bytes: content.length };
}

/**
 * The file's bytes when they match the record; else one line saying what is wrong (missing,
 * size, hash), naming the file as `name`.
 */
export function readHashedFile(
  file: string,
  expected: HashedFile,
  name: string = file,
): { content: Buffer; problem?: undefined } | { content?: undefined; problem: string } {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return { problem: `${name}: missing` };
  }
  if (content.length !== expected.bytes) {
    return { problem: `${name}: ${content.length} bytes, manifest says ${expected.bytes}` };
  }
  const hash = sha256Hex(content);
  if (hash !== expected.sha256) {
    return { problem: `${name}: SHA-256 ${hash} does not match the manifest` };
  }
  return { content };
}
