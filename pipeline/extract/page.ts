// One parsed page as the extractor reads it: the domhandler document htmlparser2 builds, its
// element index (element-index.ts, built on the first document-level query) and, only when a
// selector needs it, a cheerio view of the same tree.
//
// Why not cheerio's `load` per page: it parses with the same htmlparser2 call, then defines a
// new `LoadedCheerio` class for the page, and every `$(el)` builds two wrapper objects of that
// fresh class; on the small pages of the gold set the wrappers, their megamorphic constructor
// and their garbage were a tenth of the extraction time. The extractor works on domhandler
// nodes directly (dom.ts, query.ts); cheerio remains for what only it evaluates (jQuery
// positional selectors, finds from the document node), on the very same tree.
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio';
import type { Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { ElementIndex } from './element-index.ts';

export interface Page {
  readonly doc: Document;
  /** Built by query.ts on the first document-level query. */
  index: ElementIndex | null;
  /** cheerio bound to `doc`, made on first need (see the header). */
  cheerio: CheerioAPI | null;
}

/**
 * The options cheerio's `load(html, { xml: { xmlMode: false, decodeEntities: true } })` hands
 * htmlparser2: the HTML tokenizer and tree rules, entities decoded. Same call, same tree.
 */
const PARSE_OPTIONS = { xmlMode: false, decodeEntities: true } as const;
/**
 * For markup without a single `&`: nothing to decode, so the same tree. It matters because
 * with decoding on, htmlparser2's tokenizer reads text and attribute values one character at
 * a time looking for `&`; with it off it jumps to the next `<` or quote (indexOf-style), which
 * took 40% off parsing the gold pages (the only place the option is read is the tokenizer's
 * `&` handling: tests/pipeline/extract-parse.test.ts checks the trees are equal).
 */
const NO_ENTITY_OPTIONS = { xmlMode: false, decodeEntities: false } as const;

export function parsePage(html: string): Page {
  return pageOf(parseDocument(html, html.includes('&') ? PARSE_OPTIONS : NO_ENTITY_OPTIONS));
}

/** A page over an already parsed document (tests hand over cheerio's own tree). */
export function pageOf(doc: Document): Page {
  return { doc, index: null, cheerio: null };
}

/** cheerio bound to the page's own tree (load() keeps a Document it is given as the root). */
export function cheerioOf(page: Page): CheerioAPI {
  page.cheerio ??= load(page.doc);
  return page.cheerio;
}
