// Hashing: small integer hashing shared by the tokenizer's memo and the clustering shingles,
// and SHA-256 in hex for ids and for the checksums of archived files and evidence.
import { createHash } from 'node:crypto';

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * murmur3's 32-bit finaliser: every input bit reaches the low bits, which pick hash-table
 * slots. Returns a signed int32 (what Int32Array stores); apply `>>> 0` for an unsigned value.
 */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
