// normalize: the Vietnamese text forms every later stage works on.
// - `normalizeText`: what we store and show: NFC, tone marks in one placement, tidy spaces.
// - `fold`: what we match on: no diacritics, đ→d, lowercase, collapsed whitespace.
// - `syllables`: the folded text cut at syllable boundaries (Vietnamese writes one syllable
//   per space-separated token), so phrases are syllable sequences and "Nông" can never be
//   found inside "nông nghiệp" as part of "Đắk Nông" by substring accident.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const COMBINING = /[\u0300-\u036f]/g;
// Apostrophes inside ethnic-minority names (K'Ho, M'Nông, Đắk R'lấp) vary across outlets
// ("Kơ Ho", "Mnông", "Rlấp"); dropping them makes those spellings fold to one syllable.
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`](?=\p{L})/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Control characters (not tab and newline), soft hyphen, zero-width spaces, BOM. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\ufeff]/g;

/**
 * Moves a tone mark written on the second vowel of an open "oa", "oe" or "uy" syllable to the
 * first one (hoà → hòa, khoẻ → khỏe, thuỷ → thủy, uỷ → ủy). Both placements are correct
 * Vietnamese and both appear in the press; one placement makes equal words equal strings.
 * "qu" is a consonant, so quý and quỳnh keep their mark.
 */
function canonicalToneOfWord(word: string): string {
  const d = word.normalize('NFD');
  const m = /^(.*?)([oOuU])([aAeEyY])([\u0300-\u036f]*)$/u.exec(d);
  if (!m) return word;
  const [, head = '', first = '', second = '', marks = ''] = m;
  const tone = marks.split('').find((c) => TONE_MARKS.test(c));
  if (!tone) return word;
  if ((first === 'u' || first === 'U') && /[qQ]$/.test(head)) return word;
  // A second vowel with a mark of its own is another vowel (uê in thuế, Huế): the tone
  // stays on it; only plain oa/oe/uy have two placements.
  const rest = marks.replace(tone, '');
  if (rest !== '') return word;
  return (head + first + tone + second).normalize('NFC');
}

/**
 * The only words canonicalToneOfWord can change (NFC): a whole word (a maximal run of
 * letters, \p{L}) ending in o/u followed by a toned a, e or y without another mark. They are
 * found from that two-letter ending: a plain character-class scan, then the letter tests and
 * the walk back to the word's start done by hand. The equivalent single regex,
 * /(?<!\p{L})\p{L}*?[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?!\p{L})/gu, retries its
 * lazy word scan at every word start and was most of normalizeText's time (about 30x slower
 * on article text); tests/pipeline/normalize-equivalence.test.ts checks both agree.
 */
const TONE_ENDING = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/g;
const LETTER = /\p{L}/u;
/** Per BMP code unit: 0 not yet known, 1 a letter (\p{L}), 2 not a letter. */
const LETTER_BMP = new Uint8Array(0x10000);

function isLetterCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  let k = LETTER_BMP[cp] ?? 0;
  if (k === 0) {
    // A lone surrogate is no letter (String.fromCharCode gives the lone unit, as the regex sees it).
    k = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
    LETTER_BMP[cp] = k;
  }
  return k === 1;
}

/** Whether the code point starting at index i is a letter (false past the end). */
function letterAt(s: string, i: number): boolean {
  return i < s.length && isLetterCode(s.codePointAt(i) ?? 0);
}

/** Index where the run of letters ending just before `end` starts (surrogate pairs whole). */
function wordStart(s: string, end: number): number {
  let i = end;
  while (i > 0) {
    const lo = s.charCodeAt(i - 1);
    let width = 1;
    let cp = lo;
    if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
      const hi = s.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        cp = ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (!isLetterCode(cp)) break;
    i -= width;
  }
  return i;
}

/** The tone-placement step of normalizeText alone, for text already NFC and tidy. */
export function canonicalTones(s: string): string {
  TONE_ENDING.lastIndex = 0;
  let m = TONE_ENDING.exec(s);
  if (m === null) return s;
  let out = '';
  let pos = 0;
  for (; m !== null; m = TONE_ENDING.exec(s)) {
    const end = m.index + 2;
    if (letterAt(s, end)) continue; // not the end of the word
    const start = wordStart(s, m.index);
    const word = s.slice(start, end);
    const fixed = canonicalToneOfWord(word);
    if (fixed === word) continue;
    out += s.slice(pos, start) + fixed;
    pos = end;
  }
  return pos === 0 ? s : out + s.slice(pos);
}

/**
 * Runs of spaces and tabs other than a single space (which `[ \t]+` → ' ' would leave as it
 * is): replacing only these gives the same string without a match per word.
 */
const SPACE_RUN = / [ \t]+|\t[ \t]*/g;
/** ` *\n *` less its matches that are a bare newline (replaced by itself). */
const SPACES_AT_NEWLINE = / +\n *|\n +/g;

/** NFC, canonical tone placement, no control characters, single spaces within lines. */
export function normalizeText(s: string): string {
  return canonicalTones(
    s
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(/\u00a0/g, ' '),
  )
    .replace(SPACE_RUN, ' ')
    .replace(SPACES_AT_NEWLINE, '\n')
    .trim();
}

/** The matching form: no diacritics, đ→d, lowercase, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded syllables: tokens of letters and digits; punctuation and spaces separate them. */
export function syllables(s: string): string[] {
  const folded = fold(s).replace(INNER_APOSTROPHE, '');
  return folded.split(NON_WORD).filter((t) => t.length > 0);
}
