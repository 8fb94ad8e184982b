// query.ts answers document and box queries from an element index (element-index.ts) and
// css-select runs with a getter-free adapter (dom.ts), for speed (issue 4). Both must give
// exactly cheerio's answers: this test runs on every gold page its rule's selectors, its drop
// list with the global drops, and hand-picked tricky selectors, on the document and inside
// boxes, before and after removing elements from the tree, and compares with cheerio.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio';
import type { AnyNode, Document, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { GLOBAL_BODY_DROP, removeAll } from '../../pipeline/extract/blocks.ts';
import { textOf } from '../../pipeline/extract/dom.ts';
import type { Page } from '../../pipeline/extract/page.ts';
import { pageOf } from '../../pipeline/extract/page.ts';
import { prepareHtml } from '../../pipeline/extract/prepare.ts';
import { findAll, selectAll, selectFirst, selectWithin } from '../../pipeline/extract/query.ts';
import { SITE_RULES } from '../../pipeline/extract/sites/index.ts';

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/extract');

/** The extractor's view of cheerio's own tree: both answer on the very same nodes. */
const views = new WeakMap<CheerioAPI, Page>();
function pg($: CheerioAPI): Page {
  let page = views.get($);
  if (!page) {
    page = pageOf($.root().get(0) as Document);
    views.set($, page);
  }
  return page;
}

const TRICKY = [
  'p',
  'P',
  'div p',
  'div > p',
  'h1 + p',
  'h2 ~ p',
  '*',
  'body *',
  'a[href]',
  '[CLASS]',
  '[class*="Detail" i]',
  '[class~="detail-title"]',
  '[id]',
  '[id!="x"]',
  'meta[property="og:title"], title, script',
  'div:has(> p)',
  'p:not(.x)',
  ':is(h1, h2)',
  'li:first-child',
  'p:empty',
  'div.a.b, .b.a',
  'script[type="application/ld+json"]',
  '[data-role="content"] p',
  'time[datetime]',
  'a, a, a',
  ':root',
];

/** What the extractor queries inside a body box: drop lists, links, tables, alignment. */
function boxSelectors(pageId: string): string[] {
  const out = new Set<string>([...TRICKY, 'a', 'table', 'img', '[align="right" i]']);
  out.add(GLOBAL_BODY_DROP.join(', '));
  const rule = SITE_RULES.find((r) => r.id === pageId.split('@')[0]);
  for (const l of rule ? [rule, ...(rule.versions ?? [])] : []) {
    out.add([...GLOBAL_BODY_DROP, ...l.drop].join(', '));
  }
  return [...out];
}

/** Every selector of the rule whose fixture the page is (all its layouts), or none. */
function ruleSelectors(pageId: string): string[] {
  const rule = SITE_RULES.find((r) => r.id === pageId.split('@')[0]);
  if (!rule) return [];
  const out = new Set<string>();
  for (const l of [rule, ...(rule.versions ?? [])]) {
    for (const list of [l.fingerprint, l.title, l.sapo, l.body, l.drop, l.author, l.date]) {
      for (const sel of list) out.add(sel);
    }
    for (const sel of [...l.section, ...l.tags]) out.add(sel);
    if (l.datelineStamp) out.add(l.datelineStamp);
  }
  return [...out];
}

function pages(): { id: string; $: () => CheerioAPI }[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const html = prepareHtml(readFileSync(path.join(FIXTURES, d.name, 'page.html'), 'utf8')).html;
      return { id: d.name, $: () => load(html, { xml: { xmlMode: false, decodeEntities: true } }) };
    });
}

const safe = <T>(f: () => T): T | 'error' => {
  try {
    return f();
  } catch {
    return 'error';
  }
};

function compareAll(
  $: CheerioAPI,
  selectors: readonly string[],
  inBoxes: ReadonlySet<string>,
  boxes: Element[],
): string[] {
  // Every element's place in a fresh walk, for readable comparisons.
  const order = new Map(
    $('*')
      .toArray()
      .map((el, i) => [el, i]),
  );
  const ids = (_: CheerioAPI, els: Element[] | 'error'): string =>
    els === 'error' ? 'error' : els.map((el) => `${el.name}#${order.get(el) ?? '-'}`).join(' ');
  const diffs: string[] = [];
  for (const sel of selectors) {
    const want = safe(() => $(sel).toArray() as Element[]);
    const got = safe(() => selectAll(pg($), sel));
    if (ids($, got) !== ids($, want)) diffs.push(`selectAll ${sel}`);
    const first = safe(() => selectFirst(pg($), sel));
    const wantFirst = want === 'error' ? 'error' : (want[0] ?? null);
    if (first !== wantFirst) diffs.push(`selectFirst ${sel}`);
    for (const box of inBoxes.has(sel) ? boxes : []) {
      const wantIn = safe(() => $(box).find(sel).toArray());
      if (
        ids(
          $,
          safe(() => findAll(pg($), box, sel)),
        ) !== ids($, wantIn)
      ) {
        diffs.push(`findAll <${box.name}> ${sel}`);
      }
      const wantWithin = safe(() =>
        ($(sel).toArray() as Element[]).filter((el) => {
          for (let a: AnyNode | null = el.parent; a; a = a.parent) if (a === box) return true;
          return false;
        }),
      );
      if (
        ids(
          $,
          safe(() => selectWithin(pg($), box, sel)),
        ) !== ids($, wantWithin)
      ) {
        diffs.push(`selectWithin <${box.name}> ${sel}`);
      }
    }
  }
  return diffs;
}

describe('extract query layer equals cheerio', () => {
  it('the rule selectors, drop lists and tricky selectors on every gold page, before and after removals', () => {
    const diffs: string[] = [];
    for (const page of pages()) {
      const $ = page.$();
      const inBoxes = new Set(boxSelectors(page.id));
      const selectors = [...inBoxes, ...ruleSelectors(page.id)];
      // Boxes: the body, and a few containers with paragraphs (as cleanContainer queries them).
      const boxes = [
        ...$('body').toArray(),
        ...$('article, main, div:has(> p)').toArray().slice(0, 2),
      ] as Element[];
      diffs.push(...compareAll($, selectors, inBoxes, boxes).map((d) => `${page.id} fresh: ${d}`));
      // Remove what body cleaning removes (figures, related boxes…) and every third <p>, then
      // rerun: removed elements and their subtrees must no longer be found.
      removeAll(selectAll(pg($), 'figure, aside, nav, [class*="relate" i], header'));
      removeAll(selectAll(pg($), 'p').filter((_, i) => i % 3 === 0));
      $('h1').first().text('changed title');
      const live = boxes.filter((b) => {
        for (let a: AnyNode | null = b.parent; a; a = a.parent)
          if ((a.type as string) === 'root') return true;
        return false;
      });
      diffs.push(
        ...compareAll($, selectors, inBoxes, live).map((d) => `${page.id} after removals: ${d}`),
      );
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it('textOf equals cheerio text() on every element of every gold page', () => {
    for (const page of pages()) {
      const $ = page.$();
      for (const el of $('*').toArray()) expect(textOf(el)).toBe($(el).text());
      expect(textOf($.root().get(0) as AnyNode)).toBe($.root().text());
    }
  });
});
