// The fast tokenizer (one scan of character codes, a memo per chunk) must give exactly what the
// straightforward definition gives: normalizeText, drop inner apostrophes, cut into words, fold
// each word. The reference below is that definition, kept here as the specification.
import { describe, expect, it } from 'vitest';
import { tokenize, type Token, type TokenizedText } from '../../pipeline/classify/phrase-index.ts';
import { fold, normalizeText, syllables } from '../../pipeline/normalize.ts';

const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`](?=\p{L})/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_BREAK = /[.,;:!?()[\]{}“”"«»…\n]/;

function referenceToken(raw: string, breakBefore: boolean, joinedBefore: boolean): Token[] {
  const lower = raw.toLowerCase();
  const parts = syllables(raw);
  const capitalized = raw.charAt(0) !== raw.charAt(0).toLowerCase();
  if (parts.length !== 1) {
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

function referenceTokenize(text: string): TokenizedText {
  const t = normalizeText(text).replace(INNER_APOSTROPHE, '');
  const tokens: Token[] = [];
  let last = 0;
  for (const m of t.matchAll(WORD)) {
    const gap = t.slice(last, m.index);
    const first = tokens.length === 0;
    tokens.push(
      ...referenceToken(m[0], !first && SENTENCE_BREAK.test(gap), !first && /^ +$/.test(gap)),
    );
    last = m.index + m[0].length;
  }
  const words = tokens.filter((tk) => /\p{L}/u.test(tk.lower));
  const marked = words.filter((tk) => !tk.plain).length;
  return {
    tokens,
    caseless: !/\p{Lu}/u.test(t),
    mixedCase: /\p{Ll}/u.test(t) && /\p{Lu}/u.test(t),
    unaccented: marked < 0.2 * words.length || words.length === 0,
  };
}

const TRICKY = [
  "người K'Ho và M’Nông, Đắk R'lấp; Kơ Ho",
  "a'b 'c' d'' ''e f`g hʼi jʼʼk ʼl mʼ 5'6 x'7 8'y",
  '\ufeffĐà\u00a0Lạt\u200b  mùa   hoa\n  dã quỳ ',
  'ab\u00adcd e\u200bf x\u200b\u0301y',
  'hoà bình, khoẻ, thuỷ, Uỷ ban, quý Quỳnh, thuế Huế',
  `${'Lâm Đồng'.normalize('NFD')} ${'hoà'.normalize('NFD')}`,
  'a\tb \t c\r\nd \n e x\u2003y\u3000z',
  '𝐀𝐁 Đà 𝐂 😀Lạt😀 a😀b',
  'hoà\u0301 x\u0301 \u0301đầu "trích" (ngoặc) «x» … y',
  'TIÊU ĐỀ VIẾT HOA LÂM ĐỒNG',
  'khong dau lam dong da lat',
  '',
  '  .,; ',
  'Ⅻ ² ½ ٣ x² ǅemal İstanbul ß ﬁ Ａ',
];

describe('tokenize: the fast scan equals the reference definition', () => {
  it('on tricky texts: apostrophes, invisible characters, NFD, spaces, astral letters', () => {
    for (const text of TRICKY) expect(tokenize(text), text).toEqual(referenceTokenize(text));
  });

  it('on seeded random texts over Vietnamese letters, marks, spaces and punctuation', () => {
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạòóỏõọùúủũụỳýỷỹỵ0123456789',
      ...'   \n\t.,;:!?\'’ʼ`"()«»…-/+\r',
      '\u00a0',
      '\u200b',
      '\u00ad',
      '\u0300',
      '\u0301',
      '\u0323',
      '😀',
      '𝐀',
    ];
    let seed = 12345;
    const rand = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(rand() * 40);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      // Twice: the second call answers from the chunk memo.
      expect(tokenize(text), JSON.stringify(text)).toEqual(referenceTokenize(text));
      expect(tokenize(text), JSON.stringify(text)).toEqual(referenceTokenize(text));
    }
  });
});
