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
 * The only words canonicalToneOfWord can change (NFC): a whole word ending in o/u followed by a
 * toned a, e or y without another mark. Matching just these, instead of every word, keeps the
 * callback off the hot path: most text has no such word.
 */
const TONE_CANDIDATES = /(?<!\p{L})\p{L}*?[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?!\p{L})/gu;

/** The tone-placement step of normalizeText alone, for text already NFC and tidy. */
export function canonicalTones(s: string): string {
  return s.replace(TONE_CANDIDATES, canonicalToneOfWord);
}

/** NFC, canonical tone placement, no control characters, single spaces within lines. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\u00a0/g, ' ')
    .replace(TONE_CANDIDATES, canonicalToneOfWord)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
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
