// Builds a bulletin from the store and writes it to a folder: the edge around the pure
// digest builder (select articles → model → HTML → file and archive).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { buildDailyDigest, type DigestModel } from '../digest/model.ts';
import { DEFAULT_TEMPLATE_DIR, loadTemplates, renderDigestHtml } from '../digest/templates.ts';
import { dailyWindow, formatBulletinNumber, previousWindow } from '../digest/window.ts';
import type { Config } from '../config/load.ts';
import type { Store } from '../store/index.ts';

export type BuiltDigest = { file: string; number: string; model: DigestModel };

export function dailyDigestFileName(date: string): string {
  return `diemtin-daily-${date}.html`;
}

export function buildDailyDigestFile(opts: {
  config: Config;
  store: Store;
  /** The bulletin's date, YYYY-MM-DD. */
  date: string;
  outDir: string;
  now: Date;
  templatesDir?: string;
}): BuiltDigest {
  const { config, store, date } = opts;
  // Templates are loaded (and checked) before any work, so a broken template fails first.
  const templates = loadTemplates(opts.templatesDir ?? DEFAULT_TEMPLATE_DIR);
  const tz = config.app.timeZone;
  const window = dailyWindow(date, config.app.cutoffs.daily, tz);
  const previous = previousWindow(window);
  const year = DateTime.fromISO(window.end, { zone: tz }).year;

  // Rebuilding the bulletin of a window keeps its number; a new window takes the next one.
  const existing = store.findDigest('daily', window.start);
  const seq = existing?.seq ?? store.nextDigestSeq('daily', year);
  const number = formatBulletinNumber(
    config.app.bulletin.numberFormat,
    seq,
    config.app.agency.code,
  );

  const model = buildDailyDigest({
    date,
    window,
    articles: store.listArticles({ from: window.start, to: window.end }),
    previousArticles: store.listArticles({ from: previous.start, to: previous.end }),
    config: config.app,
    provinceName: config.profile.name,
    number,
    generatedAt: opts.now,
  });
  const html = renderDigestHtml(model, templates);

  mkdirSync(opts.outDir, { recursive: true });
  const file = path.resolve(opts.outDir, dailyDigestFileName(date));
  writeFileSync(file, html);
  const record = {
    period: 'daily',
    year,
    seq,
    number,
    windowStart: window.start,
    windowEnd: window.end,
    createdAt: opts.now,
    html,
    model,
  };
  if (existing) store.replaceDigest(existing.id, record);
  else store.saveDigest(record);
  return { file, number, model };
}
