// Sensitivity (taxonomy §4) and its reasons.
import { describe, expect, it } from 'vitest';
import {
  REACH_SPIKE,
  sensitivityOf,
  type SensitivityInput,
} from '../../pipeline/classify/sensitivity.ts';
import { SENSITIVE_TOPICS } from '../../src/schema.ts';

const base: SensitivityInput = {
  relevant: true,
  topics: [],
  tone: 'negative',
  sourceCategory: 'provincial-press',
  sensitiveTopics: new Set(SENSITIVE_TOPICS),
};
const of = (x: Partial<SensitivityInput>) => sensitivityOf({ ...base, ...x });

describe('sensitivity', () => {
  it('a sensitive topic with negative tone, one reason per topic, in topic order', () => {
    const s = of({ topics: ['dan-toc', 'an-ninh-trat-tu', 'ton-giao'] });
    expect(s).toEqual({
      sensitive: true,
      reasons: ['sensitive-topic-negative:dan-toc', 'sensitive-topic-negative:ton-giao'],
    });
  });

  it('negative coverage from a foreign Vietnamese-language outlet, whatever the topic', () => {
    expect(
      of({ topics: ['du-lich-van-hoa'], sourceCategory: 'foreign-vietnamese' }).reasons,
    ).toEqual(['foreign-vietnamese-negative']);
    expect(of({ topics: ['nhan-quyen'], sourceCategory: 'foreign-vietnamese' }).reasons).toEqual([
      'sensitive-topic-negative:nhan-quyen',
      'foreign-vietnamese-negative',
    ]);
  });

  it('not for a non-sensitive topic, nor for neutral or positive tone', () => {
    expect(of({ topics: ['an-ninh-trat-tu'] }).sensitive).toBe(false);
    expect(of({ topics: ['bien-gioi'], tone: 'positive' })).toEqual({
      sensitive: false,
      reasons: [],
    });
    expect(
      of({ topics: ['thong-tin-sai-lech'], tone: 'neutral', sourceCategory: 'foreign-vietnamese' })
        .sensitive,
    ).toBe(false);
  });

  it('a story whose reach spikes, when the clusters are known', () => {
    expect(of({ tone: 'neutral', reach: REACH_SPIKE }).reasons).toEqual(['reach-spike']);
    expect(of({ tone: 'neutral', reach: REACH_SPIKE - 1 }).sensitive).toBe(false);
    expect(of({ tone: 'neutral', reach: 3, reachSpike: 3 }).reasons).toEqual(['reach-spike']);
    expect(of({ topics: ['bien-dao'], reach: 9 }).reasons).toEqual([
      'sensitive-topic-negative:bien-dao',
      'reach-spike',
    ]);
  });

  it('never for coverage that is not about the province', () => {
    expect(
      of({
        relevant: false,
        topics: ['nhan-quyen'],
        sourceCategory: 'foreign-vietnamese',
        reach: 20,
      }),
    ).toEqual({ sensitive: false, reasons: [] });
  });
});
