// Equivalences the faster clustering relies on (no timings here: see bench/cluster.ts).
import { describe, expect, it } from 'vitest';
import { cluster } from '../../pipeline/cluster.ts';
import { createSegmenter } from '../../pipeline/cluster/shingles.ts';
import type { TextItem } from '../../src/schema.ts';
import { LANDSLIDE_A, LANDSLIDE_B, PAGE_FOOTER, SHORT_POSTS } from '../fixtures/cluster/texts.ts';

describe('segmenter: parts are segmented as if joined by line breaks', () => {
  const cases: [string, string, string][] = [
    [LANDSLIDE_A.title, LANDSLIDE_A.sapo, LANDSLIDE_A.paragraphs.join('\n\n')],
    ['', '', LANDSLIDE_B.paragraphs.join('\n')],
    ['Tiêu đề không dấu chấm', 'Sapo kết thúc bằng dấu chấm.', ''],
    ['  ', 'một', 'hai  ba.\r\nbốn\u00a0năm'],
  ];
  for (const [title, sapo, body] of cases) {
    it(`"${title.slice(0, 30)}"`, () => {
      const joined = createSegmenter()(`${title}\n${sapo}\n${body}`);
      const parts = createSegmenter()([title, sapo, body]);
      expect(parts).toEqual(joined);
    });
  }

  it('a segmenter reused across texts gives what a fresh one gives', () => {
    const shared = createSegmenter();
    for (const p of [...SHORT_POSTS, PAGE_FOOTER, ...LANDSLIDE_A.paragraphs]) {
      shared(['x', p]);
      expect(shared(['', '', p])).toEqual(createSegmenter()(`\n\n${p}`));
    }
  });
});

describe('cluster: boilerplate counted per outlet', () => {
  // Four posts: the footer's batch frequency (4) is under the batch rule's floor (5), so only
  // the per-outlet count can tell a template from a copied text.
  const posts = (outlet: (i: number) => string): TextItem[] =>
    SHORT_POSTS.slice(0, 4).map((p, i) => ({
      id: `p-${i}`,
      title: '',
      sapo: '',
      body: `${p}\n\n${PAGE_FOOTER}`,
      source: outlet(i),
    }));

  it('a footer one outlet repeats is its template: its unrelated posts stay apart', () => {
    const out = cluster(posts(() => 'one-outlet.vn'));
    expect(new Set(out.map((o) => o.storyId)).size).toBe(4);
  });

  it('the same text carried by four outlets is kept as text', () => {
    const out = cluster(posts((i) => `outlet-${i}.vn`));
    expect(new Set(out.map((o) => o.storyId)).size).toBeLessThan(4);
  });
});
