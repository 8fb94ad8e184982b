// normalize.ts finds tone-placement candidates with a character scan instead of one
// lookbehind regex, and skips no-op space replacements (for extraction speed, issue 4). The
// output must stay byte-identical: this test keeps the previous implementation as the
// reference and compares both on real Vietnamese text and on random strings built from the
// characters that matter (NFD marks, both tone placements, đ, qu/gi, control and invisible
// characters, every kind of whitespace, astral letters, lone surrogates).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalTones, normalizeText } from '../../pipeline/normalize.ts';
import { prng } from './prng.ts';

// ---- the reference: normalize.ts as of commit 30b701a, unchanged -------------------------
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\ufeff]/g;

function canonicalToneOfWord(word: string): string {
  const d = word.normalize('NFD');
  const m = /^(.*?)([oOuU])([aAeEyY])([\u0300-\u036f]*)$/u.exec(d);
  if (!m) return word;
  const [, head = '', first = '', second = '', marks = ''] = m;
  const tone = marks.split('').find((c) => TONE_MARKS.test(c));
  if (!tone) return word;
  if ((first === 'u' || first === 'U') && /[qQ]$/.test(head)) return word;
  const rest = marks.replace(tone, '');
  if (rest !== '') return word;
  return (head + first + tone + second).normalize('NFC');
}

const TONE_CANDIDATES = /(?<!\p{L})\p{L}*?[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?!\p{L})/gu;

function refCanonicalTones(s: string): string {
  return s.replace(TONE_CANDIDATES, canonicalToneOfWord);
}

function refNormalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\u00a0/g, ' ')
    .replace(TONE_CANDIDATES, canonicalToneOfWord)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
// -------------------------------------------------------------------------------------------

/** Deterministic PRNG (LCG): the same strings on every run. */

const ALPHABET = [
  ...'oOuUaAeEyYiIqQgGhHkKtTnNxXđĐ',
  ...'àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴòóỏõọùúủũụ',
  ...'ơưâêôƠƯÂÊÔồốổỗộếềểễệ',
  // Combining marks (NFD input), spaces of every kind, line breaks, punctuation.
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u0302',
  '\u031b',
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2003',
  ...".,;:!?-–—'’ʼ`()“”",
  // Invisible and control characters.
  '\u0000',
  '\u0007',
  '\u000b',
  '\u001f',
  '\u007f',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  // Astral letters and symbols, lone surrogates, digits, other scripts.
  '\u{1d400}',
  '\u{20000}',
  '😀',
  '\ud800',
  '\udc00',
  '0',
  '9',
  'ß',
  'Ω',
  'я',
  '中',
];

const WORDS = [
  'hoà',
  'hòa',
  'khoẻ',
  'khỏe',
  'thuỷ',
  'thủy',
  'Uỷ',
  'quý',
  'Quỳnh',
  'thuế',
  'Huế',
  'HOÀ',
  'XOÈ',
  'loà xoà',
  'Thuỵ Điển',
  'gìn giữ',
  'hoàng',
  'thuyết',
  'quá',
  'quả',
  'Đắk R’lấp',
  "K'Ho",
];

function randomStrings(n: number, seed: number): string[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = 1 + Math.floor(r() * 16);
    for (let k = 0; k < len; k++) s += r() < 0.25 ? pick(WORDS) : pick(ALPHABET);
    // Half in NFD: decomposed input is what NFC and the tone step must agree on.
    out.push(r() < 0.5 ? s : s.normalize('NFD'));
  }
  return out;
}

function realTexts(): string[] {
  const file = path.resolve(process.cwd(), '../shared/domain/devset/classify.jsonl');
  if (!existsSync(file)) {
    console.log(`normalize-equivalence: ${file} absent; real texts not compared`);
    return [];
  }
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .flatMap((l) => {
      const o = JSON.parse(l) as { title?: string; sapo?: string; body?: string };
      return [o.title ?? '', o.sapo ?? '', o.body ?? ''];
    })
    .flatMap((t) => [t, t.normalize('NFD')]);
}

function firstDifference(
  texts: readonly string[],
  ours: (s: string) => string,
  ref: (s: string) => string,
): string | null {
  for (const t of texts) if (ours(t) !== ref(t)) return t;
  return null;
}

describe('normalize: fast implementation equals the reference', () => {
  const random = randomStrings(60_000, 20261123);

  it('normalizeText on random strings of the hard characters', () => {
    expect(firstDifference(random, normalizeText, refNormalizeText)).toBeNull();
  });

  it('canonicalTones on random strings, NFC and not', () => {
    expect(firstDifference(random, canonicalTones, refCanonicalTones)).toBeNull();
  });

  it('on real Vietnamese articles (NFC and NFD)', () => {
    const texts = realTexts();
    expect(firstDifference(texts, normalizeText, refNormalizeText)).toBeNull();
    expect(firstDifference(texts, canonicalTones, refCanonicalTones)).toBeNull();
  });

  it('on long joined texts, where candidates sit next to each other', () => {
    const joined = [randomStrings(2_000, 7).join(''), randomStrings(2_000, 8).join('\n')];
    for (const t of joined) {
      expect(normalizeText(t)).toBe(refNormalizeText(t));
      expect(canonicalTones(t)).toBe(refCanonicalTones(t));
    }
  });

  it('the reference itself still does what normalize promises (guards the guard)', () => {
    expect(refNormalizeText('hoà  khoẻ\u00a0thuỷ quý')).toBe('hòa khỏe thủy quý');
    expect(normalizeText('Uỷ ban\u200b  \n  hoà')).toBe('Ủy ban\nhòa');
  });
});
