// The generic body finder for pages no site rule knows: strip page furniture, then pick the
// element holding the most paragraph text that is not link text (the readability idea,
// simplified: paragraphs credit their parent fully and their grandparent by half).
import type { AnyNode, Element } from 'domhandler';
import {
  descendants,
  dropLabelledBoxes,
  findIn,
  isTagNode,
  isTextNode,
  linkDensity,
  linkDensityOf,
  removeAll,
  shortText,
} from './blocks.ts';
import { textOf, textOfAll } from './dom.ts';
import type { Page } from './page.ts';
import { selectAll, selectFirst } from './query.ts';

/** Page furniture by tag or ARIA role: never article text. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5']);
const COUNTER_TAGS = new Set(['div', 'span', 'li', 'td', 'section']);

/**
 * Furniture by class/id, as Vietnamese outlets name it: comment boxes (binh-luan), share bars,
 * related lists (lien-quan, tin-khac), sidebars, menus, breadcrumbs, ads (quang-cao, qc),
 * visitor counters (thong-ke, luot-truy-cap), tag lists, author boxes, most-read widgets.
 */
const FURNITURE_NAME =
  /(^|[\s_-])(comments?|binh-?luan|share|sharing|social|related|relate|relatedposts|related-?posts|lien-?quan|tinlienquan|tin-?khac|other-news|more-news|sidebar|side-bar|menu|navbar|breadcrumbs?|footer|header|banner|advert|ads|adv|quang-?cao|qc|popup|modal|newsletter|subscribe|counter|visitors?|thong-?ke|luot-?truy-?cap|tags?|tag-list|keywords?|author-box|box-author|toolbar|widget|hot-news|most-read|xem-?nhieu|doc-?nhieu|anh-?dep)($|[\s_-])/i;

/** Visitor counters and view counts printed in small blocks. */
const COUNTER_TEXT =
  /(lượt truy cập|đang truy cập|đang online|trực tuyến|lượt xem|tổng truy cập)/iu;

/** Removes furniture from the page body (in place) before a container is picked. */
export function stripFurniture(page: Page): void {
  const bodyEl = selectFirst(page, 'body');
  const roots: Element[] = bodyEl ? [bodyEl] : page.doc.children.filter((el) => isTagNode(el));
  removeAll(
    descendants(
      roots,
      (el) => FURNITURE_TAGS.has(el.name) || FURNITURE_ROLES.has(el.attribs['role'] ?? ''),
    ),
  );
  const total = textOfAll(roots).length;
  const named = descendants(roots, (el) => {
    const name = `${el.attribs['id'] ?? ''} ${el.attribs['class'] ?? ''}`;
    return name.length > 1 && FURNITURE_NAME.test(name);
  });
  // Outermost first; a wrapper with an unlucky class ("main has-sidebar") can hold the
  // article: keep any element carrying most of the page's text.
  const gone = new Set<Element>();
  const drop = named.filter((el) => {
    for (let a = el.parent; a; a = a.parent) if (gone.has(a as Element)) return false;
    if (textOf(el).length > total * 0.5) return false;
    gone.add(el);
    return true;
  });
  removeAll(drop);
  removeAll(
    descendants(roots, (el) => {
      if (!COUNTER_TAGS.has(el.name)) return false;
      const t = shortText(el, 120);
      return t !== null && COUNTER_TEXT.test(t);
    }),
  );
  dropLabelledBoxes(page, roots);
}

/** The element with the most non-link paragraph text, or null when there is none. */
export function pickContainer(page: Page): Element | null {
  const scores = new Map<Element, number>();
  const credit = (el: Element | null, amount: number): void => {
    if (!isTagNode(el)) return;
    scores.set(el, (scores.get(el) ?? 0) + amount);
  };
  for (const p of selectAll(page, 'p, pre, blockquote')) {
    const len = textOf(p).replace(/\s+/g, ' ').trim().length;
    if (len < 25) continue;
    const own = len * (1 - linkDensityOf(page, p));
    const parent = isTagNode(p.parent) ? p.parent : null;
    credit(parent, own);
    credit(isTagNode(parent?.parent) ? parent.parent : null, own / 2);
  }
  // Bodies written as text and <br> directly in a div (older CMSes) have no <p> to count.
  for (const el of selectAll(page, 'div, td, article, section')) {
    let own = 0;
    for (const c of el.children) if (isTextNode(c)) own += c.data.trim().length;
    if (own >= 80) {
      credit(el, own);
      credit(isTagNode(el.parent) ? el.parent : null, own / 2);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A section front or list page: many links, teasers under link headings. Article bodies
 * carry a few inline links, not a heading link per item.
 */
export function looksLikeLinkList(page: Page, box: AnyNode): boolean {
  const anchors = findIn(page, box, 'a');
  if (anchors.length < 10) return false;
  const headingLinks = anchors.filter((a) => {
    for (let p = a.parent, i = 0; p && i < 6; p = p.parent, i++) {
      if (isTagNode(p) && HEADINGS.has(p.name)) return true;
    }
    return false;
  }).length;
  return linkDensity(page, box) > 0.35 || headingLinks >= 5;
}
