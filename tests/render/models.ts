// Models for the renderer tests, built by the digest builder from the digest fixture day
// (tests/digest/fixture.ts) plus follow-up cases of our own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { buildDailyDigest, buildDigest } from '../../src/digest/model.ts';
import type { DigestModel } from '../../src/digest/model.ts';
import { FollowUpCase } from '../../src/digest/follow-up.ts';
import { dailyWindow, formatBulletinNumber, weeklyWindow } from '../../src/digest/window.ts';
import { DATE, GENERATED_AT, articles, config, previousArticles } from '../digest/fixture.ts';

export const RENDER_FIXTURE_DIR = join(process.cwd(), 'tests/fixtures/render');

export const cases = z
  .array(FollowUpCase)
  .parse(JSON.parse(readFileSync(join(RENDER_FIXTURE_DIR, 'cases.json'), 'utf8')) as unknown);

const number = (n: number): string =>
  formatBulletinNumber(config.bulletin.numberFormat, n, config.agency.code);

/** The fixture day's daily bulletin (Số 125, 20/11/2026) with two open follow-up cases. */
export function dailyModel(opts: { empty?: boolean } = {}): DigestModel {
  return buildDailyDigest({
    date: DATE,
    window: dailyWindow(DATE, config.cutoffs.daily, config.timeZone),
    articles: opts.empty ? [] : articles,
    previousArticles,
    config,
    provinceName: 'Lâm Đồng',
    number: number(125),
    generatedAt: GENERATED_AT,
    cases,
  });
}

/** A weekly bulletin over the same articles: it has the per-day series and case counts. */
export function weeklyModel(): DigestModel {
  return buildDigest({
    kind: 'weekly',
    date: DATE,
    window: weeklyWindow(DATE, { weekday: 'friday', time: '15:00' }, config.timeZone),
    articles,
    previousArticles,
    config,
    provinceName: 'Lâm Đồng',
    number: number(47),
    generatedAt: GENERATED_AT,
    cases,
  });
}

export const ITEM_TITLE = 'Festival Hoa Đà Lạt 2026 đón hơn 300.000 lượt khách';

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
