// Relevance on the public dev set for each profile it covers (lam-dong and gia-lai), with the
// generated profiles. tests/pipeline/classify-devset.test.ts scores the other labels of
// lam-dong; this one adds gia-lai, whose profile is generated too.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, loadTopics } from '../../src/config/load.ts';
import { classify, createClassifyContext } from '../../pipeline/classify/index.ts';
import { TextItem } from '../../src/schema.ts';

const DEVSET = path.resolve(process.cwd(), '../shared/domain/devset/classify.jsonl');
const CONFIG = path.resolve(process.cwd(), 'config');

type Row = { id: string; profile: string; labels: { relevant: boolean } };

describe('relevance on the dev set, per generated profile', () => {
  if (!existsSync(DEVSET)) console.log(`devset-relevance: ${DEVSET} not found; skipped`);
  const rows = existsSync(DEVSET)
    ? readFileSync(DEVSET, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Row & Record<string, unknown>)
    : [];

  it.runIf(existsSync(DEVSET)).each([
    ['lam-dong', 0.95],
    ['gia-lai', 0.95],
  ])('%s: relevance F1 ≥ %s', (id, floor) => {
    const ctx = createClassifyContext(loadProfile(CONFIG, id), loadTopics(CONFIG));
    const mine = rows.filter((r) => r.profile === id);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const row of mine) {
      const got = classify(TextItem.parse(row), ctx).relevant;
      const want = row.labels.relevant;
      if (got && want) tp++;
      else if (got) fp++;
      else if (want) fn++;
      if (got !== want) wrong.push(`${row.id} (${want ? 'missed' : 'false alarm'})`);
    }
    const p = tp + fp === 0 ? 1 : tp / (tp + fp);
    const r = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(
      `relevance ${id}, n=${mine.length}: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)}` +
        (wrong.length > 0 ? `; wrong: ${wrong.join(', ')}` : ''),
    );
    expect(mine.length).toBeGreaterThan(10);
    expect(f1).toBeGreaterThanOrEqual(floor);
  });
});
