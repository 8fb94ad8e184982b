// Tone of posts typed without diacritics: a one-syllable cue with marks ("đẹp", "buồn") is
// ambiguous there ("dep" may be dép or dẹp) and matches only next to a degree word.
import { describe, expect, it } from 'vitest';
import { compileTone, scoreTone } from '../../pipeline/classify/tone.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';

const tone = compileTone();
const score = (body: string, title = '') =>
  scoreTone(tokenizeDoc({ title, sapo: '', body }), tone, {
    misinformation: false,
    sourceCategory: 'social',
  });

describe('tone: one-syllable cues in text without diacritics', () => {
  it('praise with a degree word counts; the bare syllable does not', () => {
    const bare = score('hom qua di cho mua doi dep cho con, ve nha thay dep qua troi nen vui');
    expect(bare.positive).toBeGreaterThan(0);
    expect(score('hom qua di cho mua doi dep cho con').positive).toBe(0);
  });

  it('a travel post with plain praise is positive', () => {
    expect(
      score(
        'Cuoi tuan len Da Lat, troi mat, ho Tuyen Lam dep lam. Homestay sach se, chu nha hieu khach, an uong ngon lam.',
      ).tone,
    ).toBe('positive');
  });

  it('complaint with a degree word counts as harm', () => {
    expect(score('mat dien ca ngay, buon qua ae oi').negative).toBeGreaterThan(0);
  });

  it('in text with marks a degree phrase weighs what its two words weighed apart', () => {
    // "rất" (×1.5) before "đẹp" (1): 1.5 in the body, as before the phrase existed.
    // (A title makes the body a body: in a headless post its opening weighs as a lead.)
    expect(score('Hồ Tuyền Lâm mùa này rất đẹp.', 'Mùa thu Đà Lạt').positive).toBe(1.5);
    expect(score('Hồ Tuyền Lâm mùa này đẹp lắm.', 'Mùa thu Đà Lạt').positive).toBeCloseTo(1.3);
    // a marked text never reads "dép" as "đẹp", degree word or not
    expect(score('Đôi dép này rẻ quá.').positive).toBe(0);
  });
});
