import { describe, expect, it } from 'vitest';
import { fold, normalizeText, syllables } from '../../pipeline/normalize.ts';

describe('normalizeText', () => {
  it('composes decomposed (NFD) text into NFC', () => {
    const nfd = 'Lâm Đồng'.normalize('NFD');
    expect(nfd).not.toBe('Lâm Đồng');
    expect(normalizeText(nfd)).toBe('Lâm Đồng');
  });

  it('puts the tone mark of oa, oe, uy on one vowel', () => {
    expect(normalizeText('hoà bình')).toBe('hòa bình');
    expect(normalizeText('sức khoẻ')).toBe('sức khỏe');
    expect(normalizeText('thuỷ điện')).toBe('thủy điện');
    expect(normalizeText('Uỷ ban')).toBe('Ủy ban');
    // "qu" is a consonant: quý keeps its mark where it is.
    expect(normalizeText('quý, Quỳnh')).toBe('quý, Quỳnh');
    // uê is not oa/oe/uy: the mark belongs on ê.
    expect(normalizeText('thuế, Huế, trí tuệ')).toBe('thuế, Huế, trí tuệ');
    // Closed syllables already have one placement.
    expect(normalizeText('hoàng, thuyết')).toBe('hoàng, thuyết');
  });

  it('drops invisible characters and tidies spaces, keeping line breaks', () => {
    expect(normalizeText('\ufeffĐà\u00a0Lạt\u200b  mùa   hoa\n  dã quỳ ')).toBe(
      'Đà Lạt mùa hoa\ndã quỳ',
    );
  });
});

describe('fold', () => {
  it('strips every diacritic, maps đ to d and lowercases', () => {
    expect(fold('ĐẮK NÔNG')).toBe('dak nong');
    expect(fold('Bảo Lộc')).toBe('bao loc');
    expect(fold('Phan Thiết')).toBe(fold('phan thiet'));
  });

  it('gives the same form for NFC, NFD and either tone placement', () => {
    expect(fold('hoà'.normalize('NFD'))).toBe(fold('hòa'));
  });
});

describe('syllables', () => {
  it('cuts on spaces and punctuation, never inside a syllable', () => {
    expect(syllables('Nông nghiệp, Đắk Nông.')).toEqual(['nong', 'nghiep', 'dak', 'nong']);
  });

  it("joins ethnic names written with an inner apostrophe: K'Ho, M'Nông", () => {
    expect(syllables("người K'Ho và M’Nông")).toEqual(['nguoi', 'kho', 'va', 'mnong']);
  });

  it('keeps numbers as tokens', () => {
    expect(syllables('Quốc lộ 20, km 123+500')).toEqual(['quoc', 'lo', '20', 'km', '123', '500']);
  });
});
