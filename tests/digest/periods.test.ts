// Weekly and monthly bulletins built by the job from a fixed SQLite store (a seeded month and
// a half of coverage plus hand-written follow-up cases), compared with golden HTML files.
// UPDATE_GOLDEN=1 regenerates them; review the diff before committing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/load.ts';
import { SourceDef } from '../../src/config/sources.ts';
import { FollowUpCase } from '../../src/digest/follow-up.ts';
import { buildDigest } from '../../src/digest/model.ts';
import { summarize } from '../../src/digest/summary.ts';
import { customWindow, previousPeriodWindow } from '../../src/digest/window.ts';
import { buildDigestFile } from '../../src/jobs/digest-job.ts';
import type { BuiltDigest, DigestRequest } from '../../src/jobs/digest-job.ts';
import { DIGEST_BODY_CHARS } from '../../src/store/digest-queries.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/index.ts';
import { OUTLETS, synthesizeArticles } from './corpus.ts';
import { FIXTURE_DIR, config as appConfig } from './fixture.ts';

const NOW = new Date('2026-11-05T08:30:00Z');
const cases = z
  .array(FollowUpCase)
  .parse(JSON.parse(readFileSync(join(FIXTURE_DIR, 'cases.json'), 'utf8')) as unknown);
export const periodArticles = synthesizeArticles({
  seed: 20261101,
  start: '2026-09-01T00:00:00+07:00',
  end: '2026-11-06T00:00:00+07:00',
  count: 1500,
});

let dir: string;
let store: Store;
let config: Config;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diemtin-periods-'));
  store = openStore(join(dir, 'x.sqlite'));
  store.upsertSources(
    OUTLETS.map((o) => SourceDef.parse({ ...o, feeds: [`https://${o.domain}/rss/${o.id}.rss`] })),
  );
  for (const a of periodArticles) store.upsertArticle(a);
  config = { ...loadConfig(), app: appConfig };
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function build(request: DigestRequest, withCases = true): BuiltDigest {
  return buildDigestFile({
    config,
    store,
    request,
    outDir: dir,
    now: NOW,
    ...(withCases ? { cases } : {}),
  });
}

function golden(name: string, html: string): void {
  const file = join(FIXTURE_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, html);
    console.log(`digest: wrote ${file}`);
  }
  expect(existsSync(file), `missing ${file}; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(html).toBe(readFileSync(file, 'utf8'));
}

const headings = (html: string): string[] =>
  [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1] ?? '');

describe('the weekly bulletin (dated Thursday 5/11/2026, a week spanning two months)', () => {
  let built: BuiltDigest;
  beforeAll(() => {
    built = build({ period: 'weekly', date: '2026-11-05' });
  });

  it('covers Thursday 15:00 to Thursday 15:00 with its own number series', () => {
    const m = built.model;
    expect(m.kind).toBe('weekly');
    expect(m.header.title).toBe('ĐIỂM TIN BÁO CHÍ TUẦN');
    expect(m.header.windowText).toBe('Từ 15 giờ 00 ngày 29/10/2026 đến 15 giờ 00 ngày 05/11/2026');
    expect(built.number).toBe('Số 1/ĐT-SVHTTDL');
    const inWindow = periodArticles.filter((a) => {
      const t = Date.parse(a.publishedAt ?? '');
      return (
        a.relevant &&
        t >= Date.parse('2026-10-29T15:00:00+07:00') &&
        t < Date.parse('2026-11-05T15:00:00+07:00')
      );
    });
    expect(m.overview.articleCount).toBe(inWindow.length);
  });

  it('has a day-by-day series of seven 24-hour slices that adds up to the count', () => {
    const s = built.model.overview.series ?? [];
    expect(s.map((p) => p.label)).toEqual([
      '29/10',
      '30/10',
      '31/10',
      '01/11',
      '02/11',
      '03/11',
      '04/11',
    ]);
    expect(s.reduce((n, p) => n + p.count, 0)).toBe(built.model.overview.articleCount);
    expect(built.model.overview.seriesChartSvg).toMatch(/^<svg xmlns/);
  });

  it('lists the follow-up cases open at the cut-off, with the sections in order', () => {
    expect(built.model.followUp.items.map((i) => i.caseId)).toEqual([1, 3, 4, 6]);
    expect(headings(built.html)).toEqual([
      'Tổng quan',
      'I. Tin nổi bật',
      'II. Thông tin tích cực',
      'III. Thông tin cần lưu ý',
      'IV. Theo dõi xử lý',
      'V. Theo chủ đề',
      'VI. Đề xuất, kiến nghị',
    ]);
    expect(built.html).toContain('Quá hạn 21 ngày (hạn 15/10/2026)');
    expect(built.html).toContain('vụ việc đã quá hạn tại mục IV');
  });

  it('caps the lists from config and says how many it left out', () => {
    const m = built.model;
    expect(m.highlights.items).toHaveLength(7);
    expect(m.positive.items.length).toBeLessThanOrEqual(15);
    expect(m.attention.groups.flatMap((g) => g.items).length).toBeLessThanOrEqual(30);
    expect(m.byTopic.topics.every((t) => t.entries.length <= 5)).toBe(true);
    expect(m.byTopic.topics.some((t) => t.moreText?.startsWith('và '))).toBe(true);
  });

  it('keeps its number when rebuilt, even dated later in the week (after downtime)', () => {
    const again = build({ period: 'weekly', date: '2026-11-07' });
    expect(again.number).toBe(built.number);
    expect(again.model.window).toEqual(built.model.window);
    expect(again.model.overview.articleCount).toBe(built.model.overview.articleCount);
  });

  it('matches the golden file', () => {
    golden('weekly.golden.html', built.html);
  });
});

describe('the monthly bulletin (dated 1/11/2026: October)', () => {
  let built: BuiltDigest;
  beforeAll(() => {
    built = build({ period: 'monthly', date: '2026-11-01' });
  });

  it('covers October from cut-off to cut-off and compares with September', () => {
    const m = built.model;
    expect(m.header.title).toBe('ĐIỂM TIN BÁO CHÍ THÁNG 10 NĂM 2026');
    expect(m.window).toEqual({
      start: '2026-10-01T06:00:00.000+07:00',
      end: '2026-11-01T06:00:00.000+07:00',
    });
    expect(m.overview.series).toHaveLength(31);
    expect(m.overview.series?.[0]?.label).toBe('01/10');
    expect(m.overview.previousArticleCount).toBeGreaterThan(0);
    expect(m.overview.tone.every((r) => r.changeTenths !== null)).toBe(true);
    expect(m.overview.summary).toMatch(/kỳ trước: [\d.]+ tin, bài \((tăng|giảm) [\d,]+%\)/);
    expect(m.overview.seriesText).toMatch(/^Bình quân \d+ tin, bài\/ngày; nhiều nhất ngày/);
  });

  it('numbers monthly bulletins apart from weekly ones', () => {
    expect(built.number).toBe('Số 1/ĐT-SVHTTDL');
  });

  it('prints the opened and closed counts of follow-up cases', () => {
    expect(built.model.followUp.countsText).toBe(
      'Trong kỳ mở 3 vụ việc, kết thúc 1; ban hành 3 công văn đề nghị kiểm tra, xử lý; còn 3 vụ việc đang theo dõi.',
    );
    expect(built.html).toContain(built.model.followUp.countsText ?? '-');
    expect(built.html).not.toContain('javascript:');
  });

  it('matches the golden file', () => {
    golden('monthly.golden.html', built.html);
  });
});

describe('the daily bulletin from the same store', () => {
  it('has no series, the follow-up section, and matches the golden file', () => {
    const built = build({ period: 'daily', date: '2026-11-05' });
    expect(built.model.overview.series).toBeNull();
    expect(built.html).not.toContain('Số tin, bài theo ngày');
    expect(built.model.followUp.countsText).toBeNull();
    // Case 6 closed on 2/11, before this day's window.
    expect(built.model.followUp.items.map((i) => i.caseId)).toEqual([1, 3, 4]);
    golden('daily-store.golden.html', built.html);
  });
});

describe('on-demand (custom) reports', () => {
  it('titles a half-year, numbers it apart and keeps a number per exact range', () => {
    const h = build({ period: 'custom', from: '2026-07-01', to: '2026-12-31', date: '2026-11-05' });
    expect(h.model.header.title).toBe('ĐIỂM TIN BÁO CHÍ 6 THÁNG CUỐI NĂM 2026');
    expect(h.model.header.windowText).toBe('Từ ngày 01/07/2026 đến ngày 31/12/2026');
    // Over 62 days: a monthly series.
    expect(h.model.overview.series?.map((p) => p.label)).toEqual([
      '07/2026',
      '08/2026',
      '09/2026',
      '10/2026',
      '11/2026',
      '12/2026',
    ]);
    expect(h.model.followUp.countsText).not.toBeNull();
    const sameStart = build(
      { period: 'custom', from: '2026-07-01', to: '2026-10-31', date: '2026-11-05' },
      false,
    );
    expect(sameStart.number).not.toBe(h.number);
    const again = build({
      period: 'custom',
      from: '2026-07-01',
      to: '2026-12-31',
      date: '2026-11-05',
      periodLabel: '6 tháng cuối năm 2026 (bản cập nhật)',
    });
    expect(again.number).toBe(h.number);
    expect(again.model.header.title).toBe('ĐIỂM TIN BÁO CHÍ 6 THÁNG CUỐI NĂM 2026 (BẢN CẬP NHẬT)');
  });

  it('asks for the range it needs', () => {
    expect(() => build({ period: 'custom', from: '2026-07-01' })).toThrow(
      /^digest: the custom bulletin needs --to/,
    );
    expect(() => build({ period: 'weekly' })).toThrow(/^digest: the weekly bulletin needs a date/);
  });

  it('is pure: a model built from the same articles twice is the same', () => {
    const window = customWindow('2026-10-01', '2026-10-31', appConfig.timeZone);
    const previous = previousPeriodWindow('custom', window, appConfig.timeZone);
    const input = {
      kind: 'custom' as const,
      date: '2026-11-05',
      window,
      articles: periodArticles,
      previousArticles: periodArticles.filter((a) => {
        const t = Date.parse(a.publishedAt ?? '');
        return t >= Date.parse(previous.start) && t < Date.parse(previous.end);
      }),
      config: appConfig,
      provinceName: 'Lâm Đồng',
      number: 'Số 9/ĐT-SVHTTDL',
      generatedAt: NOW,
      cases,
    };
    const a = buildDigest(input);
    expect(a.header.title).toBe('ĐIỂM TIN BÁO CHÍ THÁNG 10 NĂM 2026');
    expect(buildDigest(input)).toEqual(a);
  });
});

describe('the bulletin queries of the store', () => {
  const from = '2026-10-01T06:00:00+07:00';
  const to = '2026-11-01T06:00:00+07:00';

  it('reads the relevant articles of a window with only the opening of each body', () => {
    const full = store.listArticles({ from, to, relevantOnly: true });
    const light = store.listDigestArticles(from, to);
    expect(light.map((a) => a.id)).toEqual(full.map((a) => a.id));
    expect(light.map((a) => ({ ...a, body: '' }))).toEqual(full.map((a) => ({ ...a, body: '' })));
    expect(light.every((a, i) => (full[i]?.body ?? '').startsWith(a.body))).toBe(true);
    expect(light.every((a) => a.body.length <= DIGEST_BODY_CHARS)).toBe(true);
  });

  it('cuts bodies no shorter than the summary reads', () => {
    const long = 'Người dân phản ánh tình trạng sạt lở kéo dài. '.repeat(60);
    expect(summarize('', long.slice(0, DIGEST_BODY_CHARS))).toBe(summarize('', long));
    const oneSentence = `${'Đoạn đường liên thôn bị sạt lở nặng '.repeat(40)}.`;
    expect(summarize('', oneSentence.slice(0, DIGEST_BODY_CHARS))).toBe(summarize('', oneSentence));
  });

  it('counts the previous period by tone, relevant articles only', () => {
    const counts = store.relevantToneCounts(from, to);
    const full = store.listArticles({ from, to, relevantOnly: true });
    expect(counts).toEqual({
      positive: full.filter((a) => a.tone === 'positive').length,
      negative: full.filter((a) => a.tone === 'negative').length,
      neutral: full.filter((a) => a.tone === 'neutral').length,
    });
  });
});
