// Shared fixture for the digest tests: a hand-written day of coverage of Lâm Đồng.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Article } from '../../src/schema.ts';
import { AppConfig } from '../../src/config/app.ts';
import { buildDailyDigest } from '../../src/digest/model.ts';
import type { DigestModel } from '../../src/digest/model.ts';
import { dailyWindow, formatBulletinNumber } from '../../src/digest/window.ts';

export const FIXTURE_DIR = join(process.cwd(), 'tests/fixtures/digest');

const read = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as unknown;

export const config = AppConfig.parse(read('config.json'));
export const articles = z.array(Article).parse(read('articles.json'));
export const previousArticles = z.array(Article).parse(read('previous-articles.json'));
export const DATE = '2026-11-20';
export const GENERATED_AT = new Date('2026-11-19T23:05:00Z');

export function fixtureModel(
  overrides: { articles?: Article[]; previousArticles?: Article[] } = {},
): DigestModel {
  return buildDailyDigest({
    date: DATE,
    window: dailyWindow(DATE, config.cutoffs.daily, config.timeZone),
    articles: overrides.articles ?? articles,
    previousArticles: overrides.previousArticles ?? previousArticles,
    config,
    provinceName: 'Lâm Đồng',
    number: formatBulletinNumber(config.bulletin.numberFormat, 125, config.agency.code),
    generatedAt: GENERATED_AT,
  });
}
