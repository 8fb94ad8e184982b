// Our extractor and Mozilla Readability side by side, on the same pages, in one process:
//   npx tsx bench/extract.ts [rounds=40]
// Pages: the gold fixtures (tests/fixtures/extract/*: page.html + hand-checked expected.json)
// and the real saved pages in ../shared/data/articles (skipped with a message when absent).
// Prints, for each set and each extractor: body token F1 (pipeline/extract/score.ts: NFC,
// canonical tone placement, lowercased syllables, bag-of-tokens F1, macro-averaged over
// pages), title exact-match rate, date exact-match rate (Readability: its publishedTime), and
// pages per second (parse included; Readability parses with linkedom, as its docs suggest for
// Node): both warmed up, then timed in rounds over all pages, the median round reported (see
// `compare`). A page an extractor rejects or fails on scores 0 on every field.
//
// Real-page references (third-party data, read here and never copied into the repo):
// - fundus VnExpress page: its expected.json (title, body sections, publishing_date).
// - tracking_news-mcp pages: title, date from the upstream test assertions (og:title when the
//   upstream gives none); the body is the upstream "plain reader" widened: every <p> and
//   subheading (h2–h4, which fundus counts as body too) of the container it names, minus
//   photo captions, which we drop on purpose. It keeps signatures and boxed asides, so it is
//   a silver reference, not a hand-checked gold one.
//
// Exported loaders are shared with tests/pipeline/extract-eval.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { load } from 'cheerio';
import { parseHTML } from 'linkedom';
import { parseVietnameseDate } from '../pipeline/extract/dates.ts';
import { extract } from '../pipeline/extract/index.ts';
import { sameDate, sameTitle, tokenF1 } from '../pipeline/extract/score.ts';

export interface EvalPage {
  id: string;
  url: string;
  html: string;
  now: Date;
  title: string;
  /** Reference body (paragraphs joined by blank lines). */
  body: string;
  /** ISO 8601, or null when the reference has no date. */
  publishedAt: string | null;
  dateMinuteOnly: boolean;
}

export interface Extracted {
  title: string | null;
  body: string;
  publishedAt: string | null;
}

export interface Score {
  f1: number;
  title: boolean;
  date: boolean;
}

const GOLD_DIR = path.resolve(process.cwd(), 'tests/fixtures/extract');
export const REAL_DIR = path.resolve(process.cwd(), '../shared/data/articles');
const GOLD_NOW = new Date('2026-11-20T07:00:00+07:00');
const REAL_NOW = new Date('2026-12-01T00:00:00+07:00');

export function loadGoldPages(): EvalPage[] {
  return readdirSync(GOLD_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const e = JSON.parse(readFileSync(path.join(GOLD_DIR, id, 'expected.json'), 'utf8')) as {
        url: string;
        title: string;
        body: string;
        publishedAt: string | null;
      };
      return {
        id,
        url: e.url,
        html: readFileSync(path.join(GOLD_DIR, id, 'page.html'), 'utf8'),
        now: GOLD_NOW,
        title: e.title,
        body: e.body,
        publishedAt: e.publishedAt,
        dateMinuteOnly: false,
      };
    });
}

/** The real pages with references, or null when ../shared/data/articles is absent. */
export function loadRealPages(): EvalPage[] | null {
  if (!existsSync(REAL_DIR)) return null;
  return [...fundusPages(), ...trackingNewsPages()];
}

function refDate(text: string | undefined): { iso: string | null; minuteOnly: boolean } {
  if (!text) return { iso: null, minuteOnly: false };
  return {
    iso: parseVietnameseDate(text, REAL_NOW),
    minuteOnly: !/\d{1,2}:\d{2}:\d{2}/.test(text),
  };
}

function fundusPages(): EvalPage[] {
  const out: EvalPage[] = [];
  for (const json of readdirSync(REAL_DIR).filter((f) => f.endsWith('.expected.json'))) {
    const stem = json.replace(/\.expected\.json$/, '');
    const file = readdirSync(REAL_DIR).find((f) => f.startsWith(stem) && f.endsWith('.html'));
    if (!file) continue;
    const html = readFileSync(path.join(REAL_DIR, file), 'utf8');
    const raw = JSON.parse(readFileSync(path.join(REAL_DIR, json), 'utf8')) as Record<
      string,
      {
        title: string;
        publishing_date: string;
        body: { sections: { headline: string[]; paragraphs: string[] }[] };
      }
    >;
    const url = /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(html)?.[1] ?? 'https://x/';
    for (const [version, e] of Object.entries(raw)) {
      const date = refDate(e.publishing_date);
      out.push({
        id: `fundus/${file} ${version}`,
        url,
        html,
        now: REAL_NOW,
        title: e.title,
        body: e.body.sections.flatMap((s) => [...s.headline, ...s.paragraphs]).join('\n\n'),
        publishedAt: date.iso,
        dateMinuteOnly: date.minuteOnly,
      });
    }
  }
  return out;
}

interface TrackingEntry {
  file: string;
  page_metadata: { canonical?: string; 'og:title'?: string };
  body_by_our_stdlib_parser: { container_selector: string; n_paragraphs: number };
  [upstream: string]: unknown;
}

/** Paragraphs of a photo caption: inside a figure, a caption box, or an image table. */
const CAPTION =
  'figure, figcaption, [class*="caption" i], [class*="Caption"], table:has(img), .tplCaption';

function trackingNewsPages(): EvalPage[] {
  const dir = path.join(REAL_DIR, 'tracking_news-mcp');
  const file = path.join(dir, 'expected.json');
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, TrackingEntry>;
  return Object.entries(entries).map(([outlet, e]) => {
    const upKey = Object.keys(e).find((k) => k.startsWith('upstream'));
    const up = (upKey ? e[upKey] : {}) as { url?: string; title?: string; published_at?: string };
    const html = readFileSync(path.join(dir, e.file), 'utf8');
    const $ = load(html);
    const paragraphs = $(e.body_by_our_stdlib_parser.container_selector)
      .first()
      .find('p, h2, h3, h4')
      .filter((_, p) => $(p).closest(CAPTION).length === 0)
      .toArray()
      .map((p) => $(p).text().replace(/\s+/g, ' ').trim())
      .filter((t) => t !== '');
    const date = refDate(up.published_at);
    return {
      id: `tracking_news-mcp/${outlet}`,
      url: up.url ?? e.page_metadata.canonical ?? 'https://x/',
      html,
      now: REAL_NOW,
      title: up.title ?? e.page_metadata['og:title'] ?? '',
      body: paragraphs.join('\n\n'),
      publishedAt: date.iso,
      dateMinuteOnly: date.minuteOnly,
    };
  });
}

export function runOurs(p: EvalPage): Extracted | null {
  const r = extract({ html: p.html, url: p.url, now: p.now });
  if (!r.ok) return null;
  const a = r.article;
  // The sapo is article text (Readability keeps it in the body too); references hold it in
  // the body only when the page prints it there, so it is scored as part of the body.
  return { title: a.title, body: a.body, publishedAt: a.publishedAt };
}

export function runReadability(p: EvalPage): Extracted | null {
  try {
    // linkedom ships its types as a .d.ts tree typescript-eslint does not resolve here (tsc
    // does); the document goes straight to Readability.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
    const { document } = parseHTML(p.html);
    const r = new Readability(document).parse();
    if (!r) return null;
    const published = r.publishedTime ? parseVietnameseDate(r.publishedTime, p.now) : null;
    return { title: r.title ?? null, body: r.textContent ?? '', publishedAt: published };
  } catch {
    return null;
  }
}

export function score(p: EvalPage, got: Extracted | null): Score {
  if (!got) return { f1: 0, title: false, date: false };
  return {
    f1: tokenF1(got.body, p.body).f1,
    title: sameTitle(got.title, p.title),
    date:
      p.publishedAt === null
        ? got.publishedAt === null
        : sameDate(got.publishedAt, p.publishedAt, p.dateMinuteOnly),
  };
}

export interface Summary {
  pages: number;
  f1: number;
  title: number;
  date: number;
  /** Median over the timed rounds of one round's pages per second (wall clock). */
  pagesPerSecond: number;
  /** The same from this process's CPU time (user + system): steadier on a shared box. */
  pagesPerCpuSecond: number;
}

type Runner = (p: EvalPage) => Extracted | null;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Times several extractors on the same pages, fairly on a busy machine: each gets two warm-up
 * passes (JIT), then every timed round runs each extractor over all pages as one block, the
 * way each would run in a crawler (who goes first alternates by round, so neither always
 * inherits the other's garbage). Rounds are short (tens of milliseconds) and alternate, so
 * load from elsewhere falls on both alike; each reports the median of its rounds, which a few
 * disturbed rounds cannot move. Wall time is the figure: CPU time counts V8's background
 * threads too, which sweep whichever block's garbage whenever they run. Accuracy is scored
 * once per page, before any timing.
 */
export function compare(
  pages: EvalPage[],
  runners: readonly Runner[],
  rounds: number,
): { summary: Summary; scores: Score[] }[] {
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const scores = runners.map((run) => pages.map((p) => score(p, run(p))));
  for (const run of runners) for (let i = 0; i < 2; i++) for (const p of pages) run(p);
  const walls: number[][] = runners.map(() => []);
  const cpus: number[][] = runners.map(() => []);
  const order = runners.map((_, i) => i);
  for (let r = 0; r < rounds; r++) {
    for (const i of r % 2 === 0 ? order : [...order].reverse()) {
      const run = runners[i] as Runner;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const p of pages) run(p);
      const c = process.cpuUsage(c0);
      const wallMs = performance.now() - t0;
      walls[i]?.push((pages.length * 1000) / wallMs);
      cpus[i]?.push((pages.length * 1e6) / Math.max(c.user + c.system, 1));
    }
  }
  return runners.map((_, i) => {
    const s = scores[i] ?? [];
    return {
      scores: s,
      summary: {
        pages: pages.length,
        f1: mean(s.map((x) => x.f1)),
        title: mean(s.map((x) => (x.title ? 1 : 0))),
        date: mean(s.map((x) => (x.date ? 1 : 0))),
        pagesPerSecond: median(walls[i] ?? []),
        pagesPerCpuSecond: median(cpus[i] ?? []),
      },
    };
  });
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 40);
  const sets: [string, EvalPage[]][] = [['gold fixtures', loadGoldPages()]];
  const real = loadRealPages();
  if (real) sets.push(['real pages', real]);
  else console.log(`bench/extract: ${REAL_DIR} is absent; real pages not scored`);
  const f = (x: number): string => x.toFixed(3);
  for (const [label, pages] of sets) {
    const [ours, rdb] = compare(pages, [runOurs, runReadability], rounds);
    if (!ours || !rdb) continue;
    console.log(
      `\n${label} (${pages.length} pages, ${rounds} timed rounds, one block per extractor, alternating; medians)`,
    );
    console.log('              body F1  title EM  date EM  pages/s  pages/CPU-s');
    for (const [name, s] of [
      ['ours', ours.summary],
      ['Readability', rdb.summary],
    ] as const) {
      console.log(
        `  ${name.padEnd(11)}  ${f(s.f1)}    ${f(s.title)}     ${f(s.date)}    ${s.pagesPerSecond.toFixed(0).padStart(5)}  ${s.pagesPerCpuSecond.toFixed(0).padStart(9)}`,
      );
    }
    const ratio = (k: 'pagesPerSecond' | 'pagesPerCpuSecond'): string =>
      (ours.summary[k] / rdb.summary[k]).toFixed(1);
    console.log(
      `  speed ratio ours/Readability: ${ratio('pagesPerSecond')}x wall, ${ratio('pagesPerCpuSecond')}x CPU`,
    );
    const worst = pages
      .map((p, i) => ({ id: p.id, s: ours.scores[i] }))
      .filter((x) => x.s && (x.s.f1 < 0.97 || !x.s.title || !x.s.date));
    for (const w of worst) {
      console.log(
        `  below target (ours): ${w.id}: F1 ${f(w.s?.f1 ?? 0)}, title ${w.s?.title ? 'ok' : 'MISS'}, date ${w.s?.date ? 'ok' : 'MISS'}`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
