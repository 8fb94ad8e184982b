// Runs `diemtin eval`'s runEval on every labelled set we have and prints one table: the
// shared dev set, our held-out sets (tests/fixtures/eval/README.md says how each was written
// and which have been used for analysis), and the blind labels on real press items joined to
// ../shared/data/news_stream. The floors are sanity floors under the measured figures: they
// catch a broken stage or a rule change that wrecks one set, not a small regression; the
// figures themselves are reported in the README.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifyContext } from '../../pipeline/classify/index.ts';
import { loadProfile, loadTopics } from '../../src/config/load.ts';
import { readLabelledFile, textResolver } from '../../src/cli/io.ts';
import { runEval, type EvalReport } from '../../src/eval/run.ts';

const ROOT = process.cwd();
const CONFIG = path.join(ROOT, 'config');
const EVAL = path.join(ROOT, 'tests/fixtures/eval');
const SHARED = path.resolve(ROOT, '../shared');
const STREAMS = path.join(SHARED, 'data/news_stream');

type Floors = {
  relevance?: number;
  topics: number;
  tone: number;
  sensitive?: number;
  stories?: number;
};
type SetDef = { name: string; set: string; stories?: string; texts?: string; floors: Floors };

/** Held-out set n (tests/fixtures/eval/heldout{n}-classify.jsonl; set 1 has no number), with
 * its stories file when the floors score stories. */
function heldout(n: number, floors: Floors): SetDef {
  const file = (kind: string) => path.join(EVAL, `heldout${n === 1 ? '' : n}-${kind}.jsonl`);
  return {
    name: `held-out ${n}`,
    set: file('classify'),
    ...(floors.stories === undefined ? {} : { stories: file('stories') }),
    floors,
  };
}

const SETS: SetDef[] = [
  {
    name: 'dev',
    set: path.join(SHARED, 'domain/devset/classify.jsonl'),
    stories: path.join(SHARED, 'domain/devset/stories.jsonl'),
    floors: { relevance: 0.95, topics: 0.85, tone: 0.85, sensitive: 0.8, stories: 0.95 },
  },
  heldout(1, { relevance: 0.95, topics: 0.85, tone: 0.75, sensitive: 0.8, stories: 0.95 }),
  heldout(2, { relevance: 0.95, topics: 0.85, tone: 0.75, sensitive: 0.8 }),
  heldout(3, { relevance: 0.95, topics: 0.75, tone: 0.7, sensitive: 0.8, stories: 0.9 }),
  heldout(4, { relevance: 0.95, topics: 0.75, tone: 0.65, sensitive: 0.7, stories: 0.9 }),
  heldout(5, { relevance: 0.95, topics: 0.75, tone: 0.65, sensitive: 0.8 }),
  heldout(6, { relevance: 0.95, topics: 0.8, tone: 0.7, sensitive: 0.7 }),
  heldout(7, { relevance: 0.95, topics: 0.8, tone: 0.7, sensitive: 0.75 }),
  heldout(8, { relevance: 0.95, topics: 0.8, tone: 0.7, sensitive: 0.75 }),
  heldout(9, { relevance: 0.95, topics: 0.8, tone: 0.65, sensitive: 0.75 }),
  heldout(10, { relevance: 0.95, topics: 0.8, tone: 0.65, sensitive: 0.7 }),
  {
    name: 'real news',
    set: path.join(EVAL, 'real-news-labels.jsonl'),
    texts: STREAMS,
    floors: { topics: 0.75, tone: 0.6 },
  },
];

const topics = loadTopics(CONFIG);
const contexts = new Map<string, ReturnType<typeof createClassifyContext>>();
const contextFor = (id: string) => {
  let ctx = contexts.get(id);
  if (!ctx) {
    ctx = createClassifyContext(loadProfile(CONFIG, id), topics);
    contexts.set(id, ctx);
  }
  return ctx;
};

function evaluate(def: SetDef): EvalReport {
  const resolve = textResolver('labelled-sets', def.texts);
  const read = (file: string) => readLabelledFile('labelled-sets', file, resolve);
  return runEval({
    set: read(def.set),
    stories: def.stories === undefined ? undefined : read(def.stories),
    defaultProfile: 'lam-dong',
    contextFor,
  });
}

const f = (x: number | undefined) => (x === undefined ? '    —' : x.toFixed(3));

describe('classify and cluster on every labelled set', () => {
  for (const def of SETS) {
    const missing = [def.set, def.stories, def.texts].filter(
      (p): p is string => p !== undefined && !existsSync(p),
    );
    if (missing.length > 0) {
      it(`${def.name}: skipped, not found: ${missing.join(', ')}`, () => {
        console.log(`labelled-sets: ${def.name} skipped: ${missing.join(', ')} not found`);
      });
      continue;
    }
    it(`${def.name}: measured figures stay above the floors`, () => {
      const r = evaluate(def);
      const c = r.classify;
      expect(c).not.toBeNull();
      if (!c) return;
      const figures = {
        relevance: c.relevance.n > 0 ? c.relevance.f1 : undefined,
        topics: c.topics.micro.f1,
        tone: c.tone.accuracy,
        sensitive: c.sensitive.n > 0 ? c.sensitive.f1 : undefined,
        stories: r.stories?.f1,
      };
      console.log(
        `eval ${def.name.padEnd(10)} n=${String(r.items).padStart(3)}  relevance ${f(figures.relevance)}` +
          `  topics ${f(figures.topics)}  tone ${f(figures.tone)}  sensitive ${f(figures.sensitive)}` +
          `  stories ${f(figures.stories)}`,
      );
      for (const [label, floor] of Object.entries(def.floors) as [keyof Floors, number][]) {
        expect(figures[label], `${def.name} ${label}`).toBeGreaterThanOrEqual(floor);
      }
    });
  }
});
