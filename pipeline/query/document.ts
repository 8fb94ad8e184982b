// What a query is matched against, and the one-time preparation of it: the three text
// fields tokenized as phrase-index.ts does (so classify can hand over the tokens it already
// has), the publication instant, and the keys a `source:` filter compares.
import type { SourceCategory, TextField, TopicId, Tone } from '../../src/schema.ts';
import { tokenize, type TokenizedText } from '../classify/phrase-index.ts';

export type QueryDocument = {
  title: string;
  sapo?: string;
  body: string;
  topics?: TopicId[];
  tone?: Tone;
  /** The outlet's domain or a URL on it (`vnexpress.net`, `https://e.vnexpress.net/…`). */
  source?: string;
  /** The outlet's id in config/sources (`vnexpress`). */
  sourceId?: string;
  sourceCategory?: SourceCategory;
  /** ISO 8601; without an offset it is read as Asia/Ho_Chi_Minh time (+07:00). */
  publishedAt?: string | null;
};

const PREPARED: unique symbol = Symbol('query.prepared');

/** A document tokenized once; reuse it with every CompiledQuerySet. Treat it as opaque. */
export type PreparedDocument = {
  readonly [PREPARED]: true;
  readonly doc: QueryDocument;
  readonly text: Readonly<Record<TextField, TokenizedText>>;
  /** Milliseconds since the epoch, or null when the date is missing or unreadable. */
  readonly publishedMs: number | null;
  /** Lowercase source id and host (without `www.`), what `source:` compares. */
  readonly sourceKeys: readonly string[];
};

/** Vietnam has kept UTC+07:00 without daylight saving since 1975. */
export const VIETNAM_OFFSET = '+07:00';

/**
 * Tokenizes the text fields once. Pass `tokens` when they exist already (classify's
 * `tokenizeDoc`): they must come from phrase-index `tokenize` of the same fields.
 */
export function prepareDocument(
  doc: QueryDocument,
  tokens?: Readonly<Record<TextField, TokenizedText>>,
): PreparedDocument {
  return {
    [PREPARED]: true,
    doc,
    text: tokens ?? {
      title: tokenize(doc.title),
      sapo: tokenize(doc.sapo ?? ''),
      body: tokenize(doc.body),
    },
    publishedMs: instant(doc.publishedAt),
    sourceKeys: sourceKeys(doc),
  };
}

export function isPrepared(d: QueryDocument | PreparedDocument): d is PreparedDocument {
  return (d as Partial<PreparedDocument>)[PREPARED] === true;
}

/** 00:00 of a YYYY-MM-DD day in Vietnam, in epoch milliseconds. */
export function startOfVietnamDay(date: string): number {
  return Date.parse(`${date}T00:00:00${VIETNAM_OFFSET}`);
}

function instant(s: string | null | undefined): number | null {
  if (typeof s !== 'string' || s.trim() === '') return null;
  const t = s.trim();
  let ms: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) ms = startOfVietnamDay(t);
  // Without an offset Date.parse would use the server's zone; the newsroom's is Vietnam's.
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(t)) ms = Date.parse(t + VIETNAM_OFFSET);
  else ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

function sourceKeys(doc: QueryDocument): string[] {
  const keys: string[] = [];
  if (doc.sourceId) keys.push(doc.sourceId.trim().toLowerCase());
  if (doc.source) {
    let s = doc.source.trim().toLowerCase();
    if (s.includes('://')) {
      try {
        s = new URL(s).hostname;
      } catch {
        // Not a URL after all: compare the text as given.
      }
    }
    keys.push(s.replace(/^www\./, ''));
  }
  return keys;
}
