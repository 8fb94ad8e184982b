// Crawl throughput against politeness: 200 local hosts (127.0.0.2 … 127.0.0.201; all of
// 127/8 is loopback on Linux) × 50 article pages, at one request per second per host, through
// the real crawl pass (robots.txt, feed, pages, SQLite store). Each host must answer
// robots.txt + feed + 50 pages = 52 requests one second apart, so no crawler can finish in
// under 51 s (the politeness floor); the target is within 1.2× of it. The sites run in a child
// process so the peak RSS printed is the crawler's own.
//   npx tsx bench/crawl.ts [--hosts 200] [--pages 50] [--interval 1000]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crawlOnce, type ProcessResult } from '../crawlers/crawl.ts';
import { createHttpClient } from '../crawlers/http-client.ts';
import type { SourceDef } from '../src/config/sources.ts';
import { openStore } from '../src/store/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const HOSTS = arg('hosts', 200);
const PAGES = arg('pages', 50);
const INTERVAL_MS = arg('interval', 1000);

// A page of about 20 KB, the size of a real article page without its scripts.
const PARAGRAPH =
  '<p>Sáng 20/11, UBND tỉnh Lâm Đồng tổ chức hội nghị sơ kết công tác phát triển du lịch, ' +
  'nông nghiệp công nghệ cao và bảo vệ rừng trên địa bàn các xã, phường sau sắp xếp.</p>';
const BODY = PARAGRAPH.repeat(90);

function site(host: string, origin: () => string) {
  return (url: string): { status: number; type: string; body: string } => {
    if (url === '/robots.txt')
      return { status: 200, type: 'text/plain', body: 'User-agent: *\nAllow: /\n' };
    if (url === '/rss') {
      const items = Array.from(
        { length: PAGES },
        (_, i) =>
          `<item><title>Tin ${i} của ${host}</title><link>${origin()}/tin/${i}.html</link>` +
          `<pubDate>Fri, 20 Nov 2026 07:00:00 +0700</pubDate></item>`,
      ).join('');
      return {
        status: 200,
        type: 'application/rss+xml; charset=utf-8',
        body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${host}</title>${items}</channel></rss>`,
      };
    }
    const m = /^\/tin\/(\d+)\.html$/.exec(url);
    if (m) {
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>Tin ${m[1]} của ${host}</title></head><body><h1>Tin ${m[1]}</h1>${BODY}</body></html>`,
      };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  };
}

/** The child: one server per loopback address; prints the origins as JSON, then waits. */
async function serve(): Promise<void> {
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < HOSTS; i++) {
    const host = `127.0.0.${2 + i}`;
    let origin = '';
    const answer = site(host, () => origin);
    const server = createServer((req, res) => {
      const r = answer(req.url ?? '/');
      res.writeHead(r.status, { 'content-type': r.type }).end(r.body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, resolve);
    });
    origin = `http://${host}:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    origins.push(origin);
  }
  process.stdout.write(JSON.stringify(origins) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    for (const s of servers) s.close();
    process.exit(0);
  });
}

async function main(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    [...process.execArgv, self, '--serve', '--hosts', String(HOSTS), '--pages', String(PAGES)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const origins = await new Promise<string[]>((resolve, reject) => {
    let buf = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)) as string[]);
    });
    child.on('exit', (code) => reject(new Error(`bench: site server exited with ${code}`)));
  });

  const sources: SourceDef[] = origins.map((o, i) => ({
    id: `host-${i + 2}`,
    name: `Host ${i + 2}`,
    domain: new URL(o).hostname,
    category: 'provincial-press',
    kind: 'rss',
    enabled: true,
    intervalMinutes: 30,
    feeds: [`${o}/rss`],
  }));
  const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-bench-crawl-'));
  const store = openStore(
    process.argv.includes('--memory') ? ':memory:' : path.join(dir, 'bench.sqlite'),
  );
  const http = createHttpClient({
    userAgent: 'DiemTinBot/0.1 (bench)',
    minHostIntervalMs: INTERVAL_MS,
    timeoutMs: 20_000,
    maxBodyBytes: 8_000_000,
    retries: 2,
    robotsCache: store.robotsCache(),
  });
  // The crawler is measured, not the pipeline (bench/pipeline.ts does that): each page
  // becomes an article from its <title>.
  const processPage = (p: {
    url: string;
    html: string;
    source: SourceDef;
    fetchedAt: Date;
  }): ProcessResult => ({
    ok: true,
    article: {
      id: createHash('sha1').update(p.url).digest('hex').slice(0, 20),
      url: p.url,
      sourceId: p.source.id,
      sourceName: p.source.name,
      sourceCategory: p.source.category,
      title: /<title>([^<]*)/.exec(p.html)?.[1] ?? '',
      sapo: '',
      body: '',
      author: null,
      publishedAt: null,
      fetchedAt: p.fetchedAt.toISOString(),
      section: null,
      tags: [],
      relevant: false,
      relevance: 0,
      mentions: [],
      topics: [],
      tone: 'neutral',
      sensitive: false,
      sensitiveReasons: [],
      storyId: null,
      reach: 0,
    },
  });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await crawlOnce({
    store,
    http,
    sources,
    now: () => new Date(),
    processPage,
    concurrency: HOSTS,
  });
  const wallMs = performance.now() - started;
  loop.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const stored = store.listArticles({}).length;
  store.close();
  child.stdin.end();
  rmSync(dir, { recursive: true, force: true });

  const perHost = PAGES + 2;
  const floorMs = (perHost - 1) * INTERVAL_MS;
  const failures = report.feedFailures.length + report.itemFailures.length;
  console.log(
    `crawl bench: ${HOSTS} hosts × ${PAGES} pages at 1 request / ${INTERVAL_MS} ms / host`,
  );
  console.log(
    `  requests:        ${HOSTS * perHost} (${perHost} per host: robots.txt, feed, pages)`,
  );
  console.log(`  stored:          ${stored} articles, ${failures} failures`);
  console.log(`  politeness floor ${(floorMs / 1000).toFixed(1)} s`);
  console.log(
    `  wall time:       ${(wallMs / 1000).toFixed(1)} s = ${(wallMs / floorMs).toFixed(3)}× the floor (target ≤ 1.2×)`,
  );
  console.log(
    `  peak RSS:        ${(peakRss / 2 ** 20).toFixed(0)} MB (crawler process; max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
  );
  console.log(
    `  crawler CPU:     ${(cpuMs / 1000).toFixed(1)} s (${(cpuMs / (HOSTS * perHost)).toFixed(2)} ms per request, ` +
      `${((cpuMs / wallMs) * 100).toFixed(0)}% of one core; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`,
  );
  console.log(
    `  event loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(0)} ms, ` +
      `p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
  );
  const kinds = new Map<string, number>();
  for (const f of [...report.feedFailures, ...report.itemFailures]) {
    const key = `${f.errorClass}: ${f.message.replace(/^fetch: \S+: /, '')}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  for (const [k, n] of kinds) console.log(`  failed ×${n}: ${k}`);
  if (stored !== HOSTS * PAGES || failures > 0) process.exitCode = 1;
}

if (process.argv.includes('--serve')) await serve();
else await main();
