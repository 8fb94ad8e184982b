// CSS queries with each selector compiled once per process instead of once per query.
//
// cheerio hands every query string to css-select, which parses and compiles it anew (~30 µs
// for a rule's selector list, ~20 queries per page): on a 5 KB page compiling and querying
// took more time than parsing the page (the gold set extracts 1.7x faster without it). Rules
// and the extractor's own selectors are static, so each selector is compiled on first use and
// kept (module-level cache). The answers are cheerio's, exactly:
// - `selectAll(page, sel)` is cheerio's `$(sel).toArray()` on the page's tree (page.ts):
//   every element of the document matching the selector, in document order.
// - `findAll(page, box, sel)` is `$(box).find(sel).toArray()`. cheerio scopes such a query: it
//   compiles the selector with the box as `:scope` (the leftmost compound must be the box or
//   inside it, so `.a p` does not match through an ancestor outside the box). The scoped
//   query is compiled once against a one-element context array whose element is swapped for
//   the box at each call (css-select reads `context[0]` at match time for a single-element
//   context; its own `:has` relies on the same).
// - `selectWithin(page, box, sel)` is `$(sel)` restricted to the box's descendants (unscoped:
//   ancestors outside the box count), blocks.ts findIn's answer for boxes with many children.
// Compiled queries keep no memo between calls (`cacheResults: false`): css-select otherwise
// caches per-element answers inside a compiled query, which would go stale as the extractor
// edits the tree between queries. Selectors only cheerio understands (jQuery positionals
// `:first`, `:eq(…)`… and `:scope`, whose meaning depends on the context) go to cheerio.
import { compile } from 'css-select';
import { parse } from 'css-what';
import type { Selector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';
import { DOM_ADAPTER } from './dom.ts';
import type { ElementIndex, SubjectKeys } from './element-index.ts';
import {
  attached,
  buildIndex,
  candidates,
  orderOf,
  subjectKeys,
  subjectKeysOf,
} from './element-index.ts';
import type { Page } from './page.ts';
import { cheerioOf } from './page.ts';

type Match = (node: AnyNode) => boolean;

interface Compiled {
  /** Unscoped query (document-level), or the error compiling it threw. */
  plain: Match | Error;
  /** What each alternative's subject requires, for the element index (element-index.ts). */
  keys?: SubjectKeys[];
  /** Lazily compiled scoped query and its context slot; null when cheerio must do it. */
  scoped?: { match: Match; slot: AnyNode[] } | Error | null;
  /** A long selector list, one compiled alternative each (see `partsOf`); null: not split. */
  parts?: Part[] | null;
}

/** One alternative of a long selector list, compiled alone. */
interface Part {
  tokens: Selector[];
  plain: Match;
  keys: SubjectKeys[];
  scoped?: { match: Match; slot: AnyNode[] } | null;
}

/** Selectors cheerio-select evaluates itself, outside css-select's compiled queries. */
const CHEERIO_ONLY = /:(?:first|last|eq|nth|gt|lt|even|odd|scope)(?![\w-])/i;

/**
 * A stand-in for the box while compiling a scoped query: an element whose parent is an element,
 * as css-select requires to treat the context as scoping (see absolutize in css-select).
 */
const PLACEHOLDER = {
  type: 'tag',
  name: '#scope',
  attribs: {},
  children: [],
  parent: { type: 'tag', name: '#scope-parent', attribs: {}, children: [], parent: null },
} as unknown as Element;

const cache = new Map<string, Compiled | null>();

function compiled(selector: string): Compiled | null {
  let c = cache.get(selector);
  if (c !== undefined) return c;
  if (CHEERIO_ONLY.test(selector)) {
    c = null;
  } else {
    let plain: Match | Error;
    try {
      plain = compile<AnyNode, Element>(selector, {
        xmlMode: false,
        cacheResults: false,
        adapter: DOM_ADAPTER,
      });
    } catch (err) {
      plain = err instanceof Error ? err : new Error(String(err));
    }
    c = { plain };
  }
  cache.set(selector, c);
  return c;
}

function scopedOf(c: Compiled, selector: string): { match: Match; slot: AnyNode[] } | null {
  if (c.scoped === undefined) {
    const slot: AnyNode[] = [PLACEHOLDER];
    try {
      const match = compile<AnyNode, Element>(selector, {
        xmlMode: false,
        cacheResults: false,
        adapter: DOM_ADAPTER,
        context: slot,
      });
      // A selector starting with a sibling combinator also searches the box's siblings.
      c.scoped = match.shouldTestNextSiblings ? null : { match, slot };
    } catch (err) {
      c.scoped = err instanceof Error ? err : new Error(String(err));
    }
  }
  if (c.scoped instanceof Error) throw c.scoped;
  return c.scoped;
}

/** Above this many comma alternatives a selector is run one alternative at a time. */
const SPLIT_ABOVE = 4;

/**
 * The alternatives of a long selector list (the body drop lists: 15–30 of them), each compiled
 * alone. The compiled list tests every alternative on every element; alone, each alternative
 * only meets the elements of its own index bucket (a `figure` alternative, the figures), and
 * a list matches exactly the elements some alternative matches. Null for short lists and when
 * an alternative does not compile alone (the whole list is then used, as cheerio would).
 */
function partsOf(c: Compiled, selector: string): Part[] | null {
  if (c.parts !== undefined) return c.parts;
  c.parts = null;
  try {
    const alternatives = parse(selector);
    if (alternatives.length <= SPLIT_ABOVE) return null;
    c.parts = alternatives.map((tokens) => ({
      tokens,
      // css-select rewrites the tokens it compiles: each compile gets its own copy.
      plain: compile<AnyNode, Element>([structuredClone(tokens)], {
        xmlMode: false,
        cacheResults: false,
        adapter: DOM_ADAPTER,
      }),
      keys: subjectKeysOf([tokens]),
    }));
  } catch {
    c.parts = null;
  }
  return c.parts;
}

/** The part's scoped query; null when it cannot be scoped alone (then the list is used). */
function scopedPart(part: Part): { match: Match; slot: AnyNode[] } | null {
  if (part.scoped === undefined) {
    const slot: AnyNode[] = [PLACEHOLDER];
    try {
      const match = compile<AnyNode, Element>([structuredClone(part.tokens)], {
        xmlMode: false,
        cacheResults: false,
        adapter: DOM_ADAPTER,
        context: slot,
      });
      part.scoped = match.shouldTestNextSiblings ? null : { match, slot };
    } catch {
      part.scoped = null;
    }
  }
  return part.scoped;
}

/** Element kinds css-select matches (domhandler's isTag: <script> and <style> are their own). */
function isElementLike(node: AnyNode): node is Element {
  const t = node.type as string;
  return t === 'tag' || t === 'script' || t === 'style';
}

/**
 * The strict descendants of `root` that `match` accepts, in document order (what
 * css-select's findAll visits from the root's children); stops after `limit` matches.
 */
function walk(root: AnyNode, match: Match, limit = Infinity): Element[] {
  const out: Element[] = [];
  if (!('children' in root)) return out;
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElementLike(node) && match(node)) {
      out.push(node);
      if (out.length >= limit) break;
    }
    if ('children' in node) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
    }
  }
  return out;
}

/** `$(selector).toArray()`. Throws what cheerio would on a selector it cannot parse. */
export function selectAll(page: Page, selector: string, limit = Infinity): Element[] {
  const c = compiled(selector);
  if (!c) return cheerioOf(page)(selector).toArray().filter(isElementLike).slice(0, limit);
  if (c.plain instanceof Error) throw c.plain;
  const idx = indexOf(page);
  const parts = partsOf(c, selector);
  if (parts) {
    const found: Element[] = [];
    for (const part of parts) {
      for (const el of candidates(idx, part.keys) ?? []) {
        if (part.plain(el) && attached(idx, el)) found.push(el);
      }
    }
    return inDocumentOrder(idx, found).slice(0, limit);
  }
  c.keys ??= subjectKeys(selector);
  const out: Element[] = [];
  for (const el of candidates(idx, c.keys) ?? []) {
    if (c.plain(el) && attached(idx, el)) {
      out.push(el);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Distinct elements sorted by their place in the document. */
function inDocumentOrder(idx: ElementIndex, els: Element[]): Element[] {
  const unique = [...new Set(els)];
  return unique.sort((a, b) => (orderOf(idx, a) ?? 0) - (orderOf(idx, b) ?? 0));
}

/** The page's element index, built on its first document-level query. */
function indexOf(page: Page): ElementIndex {
  page.index ??= buildIndex(page.doc);
  return page.index;
}

/**
 * The strict descendants of `box` that `match` accepts, in document order: from the element
 * index when the box is an indexed element, else by walking the box.
 */
function within(
  page: Page,
  c: Compiled,
  selector: string,
  box: AnyNode,
  match: Match,
  scoped: boolean,
): Element[] {
  const idx = indexOf(page);
  const indexed = isElementLike(box) && orderOf(idx, box) !== undefined;
  if (!indexed) return walk(box, match);
  const parts = partsOf(c, selector);
  const scopedParts = parts && scoped ? parts.map(scopedPart) : null;
  if (parts && (!scopedParts || scopedParts.every((p) => p !== null))) {
    const found: Element[] = [];
    parts.forEach((part, i) => {
      const sp = scopedParts?.[i] ?? null;
      if (sp) sp.slot[0] = box;
      try {
        const test = sp ? sp.match : part.plain;
        for (const el of candidates(idx, part.keys, box) ?? []) {
          if (test(el) && attached(idx, el, box)) found.push(el);
        }
      } finally {
        if (sp) sp.slot[0] = PLACEHOLDER;
      }
    });
    return inDocumentOrder(idx, found);
  }
  c.keys ??= subjectKeys(selector);
  const found = candidates(idx, c.keys, box) ?? [];
  return found.filter((el) => match(el) && attached(idx, el, box));
}

/** The first element of `$(selector)` in document order, or null. */
export function selectFirst(page: Page, selector: string): Element | null {
  return selectAll(page, selector, 1)[0] ?? null;
}

/** `$(box).find(selector).toArray()`, cheerio's scoping included. */
export function findAll(page: Page, box: Element, selector: string): Element[] {
  const c = compiled(selector);
  if (!c) return cheerioOf(page)(box).find(selector).toArray().filter(isElementLike);
  if (c.plain instanceof Error) throw c.plain;
  // cheerio scopes only a box whose parent is an element; a top-level box (a page without
  // <body>) is searched with the plain query.
  const parent = box.parent;
  if (!isElementLike(box) || !parent || !isElementLike(parent)) {
    return within(page, c, selector, box, c.plain, false);
  }
  const scoped = scopedOf(c, selector);
  if (!scoped) return cheerioOf(page)(box).find(selector).toArray().filter(isElementLike);
  scoped.slot[0] = box;
  try {
    return within(page, c, selector, box, scoped.match, true);
  } finally {
    scoped.slot[0] = PLACEHOLDER; // holds no page alive
  }
}

/** `$(selector)` restricted to the strict descendants of `root` (unscoped matching). */
export function selectWithin(page: Page, root: AnyNode, selector: string): Element[] {
  const c = compiled(selector);
  if (!c) {
    return cheerioOf(page)(selector)
      .toArray()
      .filter(isElementLike)
      .filter((el) => {
        for (let a = el.parent; a; a = a.parent) if (a === root) return true;
        return false;
      });
  }
  if (c.plain instanceof Error) throw c.plain;
  return within(page, c, selector, root, c.plain, false);
}
