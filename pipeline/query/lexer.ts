// The query text cut into tokens, each with its offset. Bare words end at white space,
// parentheses and quotes; control and format characters (RTL marks, zero-width spaces, BOM)
// count as white space, so an invisible character pasted from a web page never becomes part
// of a term.
import type { TextField } from '../../src/schema.ts';
import { MAX_NEAR_DISTANCE, METADATA_FIELDS, TEXT_FIELDS, type MetadataField } from './ast.ts';
import { QuerySyntaxError } from './errors.ts';

export type Tok =
  | { kind: 'word'; pos: number; raw: string }
  | { kind: 'quoted'; pos: number; raw: string }
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'eof'; pos: number }
  | { kind: 'near'; pos: number; distance: number }
  | { kind: 'field'; pos: number; field: TextField }
  | { kind: 'meta'; pos: number; field: MetadataField; value: string; valuePos: number };

const SPACE = /[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/u;
const QUOTES = '"“”';
const FIELD_PREFIX = /^([A-Za-z]+):/;
const NEAR = /^NEAR\/(\d+)$/;

const isSpace = (c: string): boolean => SPACE.test(c);
const endsWord = (c: string): boolean => isSpace(c) || c === '(' || c === ')' || QUOTES.includes(c);

export function lex(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      toks.push({ kind: c === '(' ? 'lparen' : 'rparen', pos: i });
      i++;
    } else if (QUOTES.includes(c)) {
      let j = i + 1;
      while (j < n && !QUOTES.includes(text.charAt(j))) j++;
      if (j >= n) throw new QuerySyntaxError(i, `unclosed quote, expected '"' to end the phrase`);
      toks.push({ kind: 'quoted', pos: i, raw: text.slice(i + 1, j) });
      i = j + 1;
    } else if (
      c === '-' &&
      i + 1 < n &&
      !isSpace(text.charAt(i + 1)) &&
      text.charAt(i + 1) !== ')'
    ) {
      // '-' glued to a word, a phrase or a group negates it; alone it is a stray character.
      toks.push({ kind: 'minus', pos: i });
      i++;
    } else {
      let j = i;
      while (j < n && !endsWord(text.charAt(j))) j++;
      // A text field prefix returns the offset of its value, lexed as ordinary tokens.
      i = word(text, i, text.slice(i, j), toks);
    }
  }
  toks.push({ kind: 'eof', pos: n });
  return toks;
}

/** Classifies one bare word; returns where lexing goes on (before its end for `title:`). */
function word(text: string, pos: number, raw: string, toks: Tok[]): number {
  const end = pos + raw.length;
  if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
    toks.push({ kind: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not', pos });
    return end;
  }
  if (raw === 'NEAR' || raw.startsWith('NEAR/')) {
    const m = NEAR.exec(raw);
    const digits = m?.[1] ?? '';
    // Compare as text first: a 300-digit number must not go through Number() and Infinity.
    if (!m || digits.length > 4 || Number(digits) > MAX_NEAR_DISTANCE) {
      throw new QuerySyntaxError(
        pos,
        `expected NEAR/n with a distance n from 0 to ${MAX_NEAR_DISTANCE}, got '${clip(raw)}'`,
      );
    }
    toks.push({ kind: 'near', pos, distance: Number(digits) });
    return end;
  }
  const f = FIELD_PREFIX.exec(raw);
  if (f) {
    const name = (f[1] ?? '').toLowerCase();
    const valuePos = pos + f[0].length;
    const next = text.charAt(valuePos);
    if ((TEXT_FIELDS as readonly string[]).includes(name)) {
      // The value follows the colon directly: a word, or a quote or '(' that ended this word.
      if (valuePos === end && next !== '(' && !QUOTES.includes(next)) {
        throw new QuerySyntaxError(valuePos, `expected a term, phrase or '(' after '${name}:'`);
      }
      toks.push({ kind: 'field', pos, field: name as TextField });
      return valuePos;
    }
    if ((METADATA_FIELDS as readonly string[]).includes(name)) {
      if (valuePos === end)
        throw new QuerySyntaxError(valuePos, `expected a value after '${name}:'`);
      const value = raw.slice(f[0].length);
      toks.push({ kind: 'meta', pos, field: name as MetadataField, value, valuePos });
      return end;
    }
    // Another word ending with a colon is a word followed by punctuation ("Lưu ý:").
    if (valuePos < end) {
      throw new QuerySyntaxError(
        pos,
        `unknown field '${clip(f[1] ?? '')}:', expected one of ${[...TEXT_FIELDS, ...METADATA_FIELDS].join(', ')} (quote the text to search it)`,
      );
    }
  }
  toks.push({ kind: 'word', pos, raw });
  return end;
}

/** Keeps echoed user text short so an error stays one line. */
export function clip(s: string): string {
  const flat = s.replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ');
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}
