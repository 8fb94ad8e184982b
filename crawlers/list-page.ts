// A list page (a section front, a portal's news list, a rendered social page) → FeedItem[],
// with the cheerio selectors of the source definition. Pure: the same parser reads a page
// fetched by the HTTP client and one rendered by Chromium (STYLE.md §2: cheerio and browser
// sources return the same shape), so a list source and a browser source differ only in fetch.
import * as cheerio from 'cheerio';
import type { ListSpec } from '../src/config/sources.ts';
import { FetchError } from './errors.ts';
import type { FeedItem } from './feed.ts';

/** The selectors found nothing: most likely the site changed its layout. */
export class ListPageError extends Error {
  override name = 'ListPageError';
  constructor(message: string, opts?: { cause?: unknown }) {
    super(message.startsWith('list: ') ? message : `list: ${message}`, opts);
  }
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim().normalize('NFC');

export function parseListPage(
  html: string,
  pageUrl: string,
  spec: Pick<ListSpec, 'itemSelector' | 'linkSelector' | 'titleSelector' | 'dateSelector'>,
): FeedItem[] {
  const $ = cheerio.load(html);
  // Links are relative to <base href> when the page sets one, as a browser reads them.
  let base = pageUrl;
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // A broken <base> is ignored, as browsers do.
    }
  }
  let items: ReturnType<typeof $>;
  try {
    items = $(spec.itemSelector);
  } catch (cause) {
    throw new ListPageError(`invalid itemSelector "${spec.itemSelector}"`, { cause });
  }
  if (items.length === 0) {
    if (isLoginWall($, pageUrl)) {
      // Not a layout change: the site shows its posts to signed-in users only. We never sign
      // in (public pages only), so this source is blocked until the site opens it again.
      throw new FetchError(`${pageUrl}: login wall: the page asks to sign in, no posts shown`, {
        errorClass: 'blocked',
      });
    }
    throw new ListPageError(`${pageUrl}: no element matches itemSelector "${spec.itemSelector}"`);
  }
  const out: FeedItem[] = [];
  const seen = new Set<string>();
  items.each((_, el) => {
    const item = $(el);
    const link = item.is(spec.linkSelector) ? item : item.find(spec.linkSelector).first();
    const href = link.attr('href')?.trim();
    if (!href) return;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    // javascript:, mailto: and share buttons are not articles.
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    url.hash = '';
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const titleEl = spec.titleSelector ? item.find(spec.titleSelector).first() : link;
    const title = clean(titleEl.text()) || clean(link.attr('title') ?? '');
    let publishedAt: string | null = null;
    if (spec.dateSelector) {
      const d = item.find(spec.dateSelector).first();
      const raw = d.attr('datetime') ?? d.attr('content') ?? d.attr('title') ?? d.text();
      publishedAt = clean(raw) || null;
    }
    out.push({ url: url.href, guid: null, title, publishedAt, summary: '' });
  });
  if (out.length === 0) {
    throw new ListPageError(
      `${pageUrl}: ${items.length} items match "${spec.itemSelector}" but none has a link "${spec.linkSelector}"`,
    );
  }
  return out;
}

/** A password field: the surest sign of a sign-in form (browser sources also stop waiting on it). */
export const LOGIN_FIELD = 'input[type="password"]';

/** Where social sites send a visitor who must sign in first. */
const LOGIN_PATH = /\/(login|signin|sign_in|sign-in|checkpoint|dang-nhap)(\/|\.php|$)/i;
const LOGIN_ACTION = /login|signin|sign_in|dang-nhap|authenticate/i;

/** A sign-in page or overlay instead of the list: a password field or a login form or URL. */
function isLoginWall($: cheerio.CheerioAPI, pageUrl: string): boolean {
  try {
    if (LOGIN_PATH.test(new URL(pageUrl).pathname)) return true;
  } catch {
    // A page URL that does not parse says nothing here.
  }
  if ($(LOGIN_FIELD).length > 0) return true;
  return $('form[action]')
    .toArray()
    .some((f) => LOGIN_ACTION.test($(f).attr('action') ?? ''));
}
