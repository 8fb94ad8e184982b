import { describe, expect, it } from 'vitest';
import {
  binaryScores,
  confusion,
  multiLabelScores,
  pairwiseScores,
  prf,
  setCounts,
} from '../../src/eval/metrics.ts';

describe('eval metrics: precision, recall, F1', () => {
  it('computes P/R/F1 from counts', () => {
    const s = prf({ tp: 3, fp: 1, fn: 2 });
    expect(s.p).toBeCloseTo(0.75);
    expect(s.r).toBeCloseTo(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });

  it('scores empty sides: nothing predicted and nothing expected is perfect; a miss is F1 0', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    const missed = prf({ tp: 0, fp: 0, fn: 3 });
    expect([missed.p, missed.r, missed.f1]).toEqual([1, 0, 0]);
  });

  it('counts binary outcomes', () => {
    const s = binaryScores([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
      [true, true],
    ]);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 1]);
  });

  it('counts set overlap without duplicates', () => {
    expect(setCounts(['Đà Lạt', 'Đà Lạt', 'Bảo Lộc'], ['Đà Lạt', 'Lâm Đồng'])).toEqual({
      tp: 1,
      fp: 1,
      fn: 1,
    });
  });
});

describe('eval metrics: multi-label', () => {
  const items = [
    { got: ['a', 'b'], want: ['a'] },
    { got: [], want: ['b'] },
    { got: ['a'], want: ['a', 'c'] },
  ];

  it('gives per-label scores with support, in the given order', () => {
    const s = multiLabelScores(items, ['c', 'a', 'b', 'd']);
    expect(s.perLabel.map((l) => [l.label, l.support, l.tp, l.fp, l.fn])).toEqual([
      ['c', 1, 0, 0, 1],
      ['a', 2, 2, 0, 0],
      ['b', 1, 0, 1, 1],
      ['d', 0, 0, 0, 0],
    ]);
  });

  it('micro-averages counts and macro-averages F1 over labels seen', () => {
    const s = multiLabelScores(items, ['a', 'b', 'c', 'd']);
    expect([s.micro.tp, s.micro.fp, s.micro.fn]).toEqual([2, 1, 2]);
    // a: F1 1; b: 0; c: 0; d never seen, left out.
    expect(s.macroF1).toBeCloseTo(1 / 3);
  });
});

describe('eval metrics: confusion matrix', () => {
  it('counts expected rows against predicted columns and the accuracy', () => {
    const c = confusion(
      [
        { want: 'positive', got: 'positive' },
        { want: 'positive', got: 'neutral' },
        { want: 'negative', got: 'negative' },
        { want: 'neutral', got: 'negative' },
      ],
      ['positive', 'neutral', 'negative'],
    );
    expect(c.matrix).toEqual([
      [1, 1, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(c.accuracy).toBe(0.5);
    expect(c.n).toBe(4);
  });
});

describe('eval metrics: pairwise clustering', () => {
  it('scores pairs of items put together', () => {
    // Truth: {1,2,3} {4}; predicted: {1,2} {3,4}.
    const s = pairwiseScores(['g1', 'g1', 'g1', 'g2'], ['s1', 's1', 's2', 's2']);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 1, 2]);
  });

  it('is perfect on identical partitions whatever the names', () => {
    expect(pairwiseScores(['a', 'a', 'b'], ['x', 'x', 'y']).f1).toBe(1);
  });

  it('refuses lists of different lengths', () => {
    expect(() => pairwiseScores(['a'], ['a', 'b'])).toThrow(/eval: pairwise/);
  });
});
