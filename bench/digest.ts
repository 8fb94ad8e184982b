// Time to build the MONTHLY bulletin HTML (query + model + render) over a store of a year of
// coverage: the target is under 3 s for 300,000 articles.
//   npx tsx bench/digest.ts [articles=300000] [db=<tmp>/bench-digest.sqlite]
// The store is synthesised first (tests/digest/corpus.ts: stories carried by 1–6 outlets,
// ~20% not relevant, 2–3 KB bodies), one month at a time with prepared inserts in one
// transaction per month, through the store's own schema (openStore runs the migrations).
// Passing an existing db path reuses it, so the build can be re-timed without re-inserting.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/load.ts';
import { SourceDef } from '../src/config/sources.ts';
import { buildDigest } from '../src/digest/model.ts';
import { DEFAULT_TEMPLATE_DIR, loadTemplates, renderDigestHtml } from '../src/digest/templates.ts';
import { monthlyWindow, previousPeriodWindow } from '../src/digest/window.ts';
import { buildDigestFile } from '../src/jobs/digest-job.ts';
import { openStore } from '../src/store/index.ts';
import { OUTLETS, synthesizeArticles } from '../tests/digest/corpus.ts';

const total = Number(process.argv[2] ?? 300_000);
const given = process.argv[3];
const tmp = mkdtempSync(join(tmpdir(), 'diemtin-bench-digest-'));
const dbPath = given ?? join(tmp, 'bench-digest.sqlite');
const reuse = given !== undefined && existsSync(given);
const config = loadConfig();
const tz = config.app.timeZone;
const DATE = '2026-11-01'; // the bulletin of October 2026

const store = openStore(dbPath);
if (!reuse) {
  store.upsertSources(
    OUTLETS.map((o) => SourceDef.parse({ ...o, feeds: [`https://${o.domain}/rss.xml`] })),
  );
  store.close();
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`
    INSERT INTO articles (id, url, source_id, source_name, source_category, title, sapo, body,
      author, published_at, published_utc, fetched_at, section, tags, relevant, relevance,
      mentions, topics, tone, sensitive, sensitive_reasons, story_id, reach)
    VALUES (@id, @url, @sourceId, @sourceName, @sourceCategory, @title, @sapo, @body,
      NULL, @publishedAt, @publishedUtc, @fetchedAt, NULL, '[]', @relevant, @relevance,
      @mentions, @topics, @tone, @sensitive, @sensitiveReasons, @storyId, @reach)`);
  const t0 = performance.now();
  let bytes = 0;
  for (let m = 0; m < 12; m++) {
    const start = `2026-${String(m + 1).padStart(2, '0')}-01T00:00:00+07:00`;
    const end =
      m === 11
        ? '2027-01-01T00:00:00+07:00'
        : `2026-${String(m + 2).padStart(2, '0')}-01T00:00:00+07:00`;
    const count = Math.round(total / 12);
    const month = synthesizeArticles({
      seed: 1000 + m,
      start,
      end,
      count,
      bodyRepeat: 10,
      idPrefix: `m${m + 1}`,
    });
    db.transaction(() => {
      for (const a of month) {
        bytes += a.body.length + a.sapo.length + a.title.length;
        const utc = new Date(Date.parse(a.publishedAt ?? a.fetchedAt)).toISOString();
        insert.run({
          ...a,
          publishedUtc: utc,
          fetchedAt: utc,
          relevant: a.relevant ? 1 : 0,
          sensitive: a.sensitive ? 1 : 0,
          mentions: JSON.stringify(a.mentions),
          topics: JSON.stringify(a.topics),
          sensitiveReasons: JSON.stringify(a.sensitiveReasons),
        });
      }
    })();
  }
  db.close();
  console.log(
    `store: ${total.toLocaleString('en')} articles (${(bytes / total / 1024).toFixed(1)} K chars of text each) ` +
      `inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${dbPath}`,
  );
}

const s = openStore(dbPath);
try {
  const window = monthlyWindow(DATE, config.app.cutoffs.monthly, tz);
  const previous = previousPeriodWindow('monthly', window, tz);
  const templates = loadTemplates(DEFAULT_TEMPLATE_DIR);

  // Stage by stage, to see where the time goes. CPU time is printed beside wall time: on a
  // shared machine the wall clock also counts other processes' turns.
  const cpu = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  let c = process.cpuUsage();
  let t = performance.now();
  const articles = s.listDigestArticles(window.start, window.end);
  const previousToneCounts = s.relevantToneCounts(previous.start, previous.end);
  const tQuery = performance.now() - t;
  const cQuery = cpu(c);
  c = process.cpuUsage();
  t = performance.now();
  const model = buildDigest({
    kind: 'monthly',
    date: DATE,
    window,
    articles,
    previousToneCounts,
    config: config.app,
    provinceName: config.profile.name,
    number: 'Số 1/ĐT-BENCH',
    generatedAt: new Date(),
    cases: [],
  });
  const tModel = performance.now() - t;
  const cModel = cpu(c);
  c = process.cpuUsage();
  t = performance.now();
  const html = renderDigestHtml(model, templates);
  const tRender = performance.now() - t;
  const cRender = cpu(c);
  const all = s.listArticles({ from: window.start, to: window.end }).length;
  console.log(
    `month ${window.start} → ${window.end}: ${all.toLocaleString('en')} articles stored, ` +
      `${articles.length.toLocaleString('en')} relevant in ${model.overview.storyCount.toLocaleString('en')} stories ` +
      `(previous month: ${model.overview.previousArticleCount.toLocaleString('en')} relevant)`,
  );
  console.log(
    `stages (wall / cpu): query ${tQuery.toFixed(0)} / ${cQuery.toFixed(0)} ms, ` +
      `model ${tModel.toFixed(0)} / ${cModel.toFixed(0)} ms, render ${tRender.toFixed(0)} / ${cRender.toFixed(0)} ms ` +
      `(${(html.length / 1024).toFixed(0)} KB of HTML)`,
  );

  // The whole job as `diemtin digest build --period monthly` runs it: query, model, render,
  // file and archive row, with the store's cases.
  for (const round of [1, 2]) {
    t = performance.now();
    c = process.cpuUsage();
    const built = buildDigestFile({
      config,
      store: s,
      request: { period: 'monthly', date: DATE },
      outDir: tmp,
      now: new Date(),
    });
    const ms = performance.now() - t;
    const cms = cpu(c);
    console.log(
      `monthly bulletin (run ${round}): ${(ms / 1000).toFixed(2)} s wall, ${(cms / 1000).toFixed(2)} s cpu, for ${built.model.overview.articleCount.toLocaleString('en')} articles ` +
        `— target < 3 s: ${ms < 3000 ? 'OK' : cms < 3000 ? 'missed on the wall clock only (machine busy)' : 'MISSED'}`,
    );
  }
} finally {
  s.close();
  if (!given) rmSync(tmp, { recursive: true, force: true });
}
