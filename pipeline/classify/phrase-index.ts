// Phrase matching on folded syllables, shared by locate (place names) and classify (topic,
// tone and denial phrases). A phrase matches a run of tokens when
//   - their folded syllables are equal (so "Dak Nong", "DAK NONG" and NFD input all match),
//   - in a text written with diacritics, the diacritics are equal too: "là gì" is not
//     "La Gi", "bão lốc" is not "Bảo Lộc", "Buôn" is not "buồn", "40 bao" is not "bão". A text
//     written without diacritics (social posts) matches on folded syllables alone, except a
//     one-syllable phrase that carries marks: "bao" alone means too many things,
//   - a syllable capitalised in the phrase is capitalised in the text, unless the text has no
//     capital at all ("nhân cơ hội" is not the commune "Nhân Cơ"),
//   - no sentence punctuation falls inside the run.
// All phrases live in one map from first syllable to candidates, so a text is read once.
import { fmix32 } from '../hash.ts';
import { canonicalTones, fold, syllables } from '../normalize.ts';

/** Shared between texts (tokenize reuses one object per form and gap): never mutate one. */
export type Token = {
  /** The folded syllable, as `syllables()` gives it. */
  readonly folded: string;
  /** NFC, canonical tone placement, lowercase. */
  readonly lower: string;
  readonly capitalized: boolean;
  /** Written without any diacritic (also true for digits and Latin words). */
  readonly plain: boolean;
  /** Sentence punctuation (. , ; : ! ? brackets, quotes, line break) precedes this token. */
  readonly breakBefore: boolean;
  /** Only spaces separate this token from the previous one (no hyphen, slash or dash). */
  readonly joinedBefore: boolean;
};

export type TokenizedText = {
  tokens: Token[];
  /** The text has no capital letter at all, so capitalisation proves nothing. */
  caseless: boolean;
  /** The text is written without diacritics (most syllables plain), so marks prove nothing. */
  unaccented: boolean;
  /** The text has lowercase letters, so a capital marks a proper noun (not an all-caps title). */
  mixedCase: boolean;
};

const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`](?=\p{L})/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SENTENCE_BREAK = /[.,;:!?()[\]{}“”"«»…\n]/;
/** Below this share of marked syllables a text counts as typed without diacritics. */
const ACCENTED_SHARE = 0.2;

/** What one token is, whatever stands around it: everything but breakBefore/joinedBefore. */
type TokenShape = {
  folded: string;
  lower: string;
  capitalized: boolean;
  plain: boolean;
  /** The token has a letter (counts toward the `unaccented` share). */
  word: boolean;
  /**
   * The token itself for each (breakBefore, joinedBefore), made on first use. Tokens are
   * never mutated, so texts share them: once a chunk has been seen, tokenizing it allocates
   * nothing and reads one object instead of copying five fields.
   */
  t00: Token | undefined;
  t01: Token | undefined;
  t10: Token | undefined;
  t11: Token | undefined;
};

/** One word of the normalized text (a WORD match): 0, 1 or, rarely, several tokens. */
type WordShape = {
  tokens: TokenShape[];
  /** The tokens come from a split of the word (makeToken's rare branch). */
  split: boolean;
  hasUpper: boolean;
  hasLower: boolean;
};

/**
 * A chunk: a maximal run of word characters and apostrophes in the NFC text. Normalization
 * never moves a chunk boundary (tone placement works on letter runs, inner apostrophes have
 * letters on both sides, spaces are outside), so a chunk's words depend on its characters
 * alone and are worked out once per distinct chunk.
 */
type ChunkShape = {
  words: WordShape[];
  /** Apostrophes stand before the first word / after the last (they are part of the gap). */
  leading: boolean;
  trailing: boolean;
  /** The common case, one word of one token and no apostrophe around: that token. */
  one: TokenShape | null;
  hasUpper: boolean;
  hasLower: boolean;
};

function makeToken(raw: string, breakBefore: boolean, joinedBefore: boolean): Token[] {
  const lower = raw.toLowerCase();
  const parts = syllables(raw);
  const capitalized = raw.charAt(0) !== raw.charAt(0).toLowerCase();
  if (parts.length !== 1) {
    // Rare: a character that folding turns into a separator. Keep the folded pieces, unmarked.
    return parts.map((folded, i) => ({
      folded,
      lower: folded,
      capitalized: capitalized && i === 0,
      plain: true,
      breakBefore: breakBefore && i === 0,
      joinedBefore: joinedBefore || i > 0,
    }));
  }
  const folded = parts[0] ?? fold(raw);
  return [{ folded, lower, capitalized, plain: lower === folded, breakBefore, joinedBefore }];
}

/**
 * One string object per distinct syllable form. Every token and every phrase of every index
 * gets its syllables from here, so the comparisons of matching (Map keys, `t.folded !==
 * p.folded`) are mostly pointer checks instead of character by character. Only an
 * optimisation: strings that escaped a clear still compare equal by content.
 */
const interned = new Map<string, string>();
const MAX_INTERNED = 1 << 17;

function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(s, s);
  return s;
}

function wordShape(raw: string): WordShape {
  const made = makeToken(raw, false, false);
  return {
    tokens: made.map(({ folded, lower, capitalized, plain }) => ({
      folded: intern(folded),
      lower: intern(lower),
      capitalized,
      plain,
      word: LETTER.test(lower),
      t00: undefined,
      t01: undefined,
      t10: undefined,
      t11: undefined,
    })),
    split: made.length !== 1,
    hasUpper: UPPER.test(raw),
    hasLower: LOWER.test(raw),
  };
}

function chunkShape(chunk: string): ChunkShape {
  // What normalizeText + INNER_APOSTROPHE do to the whole text, on one chunk (NFC and
  // invisible characters are done on the whole text: they can move chunk boundaries).
  const t = canonicalTones(chunk).replace(INNER_APOSTROPHE, '');
  const words: WordShape[] = [];
  let last = 0;
  for (const m of t.matchAll(WORD)) {
    words.push(wordShape(m[0]));
    last = m.index + m[0].length;
  }
  const first = t.search(WORD);
  const leading = first !== 0;
  const trailing = last < t.length;
  const only = words[0];
  const one =
    words.length === 1 && only && !only.split && only.tokens.length === 1 && !leading && !trailing
      ? (only.tokens[0] ?? null)
      : null;
  return {
    words,
    leading,
    trailing,
    one,
    hasUpper: words.some((w) => w.hasUpper),
    hasLower: words.some((w) => w.hasLower),
  };
}

/** The shared token of `t` standing after a gap with these two facts. */
function tokenOf(t: TokenShape, breakBefore: boolean, joinedBefore: boolean): Token {
  const made = breakBefore ? (joinedBefore ? t.t11 : t.t10) : joinedBefore ? t.t01 : t.t00;
  if (made !== undefined) return made;
  const token: Token = {
    folded: t.folded,
    lower: t.lower,
    capitalized: t.capitalized,
    plain: t.plain,
    breakBefore,
    joinedBefore,
  };
  if (breakBefore) {
    if (joinedBefore) t.t11 = token;
    else t.t10 = token;
  } else if (joinedBefore) t.t01 = token;
  else t.t00 = token;
  return token;
}

// Character classes of the scan. Word: \p{L}\p{M}\p{N}; apostrophe: the inner-apostrophe
// characters that are not letters themselves; space: what normalizeText turns into a space.
const OTHER = 1;
const WORDCH = 2;
const APOSTROPHE = 3;
const SPACE = 4;
const BREAK = 5;
const INVIS = 6;
const ASTRAL = 8;
/** Class of each BMP character, filled on first sight (0: not yet known). */
const classes = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

// eslint-disable-next-line no-control-regex -- the same set normalizeText removes
const INVISIBLE = /^[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\ufeff]$/;

function classify(ch: string): number {
  if (INVISIBLE.test(ch)) return INVIS;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) return WORDCH;
  if (ch === "'" || ch === '’' || ch === '`') return APOSTROPHE;
  if (ch === ' ' || ch === '\t' || ch === '\u00a0') return SPACE;
  if (SENTENCE_BREAK.test(ch)) return BREAK;
  return OTHER;
}

/** The class of the character at i; an astral one (a surrogate pair) is 8 + its class. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) {
      let k = astralClasses.get(cp);
      if (k === undefined) {
        k = classify(String.fromCodePoint(cp));
        astralClasses.set(cp, k);
      }
      return ASTRAL + k;
    }
  }
  let k = classes[c] ?? 0;
  if (k === 0) {
    k = classify(String.fromCharCode(c));
    classes[c] = k;
  }
  return k;
}

/**
 * Chunk shapes seen so far, keyed by the chunk's characters. A pure function's memo: news text
 * has a few tens of thousands of distinct chunks, and the first sight of one costs what
 * tokenizing it did before (tone placement, folding, Unicode regexes). Open addressing on a
 * running hash the scan computes anyway, verified character by character, so no substring is
 * cut out except the first time a chunk is seen. Emptied when full: memory stays bounded.
 */
class ChunkMemo {
  private static readonly MAX = 1 << 17;
  private slots = 1 << 12;
  private hashes = new Int32Array(this.slots);
  private values = new Int32Array(this.slots); // index into keys/shapes + 1; 0 = empty
  private keys: string[] = [];
  private shapes: ChunkShape[] = [];

  get(s: string, from: number, to: number, hash: number): ChunkShape {
    const mask = this.slots - 1;
    let slot = hash & mask;
    for (;;) {
      const v = this.values[slot] ?? 0;
      if (v === 0) break;
      if (this.hashes[slot] === hash) {
        const key = this.keys[v - 1] ?? '';
        if (key.length === to - from && sameChars(key, s, from))
          return this.shapes[v - 1] as ChunkShape;
      }
      slot = (slot + 1) & mask;
    }
    const chunk = s.slice(from, to);
    const shape = chunkShape(chunk);
    if (this.keys.length >= ChunkMemo.MAX) {
      this.clear();
      slot = hash & (this.slots - 1);
    } else if ((this.keys.length + 1) * 2 > this.slots) {
      this.grow();
      slot = this.free(hash);
    }
    this.keys.push(chunk);
    this.shapes.push(shape);
    this.hashes[slot] = hash;
    this.values[slot] = this.keys.length;
    return shape;
  }

  private free(hash: number): number {
    const mask = this.slots - 1;
    let slot = hash & mask;
    while ((this.values[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [hashes, values] = [this.hashes, this.values];
    this.slots *= 2;
    this.hashes = new Int32Array(this.slots);
    this.values = new Int32Array(this.slots);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? 0;
      if (v === 0) continue;
      const h = hashes[i] ?? 0;
      const slot = this.free(h);
      this.hashes[slot] = h;
      this.values[slot] = v;
    }
  }

  private clear(): void {
    this.slots = 1 << 12;
    this.hashes = new Int32Array(this.slots);
    this.values = new Int32Array(this.slots);
    this.keys = [];
    this.shapes = [];
  }
}

function sameChars(key: string, s: string, from: number): boolean {
  for (let k = 0; k < key.length; k++)
    if (key.charCodeAt(k) !== s.charCodeAt(from + k)) return false;
  return true;
}

const chunkMemo = new ChunkMemo();

// eslint-disable-next-line no-control-regex -- the same set normalizeText removes
const INVISIBLES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\ufeff]/g;

/**
 * Cuts a text into tokens aligned with `syllables()`, keeping what the matcher checks.
 * Equal to tokenizing `normalizeText(text)` without its inner apostrophes, word by word, but
 * done in one scan of character codes: the gaps between words only need two facts (a sentence
 * break in it; only spaces), and each distinct chunk of word characters is worked out once.
 */
export function tokenize(text: string): TokenizedText {
  return tokenizeNfc(text.normalize('NFC'));
}

function tokenizeNfc(s: string): TokenizedText {
  const tokens: Token[] = [];
  let words = 0;
  let marked = 0;
  let hasUpper = false;
  let hasLower = false;
  // The gap since the previous word: it has a sentence break; it is only spaces.
  let gapBreak = false;
  let gapSpaces = true;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let a = c < 0xd800 ? (classes[c] ?? 0) : 0;
    if (a === 0) a = classAt(s, i);
    const k = a & 7;
    // Invisible characters are removed before anything else, and removing one can join two
    // chunks or compose nothing: redo the text without them (rare in practice).
    if (k === INVIS) return tokenizeNfc(s.replace(INVISIBLES, ''));
    if (k !== WORDCH && k !== APOSTROPHE) {
      if (k === BREAK) gapBreak = true;
      if (k !== SPACE) gapSpaces = false;
      i += a >= ASTRAL ? 2 : 1;
      continue;
    }
    let hash = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    let j = i + 1;
    if (a >= ASTRAL) {
      hash = Math.imul(hash ^ s.charCodeAt(j), 0x01000193);
      j++;
    }
    while (j < n) {
      const cj = s.charCodeAt(j);
      let b = cj < 0xd800 ? (classes[cj] ?? 0) : 0;
      if (b === 0) b = classAt(s, j);
      const kj = b & 7;
      if (kj !== WORDCH && kj !== APOSTROPHE) {
        if (kj === INVIS) return tokenizeNfc(s.replace(INVISIBLES, ''));
        break;
      }
      hash = Math.imul(hash ^ cj, 0x01000193);
      j++;
      if (b >= ASTRAL) {
        hash = Math.imul(hash ^ s.charCodeAt(j), 0x01000193);
        j++;
      }
    }
    const shape = chunkMemo.get(s, i, j, fmix32(hash));
    const one = shape.one;
    if (one !== null) {
      const first = tokens.length === 0;
      tokens.push(tokenOf(one, !first && gapBreak, !first && gapSpaces));
      hasUpper ||= shape.hasUpper;
      hasLower ||= shape.hasLower;
      if (one.word) {
        words++;
        if (!one.plain) marked++;
      }
      gapBreak = false;
      gapSpaces = true;
      i = j;
      continue;
    }
    if (shape.leading) gapSpaces = false;
    for (let w = 0; w < shape.words.length; w++) {
      const word = shape.words[w] as WordShape;
      if (w > 0) {
        // Words inside one chunk are separated by apostrophes only.
        gapBreak = false;
        gapSpaces = false;
      }
      const first = tokens.length === 0;
      const breakBefore = !first && gapBreak;
      const joinedBefore = !first && gapSpaces;
      hasUpper ||= word.hasUpper;
      hasLower ||= word.hasLower;
      for (let p = 0; p < word.tokens.length; p++) {
        const t = word.tokens[p] as TokenShape;
        tokens.push(
          tokenOf(
            t,
            word.split ? breakBefore && p === 0 : breakBefore,
            word.split ? joinedBefore || p > 0 : joinedBefore,
          ),
        );
        if (t.word) {
          words++;
          if (!t.plain) marked++;
        }
      }
      gapBreak = false;
      gapSpaces = true;
    }
    if (shape.trailing) gapSpaces = false;
    i = j;
  }
  return {
    tokens,
    caseless: !hasUpper,
    mixedCase: hasLower && hasUpper,
    unaccented: marked < ACCENTED_SHARE * words || words === 0,
  };
}

type Compiled<T> = { tokens: Token[]; value: T };

export type PhraseMatch<T> = { value: T; start: number; end: number };

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Compiled<T>[]>();

  add(phrase: string, value: T): void {
    const { tokens } = tokenize(phrase);
    const first = tokens[0];
    if (!first) throw new Error(`phrase-index: empty phrase "${phrase}"`);
    const list = this.byFirst.get(first.folded) ?? [];
    list.push({ tokens, value });
    this.byFirst.set(first.folded, list);
  }

  /** Every match at every position, overlapping ones included; callers decide overlaps. */
  match(text: TokenizedText): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const { tokens } = text;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]?.folded ?? '');
      if (!candidates) continue;
      for (const c of candidates) {
        if (phraseFits(text, i, c.tokens, true)) {
          out.push({ value: c.value, start: i, end: i + c.tokens.length });
        }
      }
    }
    return out;
  }
}

/**
 * Whether `phrase` matches the text's tokens at `at`: equal folded syllables, no sentence
 * break inside, and in `strict` mode the rule of the header (marks equal when the text has
 * marks, capitals kept unless the text has none, a marked one-syllable phrase never matches
 * unmarked text). The query matcher uses it too, so topics and places match alike.
 */
export function phraseFits(
  text: TokenizedText,
  at: number,
  phrase: readonly Token[],
  strict: boolean,
): boolean {
  const { tokens, caseless, unaccented } = text;
  if (at + phrase.length > tokens.length) return false;
  if (strict && unaccented && phrase.length === 1 && !phrase[0]?.plain) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[at + k];
    const p = phrase[k];
    if (!t || !p || t.folded !== p.folded) return false;
    if (k > 0 && t.breakBefore) return false;
    if (!strict) continue;
    if (!unaccented && t.lower !== p.lower) return false;
    if (p.capitalized && !t.capitalized && !caseless) return false;
  }
  return true;
}
