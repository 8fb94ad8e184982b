// Bytes → text for pages and feeds. Order: byte-order mark, then the Content-Type header,
// then the document's own declaration (<meta charset>, http-equiv, the XML prolog). One
// exception, from real feeds: VietnamBiz declares encoding="utf-16" in a prolog written in
// UTF-8 bytes, so text that is valid UTF-8 (with at least one multi-byte sequence) is read as
// UTF-8 whatever the declarations say — legacy 8-bit Vietnamese text is practically never
// valid UTF-8 by accident. Output is NFC, the form the pipeline's matching expects.

/** How far into the document a declaration is looked for (HTML sniffing uses 1024). */
const SNIFF_BYTES = 4096;

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The WHATWG name of a charset label, or null when TextDecoder does not know it. */
function normalizeLabel(label: string | undefined | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return normalizeLabel(m?.[2]);
}

/** The charset the document declares about itself: meta tags, then the XML prolog. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return normalizeLabel(meta[1]);
  const prolog = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (prolog) return normalizeLabel(prolog[1]);
  return null;
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** The text when the bytes are valid UTF-8 with at least one multi-byte sequence, else null. */
function asUtf8(bytes: Uint8Array): string | null {
  if (!hasHighByte(bytes)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function sniffWithText(
  bytes: Uint8Array,
  contentType: string | null,
): { encoding: string; utf8: string | null } {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, utf8: null };
  const utf8 = asUtf8(bytes);
  if (utf8 !== null) return { encoding: 'utf-8', utf8 };
  const declared = charsetFromContentType(contentType) ?? declaredCharset(bytes);
  // A declaration we could read as ASCII cannot be UTF-16 (which has no ASCII-compatible
  // bytes), so a UTF-16 claim without a BOM is a lie; WHATWG makes the same call for meta.
  if (declared === null || declared.startsWith('utf-16')) return { encoding: 'utf-8', utf8: null };
  return { encoding: declared, utf8: null };
}

/** The encoding the bytes will be decoded with (a WHATWG encoding name). */
export function sniffCharset(bytes: Uint8Array, contentType: string | null): string {
  return sniffWithText(bytes, contentType).encoding;
}

/** Decodes a fetched body (page or feed) to NFC text. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const { encoding, utf8 } = sniffWithText(bytes, contentType);
  // The UTF-8 check already decoded the text; a crawl decodes every page, so do it once.
  // Otherwise TextDecoder drops a BOM that matches its encoding; replacement chars mark bad
  // bytes instead of failing, since one bad byte should not cost the whole article.
  const text = utf8 ?? new TextDecoder(encoding).decode(bytes);
  return text.normalize('NFC');
}

/** Same as decodeBody; the name the extract command uses for article pages. */
export const decodeHtml = decodeBody;
