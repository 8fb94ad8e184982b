// From a body container to paragraphs: what is boilerplate inside article bodies on every
// outlet (dropped before reading), and how block markup becomes "one paragraph per block".
import type { AnyNode, Element, Text } from 'domhandler';
import { normalizeText } from '../normalize.ts';
import { detach, nextElement, textOf } from './dom.ts';
import type { Page } from './page.ts';
import { cheerioOf } from './page.ts';
import { findAll, selectWithin } from './query.ts';

/** Removed inside any body container, whatever the site. */
export const GLOBAL_BODY_DROP: readonly string[] = [
  // Not text, or interactive widgets (polls, share buttons, embedded players).
  'script, style, noscript, iframe, svg, video, audio, object, embed, canvas, template',
  'button, form, input, select, textarea, dialog',
  // Image blocks: the caption describes a photo, it is not article text (fundus keeps
  // captions; we do not, since locate/classify would count a place name in a photo credit).
  'figure, figcaption, picture, [class*="caption" i]',
  // Hidden elements are templates or lazy-loaded duplicates.
  '[hidden], [style*="display:none" i], [style*="display: none" i], [aria-hidden="true"]',
];

/** Labels of related-link boxes outlets put inside or under the body. */
export const BOXED_LABEL =
  /^(tin liên quan|bài liên quan|bài viết liên quan|tin bài liên quan|bài viết khác|tin đã đưa|tin cùng chuyên mục|tin khác|xem thêm|đọc thêm|ảnh đẹp|có thể bạn quan tâm|tham khảo thêm|tin mới|tin nổi bật|đọc nhiều|xem nhiều|video nổi bật|bạn có thể quan tâm)\s*:?$/iu;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'video',
  'audio',
  'object',
  'embed',
  'canvas',
  'template',
  'button',
  'input',
  'select',
  'textarea',
  'img',
  'picture',
  'head',
  'title',
  'meta',
  'link',
  'map',
]);
/** Whitespace that `replace(/\s+/g, ' ')` would change: a run of two, or not a plain space. */
const ODD_SPACE = /[^\S ]| {2}/;
/** Real bodies nest < 30 deep; the cap keeps recursion bounded on garbage. */
const MAX_DEPTH = 200;

/**
 * Node kind tests. domhandler's own guards would need it as a runtime dependency (it is only
 * cheerio's); its node types are string enums, compared here as plain strings.
 */
export function isTagNode(node: AnyNode | null | undefined): node is Element {
  return node !== null && node !== undefined && (node.type as string) === 'tag';
}

export function isTextNode(node: AnyNode | null | undefined): node is Text {
  return node !== null && node !== undefined && (node.type as string) === 'text';
}

/**
 * Descendant elements of `roots` (not the roots) in document order that satisfy `pred`. A plain
 * walk: cheerio's .find() with a selector list over a large page spends quadratic time merging
 * contexts (css-select removeSubsets), ~7 s on 10,000 paragraphs.
 */
export function descendants(roots: readonly AnyNode[], pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: { node: Element; depth: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const r = roots[i];
    if (isTagNode(r) || (r && 'children' in r)) stack.push({ node: r as Element, depth: 0 });
  }
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || top.depth > MAX_DEPTH) continue;
    const kids = top.node.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (isTagNode(c)) stack.push({ node: c, depth: top.depth + 1 });
    }
    if (top.depth > 0 && pred(top.node)) out.push(top.node);
  }
  return out;
}

/**
 * Removes elements from the tree, one pass per parent (cheerio's .remove() splices each node
 * out of its parent's child array: quadratic when thousands of siblings go).
 */
export function removeAll(els: readonly Element[]): void {
  const byParent = new Map<AnyNode, Set<AnyNode>>();
  for (const el of els) {
    const parent = el.parent;
    if (!parent) continue;
    const set = byParent.get(parent) ?? new Set<AnyNode>();
    set.add(el);
    byParent.set(parent, set);
  }
  for (const [parent, gone] of byParent) {
    if (!('children' in parent)) continue;
    const kept = parent.children.filter((c) => !gone.has(c));
    kept.forEach((c, i) => {
      c.prev = kept[i - 1] ?? null;
      c.next = kept[i + 1] ?? null;
    });
    (parent as Element).children = kept;
    for (const g of gone) {
      g.parent = null;
      g.prev = null;
      g.next = null;
    }
  }
}

const LABEL_TAGS = new Set([
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'p',
  'span',
  'strong',
  'b',
  'header',
  'li',
]);

/**
 * `$(box).find(selector)` in linear time, with the selector compiled once (query.ts). cheerio
 * hands the box's children to css-select as the query context and css-select dedupes that
 * context pairwise (removeSubsets): quadratic in the child count, minutes for a 10 MB page of
 * sibling paragraphs. A box with many children was therefore queried from the document (whose
 * context is <html>) and the matches filtered by ancestry; that answer (unscoped: an ancestor
 * outside the box may satisfy a combinator) is kept for such boxes, now by walking the box.
 */
export function findIn(page: Page, box: AnyNode, selector: string): Element[] {
  const kids = 'children' in box ? box.children.length : 0;
  if (kids <= 64 && isTagNode(box)) return findAll(page, box, selector);
  // The document node (a page without <body>), or a <script>: cheerio's own find.
  if (kids <= 64)
    return cheerioOf(page)(box as Element)
      .find(selector)
      .toArray();
  return selectWithin(page, box, selector).filter((el) => isTagNode(el));
}

/** Removes global and site drop selectors, image tables and labelled related-link boxes. */
export function cleanContainer(page: Page, box: Element, drop: readonly string[]): void {
  // One query for all selectors (each .find walks the box and compiles its selector); a
  // rule's bad selector must not cost the others, so on error they go one by one.
  try {
    removeAll(findIn(page, box, [...GLOBAL_BODY_DROP, ...drop].join(', ')));
  } catch {
    for (const sel of [...GLOBAL_BODY_DROP, ...drop]) {
      try {
        removeAll(findIn(page, box, sel));
      } catch {
        // A selector cheerio cannot parse removes nothing.
      }
    }
  }
  // Image tables (vnexpress tplCaption, baodautu MASTERCMS_TPL_TABLE): a table holding a
  // picture and a short caption is a figure written in 2000s CMS markup.
  removeAll(
    findIn(page, box, 'table').filter(
      (t) => findAll(page, t, 'img').length > 0 && textOf(t).trim().length < 400,
    ),
  );
  dropLabelledBoxes(page, [box]);
}

/**
 * "Tin liên quan", "Xem thêm"… boxes: the label plus the link list it introduces. The box is
 * the label's closest ancestor (inside the container `roots[0]`) that is mostly links;
 * without one, the label and the link-heavy siblings after it go.
 */
export function dropLabelledBoxes(page: Page, roots: readonly AnyNode[]): void {
  const labels = descendants(roots, (el) => {
    if (!LABEL_TAGS.has(el.name)) return false;
    const t = shortText(el, 80);
    return t !== null && BOXED_LABEL.test(t.replace(/\s+/g, ' ').trim());
  });
  const root = roots[0];
  for (const label of labels) {
    if (!label.parent) continue; // already removed with an earlier box
    let node: Element = label;
    let removed = false;
    for (let i = 0; i < 3; i++) {
      const parent = node.parent;
      if (!isTagNode(parent) || parent === root) break;
      node = parent;
      if (linkDensityOf(page, node) > 0.4) {
        detach(node);
        removed = true;
        break;
      }
    }
    if (removed) continue;
    let next = nextElement(label);
    detach(label);
    while (next !== null && linkDensity(page, next) > 0.5) {
      const after = nextElement(next);
      detach(next);
      next = after;
    }
  }
}

/**
 * The element's text when it is at most `max` characters, else null; stops walking as soon as
 * the limit is passed (a full .text() per candidate label is quadratic on nested blocks).
 */
export function shortText(el: Element, max: number): string | null {
  const acc = { text: '' };
  return shortWalk(el, 0, max, acc) ? acc.text : null;
}

/**
 * shortText's walk, at module level: tsx (esbuild keepNames) wraps a named closure in a
 * `__name` call each time its enclosing function runs, and shortText runs per candidate label.
 */
function shortWalk(node: Element, depth: number, max: number, acc: { text: string }): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const c of node.children) {
    if (isTextNode(c)) {
      acc.text += c.data;
      if (acc.text.length > max) return false;
    } else if (isTagNode(c) && !shortWalk(c, depth + 1, max, acc)) {
      return false;
    }
  }
  return true;
}

/**
 * Share of a node's text that sits inside links. Only tag elements hold links: a <script> or
 * <style> (its children are text) scores 0, as cheerio's find of `a` in it finds none.
 */
export function linkDensity(page: Page, node: AnyNode): number {
  return isTagNode(node) ? linkDensityOf(page, node) : linkDensityOfRoot(page, node);
}

/** linkDensity of a node that is not a tag element (the document, a script). */
function linkDensityOfRoot(page: Page, node: AnyNode): number {
  const total = nonSpaceLength(textOf(node));
  if (total === 0) return 0;
  let linked = 0;
  for (const a of findIn(page, node, 'a')) linked += nonSpaceLength(textOf(a));
  return Math.min(1, linked / total);
}

/**
 * linkDensity of one element: its <a> descendants are what findIn's scoped and unscoped
 * queries both return for the plain tag selector `a`.
 */
export function linkDensityOf(page: Page, el: Element): number {
  const total = nonSpaceLength(textOf(el));
  if (total === 0) return 0;
  let linked = 0;
  for (const a of selectWithin(page, el, 'a')) linked += nonSpaceLength(textOf(a));
  return Math.min(1, linked / total);
}

/** `s.replace(/\s+/g, '').length`. */
function nonSpaceLength(s: string): number {
  return WHITESPACE.test(s) ? s.replace(/\s+/g, '').length : s.length;
}
const WHITESPACE = /\s/;

/**
 * One paragraph per block element (p, h2, li, td, div with its own text…); inline markup is
 * joined, <br> splits. Paragraphs that are nearly all link text ("Xem thêm: <a>…</a>") and
 * repeated paragraphs are left out.
 */
export function paragraphsOf(root: Element): string[] {
  const raw: string[] = [];
  const linkedLen: number[] = [];
  // The open block's current line: its text, the trimmed length of each linked text node in
  // it, and whether the block holds anything yet (a block of only <br> still makes lines).
  let line = '';
  let linked = 0;
  let open = false;
  const endLine = (): void => {
    raw.push(line);
    linkedLen.push(linked);
    line = '';
    linked = 0;
  };
  const flush = (): void => {
    if (!open) return;
    endLine();
    open = false;
  };
  const walk = (node: Element, depth: number, inLink: boolean): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of node.children) {
      if (isTextNode(child)) {
        const data = child.data;
        const text = ODD_SPACE.test(data) ? data.replace(/\s+/g, ' ') : data;
        line += text;
        if (inLink) linked += text.trim().length;
        open = true;
      } else if (isTagNode(child)) {
        const name = child.name.toLowerCase();
        if (SKIP_TAGS.has(name)) continue;
        if (name === 'br') {
          endLine();
          open = true;
        } else if (BLOCK_TAGS.has(name)) {
          flush();
          walk(child, depth + 1, inLink);
          flush();
        } else {
          walk(child, depth + 1, inLink || name === 'a');
        }
      }
    }
  };
  walk(root, 0, false);
  flush();
  // One normalizeText call for all lines (per-call overhead was most of its cost on short
  // lines). Lines hold no newline and no whitespace but spaces, so normalizing them joined by
  // newlines, between two sentinel lines that keep the outer trim off the real ones, gives
  // each line's own normalizeText.
  let texts = normalizeText(`x\n${raw.join('\n')}\nx`)
    .split('\n')
    .slice(1, -1);
  if (texts.length !== raw.length) texts = raw.map(normalizeText); // cannot happen; insurance
  const out: string[] = [];
  texts.forEach((text, i) => {
    if (!text) return;
    if ((linkedLen[i] ?? 0) / text.length > 0.8) return;
    if (BOXED_LABEL.test(text)) return;
    if (out[out.length - 1] === text) return;
    out.push(text);
  });
  return out;
}
