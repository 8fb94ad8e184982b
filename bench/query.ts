// Query matcher throughput: 12 topic-like queries on one 600-word article
// (tests/pipeline/query-load.ts), with the document prepared once and with tokenizing
// included, in both diacritics modes. Run: npx tsx bench/query.ts
import { tokenize } from '../pipeline/classify/phrase-index.ts';
import { compileQueries, prepareDocument } from '../pipeline/query/index.ts';
import { ARTICLE, QUERIES } from '../tests/pipeline/query-load.ts';

function rate(label: string, fn: () => unknown): void {
  for (let i = 0; i < 200; i++) fn();
  const runs = 2000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - t0) / runs;
  console.log(
    `  ${label.padEnd(40)} ${(ms * 1000).toFixed(0).padStart(5)} µs/article  ${Math.round(1000 / ms)} articles/s`,
  );
}

const syllables = (['title', 'sapo', 'body'] as const).reduce(
  (n, f) => n + tokenize(ARTICLE[f] ?? '').tokens.length,
  0,
);
console.log(`query: 12 queries on one article of ${syllables} syllables`);
for (const diacritics of ['insensitive', 'strict'] as const) {
  const set = compileQueries(
    QUERIES.map(([key, query]) => ({ key, query })),
    { diacritics },
  );
  const prepared = prepareDocument(ARTICLE);
  rate(`${diacritics}, prepared document`, () => set.match(prepared));
  rate(`${diacritics}, tokenizing included`, () => set.match(ARTICLE));
}
