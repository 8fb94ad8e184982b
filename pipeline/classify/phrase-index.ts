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
import { fold, normalizeText, syllables } from '../normalize.ts';

export type Token = {
  /** The folded syllable, as `syllables()` gives it. */
  folded: string;
  /** NFC, canonical tone placement, lowercase. */
  lower: string;
  capitalized: boolean;
  /** Written without any diacritic (also true for digits and Latin words). */
  plain: boolean;
  /** Sentence punctuation (. , ; : ! ? brackets, quotes, line break) precedes this token. */
  breakBefore: boolean;
  /** Only spaces separate this token from the previous one (no hyphen, slash or dash). */
  joinedBefore: boolean;
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
const SENTENCE_BREAK = /[.,;:!?()[\]{}“”"«»…\n]/;
/** Below this share of marked syllables a text counts as typed without diacritics. */
const ACCENTED_SHARE = 0.2;

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

/** Cuts a text into tokens aligned with `syllables()`, keeping what the matcher checks. */
export function tokenize(text: string): TokenizedText {
  const t = normalizeText(text).replace(INNER_APOSTROPHE, '');
  const tokens: Token[] = [];
  let last = 0;
  for (const m of t.matchAll(WORD)) {
    const gap = t.slice(last, m.index);
    const first = tokens.length === 0;
    tokens.push(...makeToken(m[0], !first && SENTENCE_BREAK.test(gap), !first && /^ +$/.test(gap)));
    last = m.index + m[0].length;
  }
  const words = tokens.filter((tk) => /\p{L}/u.test(tk.lower));
  const marked = words.filter((tk) => !tk.plain).length;
  return {
    tokens,
    caseless: !/\p{Lu}/u.test(t),
    mixedCase: /\p{Ll}/u.test(t) && /\p{Lu}/u.test(t),
    unaccented: marked < ACCENTED_SHARE * words.length || words.length === 0,
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
    const { tokens, caseless } = text;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]?.folded ?? '');
      if (!candidates) continue;
      for (const c of candidates) {
        if (this.fits(tokens, i, c.tokens, caseless, text.unaccented)) {
          out.push({ value: c.value, start: i, end: i + c.tokens.length });
        }
      }
    }
    return out;
  }

  private fits(
    tokens: Token[],
    at: number,
    phrase: Token[],
    caseless: boolean,
    unaccented: boolean,
  ): boolean {
    if (at + phrase.length > tokens.length) return false;
    if (unaccented && phrase.length === 1 && !phrase[0]?.plain) return false;
    for (let k = 0; k < phrase.length; k++) {
      const t = tokens[at + k];
      const p = phrase[k];
      if (!t || !p || t.folded !== p.folded) return false;
      if (k > 0 && t.breakBefore) return false;
      if (!unaccented && t.lower !== p.lower) return false;
      if (p.capitalized && !t.capitalized && !caseless) return false;
    }
    return true;
  }
}
