// Hand-run throughput of locate + classify on realistic ~600-word Vietnamese articles, one core
// (not a test: timings vary by machine).
//   npx tsx bench/classify.ts [rounds=5] [words=600]
// Articles are assembled at run time from ../shared/data (never copied into the repo): the
// title and summary of a real feed item (news_stream) as title and sapo, and a body of real
// article sentences (clusters/VietnameseMDS, then corpus_samples) cut into paragraphs. One
// article in five gets one of a few sentences written here naming places of Lâm Đồng, so the
// place, topic and tone matchers have hits to check, as in a provincial crawl.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClassifyContext, classify } from '../pipeline/classify/index.ts';
import { scoreTone } from '../pipeline/classify/tone.ts';
import { matchTopics } from '../pipeline/classify/topics.ts';
import { locate, locateTokens, tokenizeDoc, type TokenizedDoc } from '../pipeline/locate.ts';
import { loadConfig } from '../src/config/load.ts';
import type { TextItem } from '../src/schema.ts';

const rounds = Number(process.argv[2] ?? 5);
const words = Number(process.argv[3] ?? 600);
const data = resolve(process.cwd(), '../shared/data');
const files = {
  streams: [
    'news_stream/hotrung1234_news-aggregator__2025-10-15.json',
    'news_stream/hotrung1234_news-aggregator__2026-08-22.json',
    'news_stream/hangkrypton_press-scanning__new_items_detail_2026-08-23.json',
  ],
  mds: 'clusters/VietnameseMDS_200clusters.jsonl',
  corpus: 'corpus_samples/binhvq_news-corpus__demo-full.txt',
};
const missing = [...files.streams, files.mds, files.corpus].filter(
  (f) => !existsSync(resolve(data, f)),
);
if (missing.length > 0) {
  console.log(`classify bench: skipped, ${missing.join(', ')} absent under ${data}`);
  process.exit(0);
}

const read = (f: string): string => readFileSync(resolve(data, f), 'utf8');
const stripTags = (s: string): string =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .trim();
const heads = files.streams
  .flatMap((f) => JSON.parse(read(f)) as { title?: string; summary?: string }[])
  .map((x) => ({ title: stripTags(x.title ?? ''), sapo: stripTags(x.summary ?? '') }))
  .filter((x) => x.title !== '');
const sentences = [
  ...read(files.mds)
    .trim()
    .split('\n')
    .flatMap((l) => (JSON.parse(l) as { body: string }).body.split(/(?<=[.!?])\s+/)),
  ...read(files.corpus).split('\n'),
].filter((s) => s.trim().split(/\s+/).length >= 5);

// Written for this bench: place names of the province in ordinary news sentences.
const LOCAL = [
  'Chiều qua, UBND tỉnh Lâm Đồng tổ chức hội nghị triển khai kế hoạch phòng chống sạt lở đất.',
  'Tại phường Xuân Hương - Đà Lạt, nhiều hộ dân phản ánh tình trạng ngập úng kéo dài.',
  'Đoàn công tác đã kiểm tra tiến độ dự án trên quốc lộ 28 qua xã Gia Nghĩa, tỉnh Đắk Nông cũ.',
  'Du lịch Mũi Né thu hút đông đảo du khách trong dịp lễ, doanh thu tăng mạnh.',
  'Công an tỉnh Lâm Đồng đã khởi tố vụ án, bắt tạm giam hai đối tượng vận chuyển ma túy.',
];

let seed = 7;
const rand = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const countWords = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;

let cursor = 0;
const items: TextItem[] = heads.map((h, i) => {
  const paras: string[] = [];
  let para: string[] = [];
  let count = 0;
  if (rand() < 0.2) para.push(LOCAL[i % LOCAL.length] ?? '');
  while (count < words) {
    const s = sentences[cursor++ % sentences.length] ?? '';
    para.push(s);
    count += countWords(s);
    if (para.length >= 3 + Math.floor(rand() * 3)) {
      paras.push(para.join(' '));
      para = [];
    }
  }
  if (para.length > 0) paras.push(para.join(' '));
  return {
    id: `bench-${i}`,
    title: h.title,
    sapo: h.sapo,
    body: paras.join('\n\n'),
    source: 'bench.vn',
    sourceCategory: 'central-press',
  };
});

const config = loadConfig();
const ctx = createClassifyContext(config.profile, config.topics);
const avgWords =
  items.reduce((s, it) => s + countWords(`${it.title} ${it.sapo} ${it.body}`), 0) / items.length;

/** Articles per second of CPU time: what one core does, whatever else the machine runs. */
function time<T>(label: string, list: readonly T[], run: (it: T) => unknown): number {
  for (const it of list) run(it); // warm-up: JIT and lazy regex compilation
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const it of list) run(it);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const n = rounds * list.length;
  const rate = (n / ms) * 1000;
  // On a loaded machine wall time includes waiting for a core; CPU time is what the code costs.
  console.log(
    `${label}: ${n} articles (${avgWords.toFixed(0)} words avg) in ${ms.toFixed(0)} ms wall, ` +
      `${cpuMs.toFixed(0)} ms CPU: ${rate.toFixed(0)} articles/s ` +
      `(${((n / cpuMs) * 1000).toFixed(0)}/s on CPU time), ` +
      `${((ms / n) * 1000).toFixed(0)} µs/article wall, ${((cpuMs / n) * 1000).toFixed(0)} µs CPU`,
  );
  return (n / cpuMs) * 1000;
}

let relevant = 0;
for (const it of items) if (classify(it, ctx).relevant) relevant++;
// Stages one by one, on texts tokenized once as classify does (what each stage adds).
const docs: TokenizedDoc[] = items.map((it) => tokenizeDoc({ ...it, sapo: it.sapo ?? '' }));
time('  tokenize', items, (it) => tokenizeDoc({ ...it, sapo: it.sapo ?? '' }));
time('  locate on tokens', docs, (d) => locateTokens(d, ctx.profile));
time('  topics on tokens', docs, (d) => matchTopics(d, ctx.topics));
time('  tone on tokens', docs, (d) =>
  scoreTone(d, ctx.tone, { misinformation: false, sourceCategory: 'central-press' }),
);
time('locate', items, (it) => locate({ ...it, sapo: it.sapo ?? '' }, ctx.profile));
const rate = time('classify (locate + topics + tone + sensitivity)', items, (it) =>
  classify(it, ctx),
);
console.log(
  `classify bench: ${items.length} distinct articles, ${relevant} relevant; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
    `target 1000 articles/s on one core (CPU time): ${rate >= 1000 ? 'met' : 'NOT met'}`,
);
