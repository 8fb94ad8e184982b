// A linear classifier trained the plain way: features standardised, softmax over the classes,
// L2-regularised, full-batch gradient descent from zero. Deterministic: the same rows give the
// same weights. Used for the topic model (2 classes: side subject, about) and the tone model
// (positive, neutral, negative). Pure.

export type LinearRow = { x: readonly number[]; y: number };

export type LinearOptions = {
  /** L2 weight (default 0.01). */
  lambda?: number;
  /** Gradient steps (default 3000). */
  iterations?: number;
  /** Step size (default 0.1). */
  rate?: number;
  /** Features left unscaled (0/1 indicators that act as per-class biases). */
  unscaled?: (j: number) => boolean;
};

export type LinearModel = {
  mean: number[];
  scale: number[];
  /** weights[class][feature] on the standardised features. */
  weights: number[][];
  bias: number[];
};

export function trainLinear(
  rows: readonly LinearRow[],
  classes: number,
  opts: LinearOptions = {},
): LinearModel {
  if (rows.length === 0) throw new Error('train: no rows to learn from');
  const lambda = opts.lambda ?? 0.01;
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.1;
  const d = rows[0]?.x.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    if (opts.unscaled?.(j)) continue;
    const m = rows.reduce((a, r) => a + (r.x[j] ?? 0), 0) / rows.length;
    const v = rows.reduce((a, r) => a + ((r.x[j] ?? 0) - m) ** 2, 0) / rows.length;
    mean[j] = m;
    scale[j] = Math.sqrt(v) || 1;
  }
  const z = rows.map((r) => r.x.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const weights = Array.from({ length: classes }, () => new Array<number>(d).fill(0));
  const bias = new Array<number>(classes).fill(0);
  const p = new Array<number>(classes).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = Array.from({ length: classes }, () => new Array<number>(d).fill(0));
    const gradBias = new Array<number>(classes).fill(0);
    for (let n = 0; n < z.length; n++) {
      const x = z[n] ?? [];
      softmaxInto(weights, bias, x, p);
      for (let k = 0; k < classes; k++) {
        const err = (p[k] ?? 0) - (rows[n]?.y === k ? 1 : 0);
        gradBias[k] = (gradBias[k] ?? 0) + err;
        const g = grad[k] ?? [];
        for (let j = 0; j < d; j++) g[j] = (g[j] ?? 0) + err * (x[j] ?? 0);
      }
    }
    for (let k = 0; k < classes; k++) {
      const w = weights[k] ?? [];
      const g = grad[k] ?? [];
      for (let j = 0; j < d; j++) {
        w[j] = (w[j] ?? 0) - rate * ((g[j] ?? 0) / z.length + lambda * (w[j] ?? 0));
      }
      bias[k] = (bias[k] ?? 0) - (rate * (gradBias[k] ?? 0)) / z.length;
    }
  }
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map((w) => w.map(round)),
    bias: bias.map(round),
  };
}

function softmaxInto(
  weights: readonly (readonly number[])[],
  bias: readonly number[],
  x: readonly number[],
  out: number[],
): void {
  let max = -Infinity;
  for (let k = 0; k < weights.length; k++) {
    let s = bias[k] ?? 0;
    const w = weights[k] ?? [];
    for (let j = 0; j < x.length; j++) s += (w[j] ?? 0) * (x[j] ?? 0);
    out[k] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let k = 0; k < weights.length; k++) {
    out[k] = Math.exp((out[k] ?? 0) - max);
    sum += out[k] ?? 0;
  }
  for (let k = 0; k < weights.length; k++) out[k] = (out[k] ?? 0) / sum;
}
