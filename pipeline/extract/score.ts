// How an extraction is scored against a reference (gold fixtures, real pages, the bench).
// Pure; used by tests/pipeline/extract-eval.test.ts and bench/extract.ts, never by extract.
//
// Tokens: the text through normalizeText (NFC, canonical tone placement: "hoá" and "hóa" are
// one spelling), lowercased, split into syllables = maximal runs of letters and digits
// (diacritics kept: "bão" and "báo" are different tokens). Punctuation and spaces separate.
// Body F1 compares the two token multisets (bag of syllables), as the Zyte/Fundus article
// extraction benchmarks do with words.
import { normalizeText } from '../normalize.ts';

export function tokens(text: string): string[] {
  return (
    normalizeText(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export interface F1 {
  precision: number;
  recall: number;
  f1: number;
}

/** Token precision/recall/F1 of `got` against `want`, as multisets. Both empty: 1. */
export function tokenF1(got: string, want: string): F1 {
  const a = tokens(got);
  const b = tokens(want);
  if (a.length === 0 && b.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = left.get(t) ?? 0;
    if (n > 0) {
      common++;
      left.set(t, n - 1);
    }
  }
  const precision = a.length ? common / a.length : 0;
  const recall = b.length ? common / b.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Titles are equal when their normalized forms are (NFC, tone placement, spaces). */
export function sameTitle(got: string | null | undefined, want: string): boolean {
  return got !== null && got !== undefined && normalizeText(got) === normalizeText(want);
}

/**
 * Dates are equal at the precision of the reference: both as ISO 8601 with an offset (the
 * same instant), compared to the minute when the reference prints no seconds.
 */
export function sameDate(
  got: string | null | undefined,
  want: string,
  minuteOnly: boolean,
): boolean {
  if (!got) return false;
  const g = Date.parse(got);
  const w = Date.parse(want);
  if (Number.isNaN(g) || Number.isNaN(w)) return false;
  return minuteOnly ? Math.floor(g / 60_000) === Math.floor(w / 60_000) : g === w;
}
