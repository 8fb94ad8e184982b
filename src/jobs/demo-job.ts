// The demo: the product's main job on the embedded default, with no internet. A local
// sample newsroom is crawled into a fresh SQLite file, the pipeline labels every article, and
// the daily bulletin of the sample day is written to the output folder.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Config } from '../config/load.ts';
import { SourceDef } from '../config/sources.ts';
import { SAMPLE_DAY, startNewsroom } from '../demo/server.ts';
import type { Article, Tone, TopicId } from '../schema.ts';
import { openStore } from '../store/index.ts';
import { runCrawl, type CrawlSummary } from './crawl-job.ts';
import { buildDailyDigestFile } from './digest-job.ts';

export type DemoSummary = {
  db: string;
  bulletin: string;
  number: string;
  sampleDay: string;
  crawl: CrawlSummary;
  stored: number;
  relevant: number;
  inBulletin: number;
  byTone: Record<Tone, number>;
  byTopic: Partial<Record<TopicId, number>>;
};

export async function runDemo(opts: {
  config: Config;
  outDir: string;
  log?: (line: string) => void;
}): Promise<DemoSummary> {
  const { config } = opts;
  const tz = config.app.timeZone;
  // The demo runs as if it were 07:00 on the sample day, one hour after the daily cut-off,
  // so the sample articles are "recent" whenever the demo is run.
  const clock = DateTime.fromISO(`${SAMPLE_DAY}T07:00`, { zone: tz }).toJSDate();
  const db = path.resolve(opts.outDir, 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

  const newsroom = await startNewsroom();
  const store = openStore(db);
  try {
    const sources = newsroom.sources.map((s) => SourceDef.parse(s));
    const crawl = await runCrawl({
      config,
      store,
      sources,
      now: () => clock,
      log: opts.log,
    });
    const built = buildDailyDigestFile({
      config,
      store,
      date: SAMPLE_DAY,
      outDir: opts.outDir,
      now: clock,
    });
    const all = store.listArticles({});
    return {
      db,
      bulletin: built.file,
      number: built.number,
      sampleDay: SAMPLE_DAY,
      crawl,
      stored: all.length,
      relevant: all.filter((a) => a.relevant).length,
      inBulletin: built.model.overview.articleCount,
      ...countLabels(all.filter((a) => a.relevant)),
    };
  } finally {
    store.close();
    await newsroom.close();
  }
}

function countLabels(articles: Article[]): Pick<DemoSummary, 'byTone' | 'byTopic'> {
  const byTone: Record<Tone, number> = { positive: 0, negative: 0, neutral: 0 };
  const byTopic: Partial<Record<TopicId, number>> = {};
  for (const a of articles) {
    byTone[a.tone] += 1;
    for (const t of a.topics) byTopic[t] = (byTopic[t] ?? 0) + 1;
  }
  return { byTone, byTopic };
}
