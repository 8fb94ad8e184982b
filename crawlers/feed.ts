// RSS/Atom → FeedItem[], through rss-parser, with the repairs real Vietnamese feeds need
// (../shared/data/feeds, outlets/rss_feed_urls.csv): a raw "&" in URLs (VnExpress), text or a
// BOM before the prolog, relative item links with tracking parameters, entities inside CDATA
// or encoded twice in titles (VietnamBiz, Thanh Niên). Dates are passed on as written: their
// forms vary too much ("9/14/2026 6:44:00 PM", "+07", "GMT+7", two-digit years) to be parsed
// here without the source's time zone, so the extract stage owns that.
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { FeedError } from './errors.ts';
import { decodeEntities } from './html-entities.ts';

export type FeedItem = {
  /** Absolute item URL (resolved against the feed URL), not yet canonicalized. */
  url: string;
  guid: string | null;
  title: string;
  /** The date text exactly as the feed wrote it. */
  publishedAt: string | null;
  /** Plain text of the description/summary. */
  summary: string;
};

type RawItem = {
  link?: string;
  guid?: string;
  id?: string;
  title?: string;
  pubDate?: string;
  date?: string;
  published?: string;
  updated?: string;
  content?: string;
  summary?: string;
  contentSnippet?: string;
};

// Atom's <published>/<updated> are copied raw: rss-parser rewrites pubDate as UTC for Atom.
const parser = new Parser<Record<string, unknown>, { published?: string; updated?: string }>({
  customFields: { item: ['published', 'updated'] },
});

/** Splits out CDATA sections and comments, whose text must not be rewritten. */
const VERBATIM = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;

function outsideVerbatim(xml: string, fix: (s: string) => string): string {
  return xml
    .split(VERBATIM)
    .map((part, i) => (i % 2 === 1 ? part : fix(part)))
    .join('');
}

/** Escapes "&" that cannot start a reference (`?w=1200&h=0` in an attribute). */
function escapeBareAmpersands(xml: string): string {
  return outsideVerbatim(xml, (s) =>
    s.replace(/&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{1,31};)/g, '&amp;'),
  );
}

/** Harder repair, used when the first fails: only the five XML names stay references. */
function escapeNonXmlReferences(xml: string): string {
  return outsideVerbatim(xml, (s) =>
    s.replace(/&(?!#\d+;|#[xX][0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)/g, '&amp;'),
  );
}

function stripBeforeMarkup(xml: string): string {
  // A BOM or blank lines before the prolog make the document ill-formed (and rss-parser
  // then reports "not RSS"); anything before the first "<" is noise from the server.
  const start = xml.indexOf('<');
  return start > 0 ? xml.slice(start) : xml.replace(/^\uFEFF/, '');
}

function cleanText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().normalize('NFC');
}

function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  const $ = cheerio.load(`<div id="x">${html}</div>`, null, false);
  // Separate blocks so "…ngập.</p><li>TPHCM…" does not run two sentences together.
  $('p, div, li, br, h1, h2, h3, h4, tr').before(' ');
  return cleanText($('#x').text());
}

function absoluteUrl(raw: string | undefined, feedUrl: string): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  try {
    const u = new URL(trimmed, feedUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function toFeedItem(raw: RawItem, feedUrl: string, isAtom: boolean): FeedItem | null {
  const guid = (typeof raw.guid === 'string' ? raw.guid : raw.id)?.trim() || null;
  // An item without <link> can still name its page by a permalink guid.
  const url =
    absoluteUrl(raw.link, feedUrl) ??
    (guid && /^https?:\/\//i.test(guid) ? absoluteUrl(guid, feedUrl) : null);
  if (!url) return null;
  // One more decoding pass: references inside CDATA or encoded twice survive XML parsing.
  const title = cleanText(decodeEntities(raw.title ?? ''));
  // First publication, not the last edit: SGGP's RSS items carry an <updated> as well, and
  // for Atom rss-parser's pubDate is its own UTC rewrite of <published>/<updated>.
  const candidates = isAtom
    ? [raw.published, raw.updated]
    : [raw.pubDate, raw.date, raw.published, raw.updated];
  const published = candidates.find((d) => d !== undefined && d.trim() !== '')?.trim() ?? null;
  const summaryHtml = raw.content ?? raw.summary ?? raw.contentSnippet ?? '';
  return { url, guid, title, publishedAt: published, summary: htmlToText(summaryHtml) };
}

export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  const cleaned = stripBeforeMarkup(xml);
  let parsed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    parsed = await parser.parseString(escapeBareAmpersands(cleaned));
  } catch (first) {
    try {
      parsed = await parser.parseString(escapeNonXmlReferences(cleaned));
    } catch {
      const reason = first instanceof Error ? first.message.split('\n')[0] : String(first);
      throw new FeedError(`${feedUrl}: not a readable RSS/Atom feed (${reason})`, {
        cause: first,
      });
    }
  }
  const head = cleaned.slice(0, 4096);
  const isAtom = /<feed[\s>]/.test(head) && !/<(?:rss|rdf:RDF)[\s>]/.test(head);
  const items: FeedItem[] = [];
  for (const raw of parsed.items) {
    const item = toFeedItem(raw, feedUrl, isAtom);
    if (item) items.push(item);
  }
  return items;
}
