// Direct DOM primitives for the hot paths of extraction, with the exact semantics of the
// cheerio / domutils calls they replace.
//
// Why: domutils and domhandler are compiled CommonJS whose exports are re-exported through
// getters, so every `DomUtils.getAttributeValue(…)` a compiled css-select query makes per
// element, and every `domhandler.isTag(…)` inside domutils, is a getter call plus the function
// call. On small article pages (3–5 KB) that and the cheerio wrappers built for a single
// `$(el).text()` were a tenth of the extraction time.
import type { Options } from 'css-select';
import * as DomUtils from 'domutils';
import type { AnyNode, Element } from 'domhandler';
import { Text } from 'domhandler';

type Adapter = NonNullable<Options<AnyNode, Element>['adapter']>;

/** domhandler `isTag`: the element kinds css-select matches (<script>, <style> included). */
function isTag(node: AnyNode): node is Element {
  const t = node.type as string;
  return t === 'tag' || t === 'script' || t === 'style';
}

function hasChildren(node: AnyNode): node is Element {
  return Object.prototype.hasOwnProperty.call(node, 'children');
}

function getChildren(node: AnyNode): AnyNode[] {
  return hasChildren(node) ? node.children : [];
}

/**
 * css-select's adapter: domutils' own functions as plain properties (read once, no getter per
 * call), the per-element ones rewritten without domhandler's getters, same results.
 */
export const DOM_ADAPTER: Adapter = {
  ...(DomUtils as unknown as Adapter),
  isTag,
  getChildren,
  getParent: (el: Element): Element | null => (el.parent as Element | null) || null,
  getSiblings(el: AnyNode): AnyNode[] {
    const parent = el.parent;
    if (parent != null) return getChildren(parent);
    const siblings: AnyNode[] = [el];
    for (let p = el.prev; p != null; p = p.prev) siblings.unshift(p);
    for (let n = el.next; n != null; n = n.next) siblings.push(n);
    return siblings;
  },
  getAttributeValue: (el: Element, name: string): string | undefined => el.attribs?.[name],
  hasAttrib: (el: Element, name: string): boolean =>
    el.attribs != null &&
    Object.prototype.hasOwnProperty.call(el.attribs, name) &&
    el.attribs[name] != null,
  getName: (el: Element): string => el.name,
  prevElementSibling(el: AnyNode): Element | null {
    let prev = el.prev;
    while (prev !== null && !isTag(prev)) prev = prev.prev;
    return prev;
  },
};

/**
 * `$(node).text()` for one node (domutils `textContent`): the text of every text node below,
 * in document order, <script>/<style> content included, comments left out.
 */
export function textOf(node: AnyNode): string {
  if (hasChildren(node)) {
    if ((node.type as string) === 'comment') return '';
    let out = '';
    for (const c of node.children) out += textOf(c);
    return out;
  }
  return (node.type as string) === 'text' ? (node as unknown as { data: string }).data : '';
}

/** `$(nodes).text()`: the nodes' texts, concatenated. */
export function textOfAll(nodes: readonly AnyNode[]): string {
  let out = '';
  for (const n of nodes) out += textOf(n);
  return out;
}

/** `$(el).remove()`: out of its parent's children and its siblings' links. */
export function detach(el: AnyNode): void {
  DomUtils.removeElement(el);
  unlink(el);
}

/** A node that no longer belongs to the tree keeps no links into it. */
function unlink(node: AnyNode): void {
  node.prev = null;
  node.next = null;
  node.parent = null;
}

/** `$(el).next()`: the next sibling that is an element (<script>, <style> included), or null. */
export function nextElement(el: AnyNode): Element | null {
  let next = el.next;
  while (next !== null && !isTag(next)) next = next.next;
  return next;
}

/** `$(el).text(value)`: the element's children replaced by one text node. */
export function setText(el: Element, value: string): void {
  for (const child of el.children) unlink(child);
  const node = new Text(value);
  node.parent = el;
  el.children = [node];
}
