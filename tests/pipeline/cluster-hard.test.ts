// Story clustering on the hard cases of syndication (tests/fixtures/cluster/hard-cases.ts):
// edited copies and fan-page reposts must join their original; different events written on the
// same template, and an independent write-up of the same event, must not.
import { describe, expect, it } from 'vitest';
import { cluster } from '../../pipeline/cluster.ts';
import { figureHashes, figures, novelCount } from '../../pipeline/cluster/details.ts';
import { createSegmenter, shingleSet } from '../../pipeline/cluster/shingles.ts';
import type { TextItem } from '../../src/schema.ts';
import type { HardCase } from '../fixtures/cluster/hard-cases.ts';
import { HARD_CASES } from '../fixtures/cluster/hard-cases.ts';

function byId(id: string): HardCase {
  const found = HARD_CASES.find((h) => h.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
}

function together(ids: string[]): boolean {
  const out = cluster(ids.map(byId));
  return new Set(out.map((o) => o.storyId)).size === 1;
}

function pairwise(items: HardCase[]): { tp: number; fp: number; fn: number } {
  const out = cluster(items);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const truth = items[i]?.group === items[j]?.group;
      const got = out[i]?.storyId === out[j]?.storyId;
      if (truth && got) tp++;
      else if (got) fp++;
      else if (truth) fn++;
    }
  }
  return { tp, fp, fn };
}

describe('cluster hard cases: each copy joins its original, alone with it', () => {
  const copies = HARD_CASES.filter((h) => !h.id.endsWith('-original'));
  for (const copy of copies) {
    const original = HARD_CASES.find((h) => h.group === copy.group && h.id.endsWith('-original'));
    if (!original) continue;
    it(`${copy.id} → ${original.id}`, () => {
      expect(together([original.id, copy.id])).toBe(true);
    });
  }
});

describe('cluster hard cases: different events stay apart', () => {
  const apart: [string, string, string][] = [
    ['l1-original', 'l2-original', 'two landslides on one road a week apart'],
    ['l1-press', 'l2-original', 'the second landslide report recalls the first'],
    ['l1-facebook', 'l2-facebook', 'two reposts from one fan page'],
    ['f1-original', 'f2-short', 'two fines: same legal wording and amount, 79% shared'],
    ['f1-press', 'f2-short', 'two fines, the second a short version'],
    ['f1-original', 'f2-original', 'two fines, both originals'],
    ['d1-original', 'd2-original', 'two seizures at one border post'],
    ['d1-facebook', 'd2-facebook', 'two short reposts of two seizures'],
    ['d1-facebook', 'd2-original', 'a repost of one seizure and the other seizure'],
    ['l1-original', 'l1-independent', 'the same landslide in other words'],
  ];
  for (const [a, b, why] of apart) {
    it(`${a} ≠ ${b}: ${why}`, () => {
      expect(together([a, b])).toBe(false);
    });
  }

  it('the whole set: every copy joined, no false merge', () => {
    const scores = pairwise(HARD_CASES);
    expect(scores).toEqual({ tp: 19, fp: 0, fn: 0 });
  });

  it('does not depend on the input order', () => {
    const forward = cluster(HARD_CASES);
    const backward = cluster([...HARD_CASES].reverse());
    const map = (out: { id: string; storyId: string }[]) =>
      Object.fromEntries(out.map((o) => [o.id, o.storyId]));
    expect(map(backward)).toEqual(map(forward));
  });

  it('reach counts the outlets of the story', () => {
    const out = cluster(HARD_CASES);
    const reach = out.find((o) => o.id === 'l1-original')?.reach;
    expect(reach).toBe(5);
  });
});

describe('cluster hard cases: partial copies', () => {
  it('an original whose copies took different parts is a source, not a compilation', () => {
    // The rewritten-lead copy and the lead-only repost share nothing with each other.
    expect(together(['l1-original', 'l1-newlead', 'l1-facebook'])).toBe(true);
  });

  it('a compilation published after two articles does not join them', () => {
    // Two articles of similar length: neither is most of the compilation.
    const a = byId('l1-original');
    const b = byId('d1-original');
    const roundup: TextItem = {
      id: 'roundup',
      title: 'Tin nổi bật ngày 7/11',
      sapo: '',
      body: [a.title, a.body, b.title, b.body].join('\n\n'),
      source: 'tonghop.vn',
      publishedAt: '2026-11-07T21:00:00+07:00',
    };
    const out = cluster([a, b, roundup]);
    expect(new Set(out.map((o) => o.storyId)).size).toBe(3);
  });

  it('a partial copy is joined only within days of the original', () => {
    const late = { ...byId('l1-newlead'), publishedAt: '2026-11-12T16:00:00+07:00' };
    expect(cluster([byId('l1-original'), late]).map((o) => o.reach)).toEqual([1, 1]);
    // A copy of most of the text is a copy whenever it appears (a weekly reprint).
    const reprint = { ...byId('l1-short'), publishedAt: '2026-11-20T08:00:00+07:00' };
    expect(cluster([byId('l1-original'), reprint]).map((o) => o.reach)).toEqual([2, 2]);
  });

  it('a short repost that brings figures of its own is not a copy', () => {
    const original = byId('d1-original');
    const repost: TextItem = {
      ...byId('d1-facebook'),
      id: 'd1-changed',
      // The same words, another date, age and amount: another arrest on the same template.
      body: byId('d1-facebook')
        .body.replace('6/11', '19/11')
        .replace('41 tuổi', '52 tuổi')
        .replace('2 kg', '4 kg'),
    };
    expect(cluster([original, repost]).map((o) => o.reach)).toEqual([1, 1]);
  });
});

describe('cluster hard cases: a daily report on a template', () => {
  // Two days of one outlet's coffee price report: the same sentences, other figures.
  const report = (date: string, f: readonly string[]): TextItem => ({
    id: `gia-ca-phe-${date}`,
    title: `Giá cà phê hôm nay ${date}: thị trường trong nước ${f[0]} đồng/kg`,
    sapo: '',
    body: [
      `Sáng ${date}, giá cà phê nhân xô tại các tỉnh Tây Nguyên dao động quanh mức ${f[0]} đồng/kg, thay đổi ${f[1]} đồng/kg so với phiên trước.`,
      `Tại Lâm Đồng, thương lái thu mua cà phê nhân xô ở mức ${f[2]} đồng/kg, trong khi tại Gia Lai giá thu mua phổ biến ở mức ${f[3]} đồng/kg.`,
      `Trên sàn London, giá cà phê Robusta giao tháng 1 đứng ở mức ${f[4]} USD/tấn; trên sàn New York, giá Arabica giao tháng 3 ở mức ${f[5]} US cent/pound.`,
      'Theo các doanh nghiệp xuất khẩu, nguồn cung vụ mới đang về chậm do mưa kéo dài ở nhiều vùng trồng, người dân chưa thu hoạch đồng loạt.',
    ].join('\n\n'),
    source: 'giacaphe.vn',
    publishedAt: `2026-11-${date.split('/')[0]?.padStart(2, '0')}T08:00:00+07:00`,
  });

  it('two days of the report are two stories; a copy of one day is its story', () => {
    const day1 = report('12/11', ['108.500', '1.200', '108.300', '108.700', '4.615', '382,4']);
    const day2 = report('13/11', ['109.900', '1.400', '109.600', '110.100', '4.702', '389,15']);
    const copy: TextItem = {
      ...day1,
      id: 'copy',
      title: 'Giá cà phê tiếp tục tăng',
      source: 'x.vn',
    };
    const out = cluster([day1, day2, copy]);
    expect(out[0]?.storyId).toBe(out[2]?.storyId);
    expect(out[1]?.storyId).not.toBe(out[0]?.storyId);
  });
});

describe('cluster details: figures', () => {
  it('reduces the written forms of a figure to one', () => {
    expect(figures(['Ngày 04/11/2026', 'ngày 4-11', 'ngày 4/11'])).toEqual(['4/11']);
    expect(figures(['2.000 m³', '2,000 m³', '2000 m³'])).toEqual(['2000']);
    expect(figures(['7,5 triệu', '7.5 triệu'])).toEqual(['7,5']);
    expect(figures(['Nghị định 15/2020/NĐ-CP, năm 2026.'])).toEqual(['15/2020', '2026']);
    expect(figures(['không có số nào'])).toEqual([]);
  });

  it('counts the figures of one text that another lacks', () => {
    const a = figureHashes(['Ngày 6/11, bắt 2 kg ma túy, đối tượng 41 tuổi.']);
    const b = figureHashes(['Ngày 9/11, thu giữ 1,2 kg heroin, đối tượng 36 tuổi, 2 kg.']);
    expect(novelCount(a, b)).toBe(2);
    expect(novelCount(a, a)).toBe(0);
    expect(novelCount(new Uint32Array(0), b)).toBe(0);
  });
});

describe('cluster shingles: decoration', () => {
  it('hashtags, mentions and links add no shingles', () => {
    const plain = 'Sạt lở tỉnh lộ 725 đoạn qua xã Tà Năng, giao thông bị chia cắt.';
    const decorated = `${plain} #satlo #TinhLo725 @dalatcuaminh https://example.vn/bai-viet`;
    const set = (t: string) => shingleSet(createSegmenter()(t), 5);
    expect(set(decorated)).toEqual(set(plain));
  });
});
