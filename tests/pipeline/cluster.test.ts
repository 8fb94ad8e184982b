import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../pipeline/cluster.ts';
import type { StoryAssignment, TextItem } from '../../src/schema.ts';
import { TextItem as TextItemSchema } from '../../src/schema.ts';
import {
  ADDED_SENTENCE_A,
  INDEPENDENT_A,
  LANDSLIDE_A,
  LANDSLIDE_B,
  NEW_LEAD_A,
  PAGE_FOOTER,
  SHORT_POSTS,
  item,
} from '../fixtures/cluster/texts.ts';

const A = LANDSLIDE_A;
const at = (hour: number): string => `2026-10-12T${String(hour).padStart(2, '0')}:00:00+07:00`;

const original = item('a-original', A, { source: 'baolamdong.vn', publishedAt: at(6) });
const variants: Record<string, TextItem> = {
  'exact copy': item('a-exact', A, { source: 'vnexpress.net', publishedAt: at(8) }),
  'new title': item(
    'a-title',
    { ...A, title: 'Hàng nghìn khối đất đá chắn ngang quốc lộ 28' },
    { url: 'https://www.tuoitre.vn/sat-lo-ql28.htm', publishedAt: at(9) },
  ),
  'cut paragraph': item(
    'a-cut',
    { ...A, paragraphs: A.paragraphs.filter((_, i) => i !== 2) },
    { source: 'thanhnien.vn', publishedAt: at(10) },
  ),
  'reordered paragraphs': item(
    'a-reordered',
    { ...A, paragraphs: [1, 0, 2, 4, 3, 5].map((i) => A.paragraphs[i] ?? '') },
    { source: 'laodong.vn', publishedAt: at(11) },
  ),
  'added sentence': item(
    'a-added',
    { ...A, paragraphs: A.paragraphs.map((p, i) => (i === 2 ? `${p} ${ADDED_SENTENCE_A}` : p)) },
    { source: 'nld.com.vn', publishedAt: at(12) },
  ),
  'different lead, no sapo': item(
    'a-lead',
    { ...A, sapo: '', paragraphs: [NEW_LEAD_A, ...A.paragraphs.slice(1)] },
    { source: 'vov.vn', publishedAt: at(13) },
  ),
};

function storyOf(out: StoryAssignment[], id: string): string {
  const found = out.find((o) => o.id === id);
  if (!found) throw new Error(`no assignment for ${id}`);
  return found.storyId;
}

describe('cluster: copies join one story', () => {
  for (const [name, copy] of Object.entries(variants)) {
    it(`${name} → same story as the original`, () => {
      const out = cluster([original, copy]);
      expect(out[0]?.storyId).toBe(out[1]?.storyId);
      expect(out.map((o) => o.reach)).toEqual([2, 2]);
    });
  }

  it('all variants together form one story with reach = distinct outlets', () => {
    const out = cluster([original, ...Object.values(variants)]);
    expect(new Set(out.map((o) => o.storyId)).size).toBe(1);
    expect(out[0]?.reach).toBe(7);
  });
});

describe('cluster: different texts stay apart', () => {
  it('two different landslides in Lâm Đồng on different days are different stories', () => {
    const b = item('b', LANDSLIDE_B, { source: 'baolamdong.vn', publishedAt: at(7) });
    const out = cluster([original, b, ...Object.values(variants)]);
    expect(storyOf(out, 'b')).not.toBe(storyOf(out, 'a-original'));
    expect(storyOf(out, 'b')).not.toBe(storyOf(out, 'a-cut'));
  });

  it('the same event written independently is a different story', () => {
    const c = item('c', INDEPENDENT_A, { source: 'vietnamplus.vn', publishedAt: at(7) });
    const out = cluster([original, c, ...Object.values(variants)]);
    expect(storyOf(out, 'c')).not.toBe(storyOf(out, 'a-original'));
    expect(storyOf(out, 'c')).not.toBe(storyOf(out, 'a-lead'));
  });

  it('a roundup carrying two whole articles does not merge them', () => {
    const b = item('b', LANDSLIDE_B, { source: 'baolamdong.vn' });
    const roundup: TextItem = {
      id: 'roundup',
      title: 'Tin tổng hợp ngày 20/10',
      sapo: '',
      body: [A.title, ...A.paragraphs, LANDSLIDE_B.title, ...LANDSLIDE_B.paragraphs].join('\n\n'),
      source: 'baomoi.com',
    };
    const out = cluster([original, variants['exact copy'] as TextItem, b, roundup]);
    expect(storyOf(out, 'a-exact')).toBe(storyOf(out, 'a-original'));
    expect(
      new Set([storyOf(out, 'a-original'), storyOf(out, 'b'), storyOf(out, 'roundup')]).size,
    ).toBe(3);
  });

  it('unrelated short posts sharing a long page footer are not merged', () => {
    const posts: TextItem[] = SHORT_POSTS.map((p, i) => ({
      id: `post-${i}`,
      title: '',
      sapo: '',
      body: `${p}\n\n${PAGE_FOOTER}`,
      source: 'facebook.com/tinlamdong',
    }));
    const out = cluster(posts);
    expect(new Set(out.map((o) => o.storyId)).size).toBe(SHORT_POSTS.length);
  });

  it('a story copied by many outlets is not mistaken for boilerplate', () => {
    const copies = Array.from({ length: 12 }, (_, i) =>
      item(`copy-${i}`, A, { source: `outlet-${i}.vn` }),
    );
    const others = SHORT_POSTS.map((p, i) => ({ id: `o-${i}`, title: '', sapo: '', body: p }));
    const out = cluster([...copies, ...others]);
    expect(new Set(out.slice(0, 12).map((o) => o.storyId)).size).toBe(1);
    expect(out[0]?.reach).toBe(12);
    expect(new Set(out.map((o) => o.storyId)).size).toBe(1 + SHORT_POSTS.length);
  });

  it('a headline-only item is not swallowed by the article containing it', () => {
    const headline: TextItem = { id: 'h', title: A.title, sapo: '', body: '' };
    const out = cluster([original, headline]);
    expect(out[0]?.storyId).not.toBe(out[1]?.storyId);
  });
});

describe('cluster: reach', () => {
  it('two copies from the same outlet count once', () => {
    const again = item('a-again', A, { source: 'baolamdong.vn', publishedAt: at(7) });
    expect(cluster([original, again]).map((o) => o.reach)).toEqual([1, 1]);
  });

  it('falls back to the URL host without www., then to the item itself', () => {
    const viaUrl = item('u1', A, { url: 'https://www.baolamdong.vn/a.html' });
    const sameHost = item('u2', A, { url: 'https://baolamdong.vn/b.html' });
    expect(cluster([viaUrl, sameHost]).map((o) => o.reach)).toEqual([1, 1]);
    const anonymous = [item('x1', A), item('x2', A)];
    expect(cluster(anonymous).map((o) => o.reach)).toEqual([2, 2]);
  });

  it('an unrelated item has reach 1', () => {
    const b = item('b', LANDSLIDE_B, { source: 'vnexpress.net' });
    const out = cluster([original, variants['exact copy'] as TextItem, b]);
    expect(out.map((o) => o.reach)).toEqual([2, 2, 1]);
  });
});

describe('cluster: story ids', () => {
  const all = [original, ...Object.values(variants)];

  it('is s- and 12 hex characters, named after the earliest member', () => {
    const out = cluster(all);
    expect(out[0]?.storyId).toMatch(/^s-[0-9a-f]{12}$/);
    expect(out[0]?.storyId).toBe(cluster([original])[0]?.storyId);
  });

  it('does not change when the input order changes', () => {
    const b = item('b', LANDSLIDE_B, { source: 'baolamdong.vn' });
    const forward = cluster([...all, b]);
    const backward = cluster([b, ...all].reverse());
    const byId = (out: StoryAssignment[]) => Object.fromEntries(out.map((o) => [o.id, o.storyId]));
    expect(byId(backward)).toEqual(byId(forward));
  });

  it('does not change when a later copy joins', () => {
    const before = cluster([original, variants['cut paragraph'] as TextItem]);
    const later = item('a-later', A, { source: 'dantri.com.vn', publishedAt: at(20) });
    const after = cluster([original, variants['cut paragraph'] as TextItem, later]);
    expect(after[0]?.storyId).toBe(before[0]?.storyId);
    expect(after[2]?.storyId).toBe(before[0]?.storyId);
  });

  it('ties on publishedAt go to the smallest id; undated members come last', () => {
    const x = item('x', A, { publishedAt: at(6) });
    const y = item('y', A, { publishedAt: at(6) });
    const undated = item('0-undated', A);
    const out = cluster([y, undated, x]);
    expect(out[0]?.storyId).toBe(cluster([x])[0]?.storyId);
  });
});

describe('cluster: shape', () => {
  it('empty input → empty output', () => {
    expect(cluster([])).toEqual([]);
  });

  it('keeps input order and length; empty texts are their own stories', () => {
    const blank: TextItem = { id: 'blank', title: '', sapo: '', body: '' };
    const blank2: TextItem = { id: 'blank2', title: '', sapo: '', body: '' };
    const out = cluster([variants['new title'] as TextItem, blank, original, blank2]);
    expect(out.map((o) => o.id)).toEqual(['a-title', 'blank', 'a-original', 'blank2']);
    expect(out[1]?.storyId).not.toBe(out[3]?.storyId);
    expect(out.every((o) => o.reach >= 1)).toBe(true);
  });
});

// Pairwise precision/recall over the labeled dev set: a pair is positive when both items share
// a storyGroup (truth) / a storyId (prediction).
const DEVSET = resolve(process.cwd(), '../shared/domain/devset/stories.jsonl');
describe('cluster: devset stories.jsonl', () => {
  if (!existsSync(DEVSET)) {
    console.log(`cluster devset: ${DEVSET} not found, skipping the F1 check`);
    return;
  }
  it('pairwise F1 ≥ 0.90', () => {
    const rows = readFileSync(DEVSET, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { storyGroup: string });
    const items = rows.map((r) => TextItemSchema.parse(r));
    const out = cluster(items);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const truth = rows[i]?.storyGroup === rows[j]?.storyGroup;
        const predicted = out[i]?.storyId === out[j]?.storyId;
        if (truth && predicted) tp++;
        else if (predicted) fp++;
        else if (truth) fn++;
      }
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    console.log(
      `cluster devset: ${rows.length} items, pairs tp=${tp} fp=${fp} fn=${fn}, ` +
        `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} F1=${f1.toFixed(3)}`,
    );
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });
});

// VietnameseMDS: 199 clusters of articles about one event each, mostly written independently.
// Under our rule only real copies may merge: no pair across clusters, and few within one.
const MDS = resolve(process.cwd(), '../shared/data/clusters/VietnameseMDS_200clusters.jsonl');
describe('cluster: VietnameseMDS same-event probe', () => {
  if (!existsSync(MDS)) {
    console.log(`cluster MDS probe: ${MDS} not found, skipping`);
    return;
  }
  it('never merges different events and merges few same-event write-ups', () => {
    const rows = readFileSync(MDS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map(
        (l) =>
          JSON.parse(l) as {
            cluster: string;
            doc_id: string;
            title_tok: string;
            summary_tok: string;
            body: string;
            original_outlet: string | null;
          },
      );
    // Titles and summaries are word-segmented with "_"; bodies are raw.
    const items: TextItem[] = rows.map((r, i) => ({
      id: `mds-${i}-${r.doc_id}`,
      title: r.title_tok.replace(/_/g, ' '),
      sapo: r.summary_tok.replace(/_/g, ' '),
      body: r.body,
      source: r.original_outlet,
    }));
    const out = cluster(items);
    let sameEvent = 0;
    let sameEventMerged = 0;
    let crossEventMerged = 0;
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const merged = out[i]?.storyId === out[j]?.storyId;
        if (rows[i]?.cluster === rows[j]?.cluster) {
          sameEvent++;
          if (merged) sameEventMerged++;
        } else if (merged) crossEventMerged++;
      }
    }
    console.log(
      `cluster MDS probe: ${rows.length} articles → ${new Set(out.map((o) => o.storyId)).size} stories; ` +
        `same-event pairs merged ${sameEventMerged}/${sameEvent}, cross-event pairs merged ${crossEventMerged}`,
    );
    expect(crossEventMerged).toBe(0);
    expect(sameEventMerged / sameEvent).toBeLessThan(0.05);
  });
});
