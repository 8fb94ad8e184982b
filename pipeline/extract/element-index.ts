// Document-level queries answered from an index of the page's elements instead of a walk of
// the whole tree per query.
//
// Why: reading one page runs 30–60 document-level queries (metadata, rule fingerprints, every
// field's selector list, the generic fallbacks), and each walked every node of the page and
// ran the compiled selector on every element: on the small pages of the gold set that was a
// sixth of the extraction time. The page is walked once; elements are bucketed by tag name,
// class token, id and attribute name; a selector is run only on the elements of the smallest
// bucket its subject (the rightmost compound) requires, per comma alternative.
//
// Exactness: a bucket is a superset of the elements that can match (css-select's tag test is
// a lowercased name comparison; `.c` is a whitespace-separated token test and `#i` an exact
// value, both case-sensitive in HTML unless flagged `i`; any other attribute test other than
// `!=` needs the attribute to be present, with its name lowercased), the compiled selector
// decides, and results come back in document order like a walk's. The extractor removes
// elements between queries (body cleaning), never adds or moves them, so the order recorded
// at indexing stays right and a removed element is recognised by its ancestry no longer
// reaching the document; text edits (dateline stamps) change no element.
import type { AnyNode, Element } from 'domhandler';
import { AttributeAction, SelectorType, parse } from 'css-what';
import type { Selector } from 'css-what';

/** What the subject of one comma alternative requires; null: nothing usable (scan all). */
export type SubjectKeys = { kind: 'tag' | 'class' | 'id' | 'attr'; value: string }[] | null;

export interface ElementIndex {
  root: AnyNode;
  /** Every element (tag, script, style) in document order. */
  all: Element[];
  /** Built only when an element is found stamped by another index (see orderOf). */
  orderMap: Map<Element, number> | null;
  /** Per element (by order): the order just past its last descendant element. */
  end: number[];
  byTag: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
  byId: Map<string, Element[]>;
  /** Elements carrying an attribute, per lowercased name: filled on first use of the name. */
  byAttr: Map<string, Element[]>;
}

/**
 * Each element carries its place in document order as a symbol-keyed property instead of an
 * entry in a Map: the index is built on every page and read in every query's binary search,
 * and Map inserts and lookups were a large share of it. A tree indexed twice (two pages over
 * one document, as in tests) may hold another index's stamp: orderOf checks the stamp against
 * its own list and falls back to a Map for such a tree.
 */
const ORDER = Symbol('diemtin.extract.order');
type Stamped = Element & { [ORDER]?: number };

/** The element's position in `idx.all`, or undefined when the index does not hold it. */
export function orderOf(idx: ElementIndex, el: Element): number | undefined {
  const o = (el as Stamped)[ORDER];
  if (o === undefined) return undefined; // never indexed
  if (idx.all[o] === el) return o;
  if (idx.orderMap === null) {
    idx.orderMap = new Map();
    idx.all.forEach((e, i) => idx.orderMap?.set(e, i));
  }
  return idx.orderMap.get(el);
}

function isElementLike(node: AnyNode): node is Element {
  const t = node.type as string;
  return t === 'tag' || t === 'script' || t === 'style';
}

const WHITESPACE = /\s/;

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [el]);
  else if (list[list.length - 1] !== el) list.push(el);
}

/** One walk in the order css-select's findAll visits (the root's strict descendants). */
export function buildIndex(root: AnyNode): ElementIndex {
  const idx: ElementIndex = {
    root,
    all: [],
    orderMap: null,
    end: [],
    byTag: new Map(),
    byClass: new Map(),
    byId: new Map(),
    byAttr: new Map(),
  };
  if (!('children' in root)) return idx;
  // A number on the stack closes the subtree of the element with that order.
  const stack: (AnyNode | number)[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | number;
    if (typeof node === 'number') {
      idx.end[node] = idx.all.length;
      continue;
    }
    if (isElementLike(node)) {
      stack.push(idx.all.length);
      (node as Stamped)[ORDER] = idx.all.length;
      idx.all.push(node);
      push(idx.byTag, node.name.toLowerCase(), node);
      const attribs = node.attribs;
      for (const name in attribs) {
        const value = attribs[name];
        if (value == null) continue;
        push(idx.byAttr, name, node);
        if (name === 'id') push(idx.byId, value, node);
        else if (name === 'class') {
          if (!WHITESPACE.test(value)) {
            if (value !== '') push(idx.byClass, value, node);
          } else {
            for (const token of value.split(/\s+/))
              if (token !== '') push(idx.byClass, token, node);
          }
        }
      }
    }
    if ('children' in node) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
    }
  }
  return idx;
}

const SUPPORTED_TRAVERSALS = new Set(['descendant', 'child', 'adjacent', 'sibling']);
const PRESENCE_ACTIONS = new Set(['equals', 'element', 'exists', 'start', 'end', 'any', 'hyphen']);

/** Per comma alternative, the keys its subject requires (see the header for why each holds). */
export function subjectKeys(selector: string): SubjectKeys[] {
  try {
    return subjectKeysOf(parse(selector));
  } catch {
    return [null];
  }
}

/** subjectKeys of already parsed alternatives. */
export function subjectKeysOf(alternatives: readonly Selector[][]): SubjectKeys[] {
  return alternatives.map((tokens) => {
    let start = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Selector;
      if (t.type === SelectorType.Tag || t.type === SelectorType.Universal) continue;
      if (t.type === SelectorType.Attribute || t.type === SelectorType.Pseudo) continue;
      if (t.type === SelectorType.PseudoElement) continue;
      if (!SUPPORTED_TRAVERSALS.has(t.type)) return null;
      start = i + 1;
    }
    const keys: NonNullable<SubjectKeys> = [];
    for (const t of tokens.slice(start)) {
      if (t.type === SelectorType.Tag && t.namespace == null) {
        keys.push({ kind: 'tag', value: t.name.toLowerCase() });
      } else if (
        t.type === SelectorType.Attribute &&
        t.namespace == null &&
        PRESENCE_ACTIONS.has(t.action)
      ) {
        const name = t.name.toLowerCase();
        const exact = t.ignoreCase !== true;
        if (
          name === 'class' &&
          t.action === AttributeAction.Element &&
          exact &&
          !/\s/.test(t.value)
        ) {
          keys.push({ kind: 'class', value: t.value });
        } else if (name === 'id' && t.action === AttributeAction.Equals && exact) {
          keys.push({ kind: 'id', value: t.value });
        } else {
          keys.push({ kind: 'attr', value: name });
        }
      }
    }
    return keys.length > 0 ? keys : null;
  });
}

const EMPTY: Element[] = [];

/** The bucket of a key: every element of the page it can match, in document order. */
function bucket(idx: ElementIndex, key: { kind: string; value: string }): Element[] {
  if (key.kind === 'attr') return withAttribute(idx, key.value);
  const map = key.kind === 'tag' ? idx.byTag : key.kind === 'class' ? idx.byClass : idx.byId;
  return map.get(key.value) ?? EMPTY;
}

/** The elements carrying attribute `name` (lowercased, as the parser stores names). */
function withAttribute(idx: ElementIndex, name: string): Element[] {
  return idx.byAttr.get(name) ?? EMPTY;
}

/** First position in `list` (in document order) whose order is >= `order`. */
function lowerBound(idx: ElementIndex, list: readonly Element[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((orderOf(idx, list[mid] as Element) ?? 0) < order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of a document-ordered list whose orders fall in [from, to). */
function within(idx: ElementIndex, list: Element[], from: number, to: number): Element[] {
  if (from === 0 && to >= idx.all.length) return list;
  return list.slice(lowerBound(idx, list, from), lowerBound(idx, list, to));
}

/**
 * The elements that may match, in document order (a superset of the matches); with `box`,
 * only those indexed inside its subtree (null when the box is not an indexed element).
 */
export function candidates(
  idx: ElementIndex,
  alternatives: readonly SubjectKeys[],
  box?: Element,
): Element[] | null {
  let from = 0;
  let to = idx.all.length;
  if (box !== undefined) {
    const o = orderOf(idx, box);
    if (o === undefined) return null;
    from = o + 1;
    to = idx.end[o] ?? from;
  }
  const lists: Element[][] = [];
  for (const keys of alternatives) {
    if (keys === null) return box === undefined ? idx.all : idx.all.slice(from, to);
    let best: Element[] | null = null;
    for (const k of keys) {
      const b = bucket(idx, k);
      if (best === null || b.length < best.length) best = b;
    }
    const part = within(idx, best ?? EMPTY, from, to);
    if (part.length > 0) lists.push(part);
  }
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0] as Element[];
  let total = 0;
  for (const l of lists) total += l.length;
  if (total * 8 < to - from) {
    // Few candidates in a long range: sorting them beats marking the range.
    const all = lists.flat().sort((a, b) => (orderOf(idx, a) ?? 0) - (orderOf(idx, b) ?? 0));
    return all.filter((el, i) => i === 0 || all[i - 1] !== el);
  }
  // Union in document order: mark positions in the range, then read them in order.
  const marks = new Uint8Array(to - from);
  for (const l of lists) for (const el of l) marks[(orderOf(idx, el) ?? from) - from] = 1;
  const out: Element[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === 1) out.push(idx.all[from + i] as Element);
  return out;
}

/**
 * Still below `ancestor` (the indexed document by default): not removed, nor inside a
 * removed subtree.
 */
export function attached(idx: ElementIndex, el: AnyNode, ancestor: AnyNode = idx.root): boolean {
  let node: AnyNode | null = el.parent;
  while (node !== null) {
    if (node === ancestor) return true;
    node = node.parent;
  }
  return false;
}
