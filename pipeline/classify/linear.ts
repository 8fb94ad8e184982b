// The score of a linear model on standardised features, shared by the topic model and the tone
// model: bias + Σ weight × (x − mean) / scale. Pure.
export function linearScore(
  weights: readonly number[],
  bias: number,
  mean: readonly number[],
  scale: readonly number[],
  x: readonly number[],
): number {
  let z = bias;
  for (let j = 0; j < x.length; j++) {
    z += (weights[j] ?? 0) * (((x[j] ?? 0) - (mean[j] ?? 0)) / (scale[j] ?? 1));
  }
  return z;
}
