// The two facts of a PNG evidence needs: is it one, and how large is it. Read from the
// signature and the IHDR chunk (PNG spec §5.2, §11.2.2) instead of decoding the image.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PngSize = { width: number; height: number };

/** Width and height of a PNG, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): PngSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 24 || !b.subarray(0, 8).equals(SIGNATURE)) return null;
  // The first chunk must be IHDR: length 13, then type, then width and height (big-endian).
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  if (width === 0 || height === 0) return null;
  return { width, height };
}
