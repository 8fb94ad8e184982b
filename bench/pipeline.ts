// Throughput of the per-page stages on the sample newsroom's pages (real outlet markup shapes):
// extract alone, and the whole processPage (extract → normalize → locate → classify).
//   npx tsx bench/pipeline.ts [rounds=20]
// Pages are fetched once from the local newsroom, then processed in memory: no I/O is timed.
import { loadConfig } from '../src/config/load.ts';
import { SourceDef } from '../src/config/sources.ts';
import { startNewsroom, sampleArticles } from '../src/demo/server.ts';
import { createClassifyContext } from '../pipeline/classify/index.ts';
import { extract } from '../pipeline/extract/index.ts';
import { processPage } from '../pipeline/process-page.ts';

const rounds = Number(process.argv[2] ?? 20);
const config = loadConfig();
const newsroom = await startNewsroom();
const source = SourceDef.parse(newsroom.sources[0]);
const pages: { url: string; html: string }[] = [];
try {
  for (const a of sampleArticles) {
    const url = newsroom.baseUrl + a.path;
    pages.push({ url, html: await (await fetch(url)).text() });
  }
} finally {
  await newsroom.close();
}
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
const now = new Date('2026-11-20T00:00:00Z');
const ctx = createClassifyContext(config.profile, config.topics);

function time(label: string, run: (p: { url: string; html: string }) => void): void {
  for (const p of pages) run(p); // warm-up: JIT and lazy regex compilation
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pages) run(p);
  const ms = performance.now() - t0;
  const n = rounds * pages.length;
  console.log(
    `${label}: ${n} pages (${(bytes / pages.length / 1024).toFixed(0)} KB avg) in ${ms.toFixed(0)} ms: ` +
      `${((n / ms) * 1000).toFixed(0)} pages/s, ${(ms / n).toFixed(2)} ms/page`,
  );
}

time('extract', (p) => void extract({ html: p.html, url: p.url, now }));
time(
  'processPage',
  (p) => void processPage({ url: p.url, html: p.html, source, fetchedAt: now }, ctx),
);
