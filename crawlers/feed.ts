// RSS/Atom → FeedItem[], through rss-parser, with the repairs real Vietnamese feeds need
// (../shared/data/feeds, outlets/rss_feed_urls.csv): a raw "&" in URLs and text (VnExpress),
// text or a BOM before the prolog, relative item links with tracking parameters, entities
// inside CDATA or encoded twice in titles and descriptions (VietnamBiz, Thanh Niên), YouTube's
// channel feeds (Atom + yt:/media: extensions) and RSSHub's output for social pages. A prolog
// that lies about the encoding is charset.ts's business: the text arrives here decoded.
// Dates are passed on as written: their forms vary too much ("9/14/2026 6:44:00 PM", "+07",
// "GMT+7", two-digit years, "20/11/2026 07:30", ISO without a zone) to be parsed here without
// the source's time zone, so the extract stage owns that (pipeline/extract/dates.ts).
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

// Atom's <published>/<updated> are renamed before parsing and read raw: rss-parser rewrites
// them with `new Date(x).toISOString()`, which throws on a form JavaScript cannot read
// ("20/11/2026 07:30") and so loses the whole feed, and rewrites the rest as UTC.
const ATOM_PUBLISHED = 'diemtin-published';
const ATOM_UPDATED = 'diemtin-updated';

/** What xml2js makes of an element: its text, or an object with the text under `_`. */
type XmlValue = string | { _?: string; $?: Record<string, string> } | undefined;

/** YouTube's <media:group> as xml2js reads it (arrays of child elements). */
type MediaGroup = { 'media:description'?: XmlValue[] };

type RawItem = {
  link?: string;
  guid?: string;
  id?: string;
  title?: string;
  pubDate?: string;
  date?: string;
  published?: string;
  updated?: string;
  atomPublished?: XmlValue;
  atomUpdated?: XmlValue;
  content?: string;
  summary?: string;
  contentSnippet?: string;
  ytVideoId?: XmlValue;
  mediaGroup?: MediaGroup | string;
};

const parser = new Parser<Record<string, unknown>, Omit<RawItem, keyof Parser.Item>>({
  customFields: {
    item: [
      // RSS items that carry Atom-style dates too (SGGP's <updated>).
      'published',
      'updated',
      [ATOM_PUBLISHED, 'atomPublished'],
      [ATOM_UPDATED, 'atomUpdated'],
      ['yt:videoId', 'ytVideoId'],
      ['media:group', 'mediaGroup'],
    ],
  },
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

function renameAtomDates(xml: string): string {
  return outsideVerbatim(xml, (s) =>
    s.replace(/<(\/?)(published|updated)(?=[\s/>])/g, (_m, slash: string, name: string) =>
      name === 'published' ? `<${slash}${ATOM_PUBLISHED}` : `<${slash}${ATOM_UPDATED}`,
    ),
  );
}

function xmlText(v: XmlValue): string | undefined {
  return typeof v === 'string' ? v : v?._;
}

function cleanText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().normalize('NFC');
}

function htmlToTextOnce(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  const $ = cheerio.load(`<div id="x">${html}</div>`, null, false);
  // Separate blocks so "…ngập.</p><li>TPHCM…" does not run two sentences together.
  $('p, div, li, br, h1, h2, h3, h4, tr').before(' ');
  return cleanText($('#x').text());
}

/** Markup that survived one pass: the description was HTML-escaped twice. */
const LEFTOVER_MARKUP = /<\/?(?:p|div|span|a|img|br|strong|em|b|i|ul|ol|li|h[1-6])\b[^>]*>/i;

/** Plain NFC text of a feed description (also used to read stored streams in the eval). */
export function htmlToText(html: string): string {
  const once = htmlToTextOnce(html);
  return LEFTOVER_MARKUP.test(once) ? htmlToTextOnce(once) : once;
}

const TITLE_FALLBACK_CHARS = 120;

/** Social posts (RSSHub, Telegram) often have no title: the first words of the text stand in. */
function titleFromSummary(summary: string): string {
  const firstSentence = /^.{20,}?[.!?…](?=\s|$)/u.exec(summary)?.[0] ?? summary;
  if (firstSentence.length <= TITLE_FALLBACK_CHARS) return firstSentence;
  const cut = firstSentence.slice(0, TITLE_FALLBACK_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

function youtubeWatchUrl(videoId: string | undefined): string | null {
  const id = videoId?.trim();
  return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube.com/watch?v=${id}` : null;
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
  // YouTube: one URL per video, whether the entry links to /watch or to /shorts.
  const videoUrl = youtubeWatchUrl(xmlText(raw.ytVideoId));
  // An item without <link> can still name its page by a permalink guid.
  const url =
    videoUrl ??
    absoluteUrl(raw.link, feedUrl) ??
    (guid && /^https?:\/\//i.test(guid) ? absoluteUrl(guid, feedUrl) : null);
  if (!url) return null;
  // First publication, not the last edit: SGGP's RSS items carry an <updated> as well.
  const candidates = isAtom
    ? [xmlText(raw.atomPublished), xmlText(raw.atomUpdated)]
    : [raw.pubDate, raw.date, raw.published, raw.updated];
  const published = candidates.find((d) => d !== undefined && d.trim() !== '')?.trim() ?? null;
  const html = raw.content ?? raw.summary ?? raw.contentSnippet;
  const media = typeof raw.mediaGroup === 'object' ? raw.mediaGroup : undefined;
  // A YouTube description is plain text as typed ("&", "<" included), not HTML.
  const summary =
    html !== undefined
      ? htmlToText(html)
      : cleanText(xmlText(media?.['media:description']?.[0]) ?? '');
  // One more decoding pass: references inside CDATA or encoded twice survive XML parsing.
  const title = cleanText(decodeEntities(raw.title ?? '')) || titleFromSummary(summary);
  return { url, guid, title, publishedAt: published, summary };
}

export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  const stripped = stripBeforeMarkup(xml);
  const head = stripped.slice(0, 4096);
  const isAtom = /<feed[\s>]/.test(head) && !/<(?:rss|rdf:RDF)[\s>]/.test(head);
  const cleaned = isAtom ? renameAtomDates(stripped) : stripped;
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
  const items: FeedItem[] = [];
  for (const raw of parsed.items) {
    const item = toFeedItem(raw, feedUrl, isAtom);
    if (item) items.push(item);
  }
  return items;
}
