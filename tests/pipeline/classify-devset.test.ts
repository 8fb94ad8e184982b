// Measures classify on the public dev set (shared/domain/devset/classify.jsonl, profile
// lam-dong) and prints the figures. The rules are general (taxonomy + coverage language), not
// fitted item by item; a held-out set checks them later. The floors below are sanity floors
// only: far under the measured values, they catch a broken matcher, not a small regression.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, loadTopics } from '../../src/config/load.ts';
import { classify, createClassifyContext } from '../../pipeline/classify/index.ts';
import { TextItem, type Tone, type TopicId } from '../../src/schema.ts';

const DEVSET = path.resolve(process.cwd(), '../shared/domain/devset/classify.jsonl');
const CONFIG = path.resolve(process.cwd(), 'config');

type Labels = { relevant: boolean; topics: TopicId[]; tone: Tone; sensitive: boolean };

const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

describe('classify on the dev set (lam-dong)', () => {
  if (!existsSync(DEVSET)) {
    console.log(`classify-devset: ${DEVSET} not found; measurement skipped`);
  }
  it.runIf(existsSync(DEVSET))('prints relevance, topic, tone and sensitivity figures', () => {
    const ctx = createClassifyContext(loadProfile(CONFIG, 'lam-dong'), loadTopics(CONFIG));
    const rows = readFileSync(DEVSET, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { profile: string; labels: Labels } & Record<string, unknown>)
      .filter((r) => r.profile === 'lam-dong');
    const c = { rel: [0, 0, 0], top: [0, 0, 0], sen: [0, 0, 0], tone: 0 };
    const count = (k: 'rel' | 'top' | 'sen', got: boolean, want: boolean) => {
      const i = got && want ? 0 : got ? 1 : want ? 2 : -1;
      if (i >= 0) c[k][i]! += 1;
    };
    for (const row of rows) {
      const out = classify(TextItem.parse(row), ctx);
      const want = row.labels;
      count('rel', out.relevant, want.relevant);
      count('sen', out.sensitive, want.sensitive);
      for (const t of new Set([...out.topics, ...want.topics])) {
        count('top', out.topics.includes(t), want.topics.includes(t));
      }
      if (out.tone === want.tone) c.tone += 1;
    }
    const [rel, top, sen] = (['rel', 'top', 'sen'] as const).map((k) =>
      f1(c[k][0]!, c[k][1]!, c[k][2]!),
    );
    const toneAcc = c.tone / rows.length;
    const pct = (x: number) => x.toFixed(3);
    console.log(
      [
        `classify dev set, profile lam-dong, n=${rows.length}`,
        `  relevance  P=${pct(rel!.p)} R=${pct(rel!.r)} F1=${pct(rel!.f1)}`,
        `  topics     micro P=${pct(top!.p)} R=${pct(top!.r)} F1=${pct(top!.f1)}`,
        `  tone       accuracy=${pct(toneAcc)}`,
        `  sensitive  P=${pct(sen!.p)} R=${pct(sen!.r)} F1=${pct(sen!.f1)}`,
      ].join('\n'),
    );
    expect(rows.length).toBeGreaterThan(30);
    // Sanity floors (see the header): a broken stage falls far below these.
    expect(rel!.f1).toBeGreaterThan(0.8);
    expect(top!.f1).toBeGreaterThan(0.6);
    expect(toneAcc).toBeGreaterThan(0.6);
    expect(sen!.f1).toBeGreaterThan(0.5);
  });
});
