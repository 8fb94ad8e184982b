// The scores of an evaluation, as pure functions on counts and label lists: binary
// precision/recall/F1, multi-label per-label and micro/macro scores, accuracy with a
// confusion matrix, set overlap (mentions) and pairwise clustering scores.

export type Counts = { tp: number; fp: number; fn: number };

export type Prf = Counts & { p: number; r: number; f1: number };

/**
 * Precision, recall and F1 from counts. An empty denominator scores 1 (nothing predicted, so
 * nothing wrong; nothing to find, so nothing missed), except that F1 is 0 when either side
 * found something the other did not: `prf({tp:0, fp:0, fn:3})` is P 1, R 0, F1 0.
 */
export function prf(c: Counts): Prf {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { ...c, p, r, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

/** Binary scores over (got, want) pairs. */
export function binaryScores(pairs: readonly (readonly [got: boolean, want: boolean])[]): Prf {
  const c = { ...ZERO };
  for (const [got, want] of pairs) {
    if (got && want) c.tp++;
    else if (got) c.fp++;
    else if (want) c.fn++;
  }
  return prf(c);
}

/** Counts of one item's predicted set against its expected set. */
export function setCounts<T>(got: Iterable<T>, want: Iterable<T>): Counts {
  const g = new Set(got);
  const w = new Set(want);
  let tp = 0;
  for (const x of g) if (w.has(x)) tp++;
  return { tp, fp: g.size - tp, fn: w.size - tp };
}

export type LabelScore = Prf & { label: string; support: number };

export type MultiLabelScores = {
  perLabel: LabelScore[];
  micro: Prf;
  /** Mean F1 over the labels that occur in the expected or the predicted sets. */
  macroF1: number;
};

/**
 * Multi-label scores: one binary problem per label. `labels` fixes the output order; labels
 * met in the data but not listed are appended in order of appearance.
 */
export function multiLabelScores(
  items: readonly { got: readonly string[]; want: readonly string[] }[],
  labels: readonly string[] = [],
): MultiLabelScores {
  const order = [...labels];
  const counts = new Map<string, Counts & { support: number }>();
  const slot = (l: string) => {
    let c = counts.get(l);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0, support: 0 };
      counts.set(l, c);
      if (!order.includes(l)) order.push(l);
    }
    return c;
  };
  for (const l of labels) slot(l);
  for (const { got, want } of items) {
    const g = new Set(got);
    const w = new Set(want);
    for (const l of w) slot(l).support++;
    for (const l of new Set([...g, ...w])) {
      const c = slot(l);
      if (g.has(l) && w.has(l)) c.tp++;
      else if (g.has(l)) c.fp++;
      else c.fn++;
    }
  }
  const perLabel = order.map((label) => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0, support: 0 };
    return { label, support: c.support, ...prf(c) };
  });
  const micro = prf(perLabel.reduce<Counts>((a, b) => addCounts(a, b), ZERO));
  const seen = perLabel.filter((s) => s.tp + s.fp + s.fn > 0);
  const macroF1 = seen.length === 0 ? 1 : seen.reduce((a, s) => a + s.f1, 0) / seen.length;
  return { perLabel, micro, macroF1 };
}

export type Confusion = {
  labels: string[];
  /** matrix[i][j]: items expected labels[i] and predicted labels[j]. */
  matrix: number[][];
  accuracy: number;
  n: number;
};

export function confusion(
  items: readonly { got: string; want: string }[],
  labels: readonly string[],
): Confusion {
  const order = [...labels];
  for (const { got, want } of items) {
    for (const l of [want, got]) if (!order.includes(l)) order.push(l);
  }
  const matrix = order.map(() => order.map(() => 0));
  let right = 0;
  for (const { got, want } of items) {
    const row = matrix[order.indexOf(want)];
    const j = order.indexOf(got);
    if (row) row[j] = (row[j] ?? 0) + 1;
    if (got === want) right++;
  }
  return {
    labels: order,
    matrix,
    accuracy: items.length === 0 ? 1 : right / items.length,
    n: items.length,
  };
}

/**
 * Pairwise clustering scores: every unordered pair of items is a positive when both share a
 * group. `want[i]` and `got[i]` are the expected group and the predicted cluster of item i.
 */
export function pairwiseScores(want: readonly string[], got: readonly string[]): Prf {
  if (want.length !== got.length) {
    throw new Error(`eval: pairwise: ${want.length} expected groups for ${got.length} items`);
  }
  // Count through the contingency table rather than over n² pairs.
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const byWant = new Map<string, number>();
  const byGot = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    byWant.set(w, (byWant.get(w) ?? 0) + 1);
    byGot.set(g, (byGot.get(g) ?? 0) + 1);
    const key = JSON.stringify([w, g]);
    byBoth.set(key, (byBoth.get(key) ?? 0) + 1);
  }
  let tp = 0;
  for (const k of byBoth.values()) tp += pairs(k);
  let wantPairs = 0;
  for (const k of byWant.values()) wantPairs += pairs(k);
  let gotPairs = 0;
  for (const k of byGot.values()) gotPairs += pairs(k);
  return prf({ tp, fp: gotPairs - tp, fn: wantPairs - tp });
}
