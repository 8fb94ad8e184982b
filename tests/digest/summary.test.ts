import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_WORDS, splitSentences, summarize } from '../../src/digest/summary.ts';

describe('summarize', () => {
  it('prefers the sapo', () => {
    expect(summarize('Sapo của bài.', 'Thân bài. Câu hai.')).toBe('Sapo của bài.');
  });

  it('falls back to at most three sentences of the body', () => {
    const body = 'Câu một ở Đà Lạt. Câu hai ở Bảo Lộc!\n\nCâu ba ở Gia Nghĩa? Câu bốn không lấy.';
    expect(summarize('', body)).toBe('Câu một ở Đà Lạt. Câu hai ở Bảo Lộc! Câu ba ở Gia Nghĩa?');
  });

  it('stops on a sentence boundary before the word budget', () => {
    const long = `Chữ ${Array.from({ length: 60 }, () => 'chữ').join(' ')}.`;
    const out = summarize('', `Câu ngắn đầu tiên. ${long} Câu cuối.`);
    expect(out).toBe('Câu ngắn đầu tiên.');
  });

  it('cuts a first sentence longer than the budget on a word, with an ellipsis', () => {
    const words = Array.from({ length: 90 }, (_, i) => `từ${i}`);
    const out = summarize(`${words.join(' ')}.`, '');
    expect(out.endsWith('…')).toBe(true);
    expect(out.split(' ')).toHaveLength(SUMMARY_MAX_WORDS);
  });

  it('returns NFC text even from decomposed input', () => {
    const nfd = 'Lâm Đồng đón khách.'.normalize('NFD');
    expect(summarize(nfd, '')).toBe('Lâm Đồng đón khách.');
  });

  it('returns an empty string when the article has no text', () => {
    expect(summarize('', '')).toBe('');
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations or initials', () => {
    expect(
      splitSentences('UBND TP. Đà Lạt họp. PGS.TS. Nguyễn Văn A phát biểu. Ông Nguyễn V. Bình dự.'),
    ).toEqual([
      'UBND TP. Đà Lạt họp.',
      'PGS.TS. Nguyễn Văn A phát biểu.',
      'Ông Nguyễn V. Bình dự.',
    ]);
  });

  it('does not split inside numbers', () => {
    expect(splitSentences('Vốn 8.500 tỷ đồng. Tăng 3,5%.')).toEqual([
      'Vốn 8.500 tỷ đồng.',
      'Tăng 3,5%.',
    ]);
  });
});
