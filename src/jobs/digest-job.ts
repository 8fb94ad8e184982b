// Builds a bulletin from the store and writes it to a folder: the edge around the pure
// digest builder (period → window → articles and cases → model → HTML → file and archive).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { buildDigest, type DigestModel } from '../digest/model.ts';
import type { FollowUpCase } from '../digest/follow-up.ts';
import { DEFAULT_TEMPLATE_DIR, loadTemplates, renderDigestHtml } from '../digest/templates.ts';
import {
  bulletinYear,
  customWindow,
  dailyWindow,
  formatBulletinNumber,
  monthlyWindow,
  previousPeriodWindow,
  weeklyWindow,
} from '../digest/window.ts';
import type { DigestKind, DigestWindow } from '../digest/window.ts';
import type { AppConfig } from '../config/app.ts';
import type { Config } from '../config/load.ts';
import type { Store } from '../store/index.ts';

export type BuiltDigest = { file: string; number: string; model: DigestModel; html: string };

/** Which bulletin: a period and its date, or for `custom` an inclusive range of days. */
export type DigestRequest = {
  period: DigestKind;
  /** The bulletin's date, YYYY-MM-DD: its window ends at the latest cut-off on or before it. */
  date?: string;
  /** Custom only: first and last day (inclusive), YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Custom only: the period in the title, e.g. "6 tháng đầu năm 2026". */
  periodLabel?: string;
};

export type ResolvedPeriod = {
  kind: DigestKind;
  /** The bulletin's date (date line, numbering year). */
  date: string;
  window: DigestWindow;
  previous: DigestWindow;
};

/**
 * The window of a request, from its dates only: `now` gives the default date of an on-demand
 * report (issued today) and nothing else, so a bulletin built after downtime covers the window
 * of its date.
 */
export function resolvePeriod(req: DigestRequest, app: AppConfig, now: Date): ResolvedPeriod {
  const tz = app.timeZone;
  const need = (v: string | undefined, name: string): string => {
    if (v === undefined) throw new Error(`digest: the ${req.period} bulletin needs ${name}`);
    return v;
  };
  let window: DigestWindow;
  let date: string;
  switch (req.period) {
    case 'daily':
      date = need(req.date, 'a date');
      window = dailyWindow(date, app.cutoffs.daily, tz);
      break;
    case 'weekly':
      date = need(req.date, 'a date');
      window = weeklyWindow(date, app.cutoffs.weekly, tz);
      break;
    case 'monthly':
      date = need(req.date, 'a date');
      window = monthlyWindow(date, app.cutoffs.monthly, tz);
      break;
    case 'custom':
      window = customWindow(need(req.from, '--from'), need(req.to, '--to'), tz);
      date = req.date ?? DateTime.fromJSDate(now, { zone: tz }).toISODate() ?? '';
      break;
  }
  return { kind: req.period, date, window, previous: previousPeriodWindow(req.period, window, tz) };
}

export function digestFileName(req: DigestRequest): string {
  if (req.period === 'custom') return `diemtin-custom-${req.from ?? ''}_${req.to ?? ''}.html`;
  return `diemtin-${req.period}-${req.date ?? ''}.html`;
}

export function dailyDigestFileName(date: string): string {
  return digestFileName({ period: 'daily', date });
}

export function buildDigestFile(opts: {
  config: Config;
  store: Store;
  request: DigestRequest;
  outDir: string;
  now: Date;
  templatesDir?: string;
  /** Follow-up cases to print instead of the store's (tests, previews). */
  cases?: readonly FollowUpCase[];
}): BuiltDigest {
  const { config, store, request } = opts;
  // Templates are loaded (and checked) before any work, so a broken template fails first.
  const templates = loadTemplates(opts.templatesDir ?? DEFAULT_TEMPLATE_DIR);
  const period = resolvePeriod(request, config.app, opts.now);
  const { window, previous, kind } = period;
  const year = bulletinYear(period.date, config.app.timeZone);

  // Rebuilding the bulletin of a window keeps its number; a new window takes the next one.
  // Two custom ranges may start on the same day (6-month and yearly), so the end must match too.
  const existing = store.findDigestForWindow(kind, window.start, window.end);
  const seq = existing?.seq ?? store.nextDigestSeq(kind, year);
  const number = formatBulletinNumber(
    config.app.bulletin.numberFormat,
    seq,
    config.app.agency.code,
  );

  const model = buildDigest({
    kind,
    date: period.date,
    window,
    // Only relevant articles reach any figure, and only a body's opening reaches the summary.
    articles: store.listDigestArticles(window.start, window.end),
    // The previous period only gives figures: counted in SQL, not loaded.
    previousToneCounts: store.relevantToneCounts(previous.start, previous.end),
    config: config.app,
    provinceName: config.profile.name,
    number,
    generatedAt: opts.now,
    cases: opts.cases ?? store.listCasesForWindow(window.start, window.end),
    ...(request.periodLabel === undefined ? {} : { periodLabel: request.periodLabel }),
  });
  const html = renderDigestHtml(model, templates);

  mkdirSync(opts.outDir, { recursive: true });
  const file = path.resolve(opts.outDir, digestFileName({ ...request, date: period.date }));
  writeFileSync(file, html);
  const record = {
    period: kind,
    year: existing?.year ?? year,
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
  return { file, number, model, html };
}

/** The daily bulletin (kept for the CLI and the demo): buildDigestFile with period daily. */
export function buildDailyDigestFile(opts: {
  config: Config;
  store: Store;
  /** The bulletin's date, YYYY-MM-DD. */
  date: string;
  outDir: string;
  now: Date;
  templatesDir?: string;
  cases?: readonly FollowUpCase[];
}): BuiltDigest {
  const { date, ...rest } = opts;
  return buildDigestFile({ ...rest, request: { period: 'daily', date } });
}
