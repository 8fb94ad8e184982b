// The work behind `extract` (index.ts): one article page (HTML) → ExtractedArticle, or the
// reason it is not an article. Pure: no I/O, no clock (`now` bounds dates). Order of work:
// 1. prepare the HTML (size and nesting bounded, scripts/styles gone; prepare.ts);
// 2. pick the site rule (host, declared host, markup fingerprint; select-rule.ts);
// 3. read every field from the rule's selectors, falling back per field to JSON-LD,
//    OpenGraph and <meta> (metadata.ts);
// 4. read the body from the rule's container; when there is no rule or it finds too little,
//    strip page furniture and take the densest paragraph container (density.ts);
// 5. decide "not an article" (no title, too little text, a list page, a video page), then
//    normalize every string (NFC) and validate against the shared zod schema.
import type { AnyNode, Element } from 'domhandler';
import { ExtractedArticle } from '../../src/schema.ts';
import type { ExtractResult } from './index.ts';
import { fold, normalizeText, syllables } from '../normalize.ts';
import { cleanContainer, findIn, isTagNode, paragraphsOf } from './blocks.ts';
import { detach, setText, textOf, textOfAll } from './dom.ts';
import { cleanAuthorName } from './names.ts';
import { parseVietnameseDate } from './dates.ts';
import { looksLikeLinkList, pickContainer, stripFurniture } from './density.ts';
import type { PageMetadata } from './metadata.ts';
import { readMetadata, splitList } from './metadata.ts';
import type { Page } from './page.ts';
import { parsePage } from './page.ts';
import { isTooDeep, prepareHtml } from './prepare.ts';
import { selectAll, selectFirst } from './query.ts';
import { selectRule } from './select-rule.ts';
import type { SiteRule } from './site-rule.ts';
import { SITE_RULES } from './sites/index.ts';

/**
 * Below this many syllables the page has no article text: a video page with a caption, a
 * photo gallery, a teaser. The shortest real news briefs (tin vắn) run ~80 syllables.
 */
export const MIN_BODY_WORDS = 50;

// Generic selectors for pages without a rule, used only after the metadata found nothing.
// Vietnamese CMSes name the date element in Vietnamese too: "ngaydang" (ngày đăng), "thoigian".
const GENERIC_DATE =
  '[itemprop="datePublished"], [class*="publish" i], [class*="date" i], [class*="time" i], ' +
  '[class*="ngay" i], [class*="thoigian" i], [class*="thoi-gian" i]';
const GENERIC_AUTHOR =
  '[rel="author"], [itemprop="author"] [itemprop="name"], .author-name, .author, .tac-gia';
const GENERIC_BREADCRUMB = '.breadcrumb a, .breadcrumbs a, [class*="breadcrumb" i] li a';

/** An outlet dateline opening the sapo: "(Dân trí) -", "(NLĐO)-", "(Chinhphu.vn) -". */
const SAPO_DATELINE = /^\s*\([^()]{2,30}\)\s*[-–—:]\s*/u;

function notArticle(why: string): ExtractResult {
  return { ok: false, reason: `not an article: ${why}` };
}

/**
 * `extract` with an explicit rule list (tests run the generic fallback alone with `[]`).
 * Never throws: a parser or selector failure is this page's problem, reported as a reason.
 */
export function extractPage(
  input: { html: string; url: string; now: Date },
  rules: readonly SiteRule[] = SITE_RULES,
): ExtractResult {
  try {
    return extractUnsafe(input, rules);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `extract: failed: ${message}` };
  }
}

function extractUnsafe(
  input: { html: string; url: string; now: Date },
  rules: readonly SiteRule[],
): ExtractResult {
  const html = typeof input.html === 'string' ? input.html : '';
  if (html.trim() === '') return notArticle('empty page');
  const prepared = prepareHtml(html);
  if (isTooDeep(prepared)) {
    return notArticle(`malformed HTML (${prepared.unclosed} levels of unclosed tags)`);
  }
  const page = parsePage(prepared.html);
  const meta = readMetadata(page);
  const { rule } = selectRule(page, input.url, rules, prepared.html);
  if (rule?.datelineStamp) {
    for (const el of selectAll(page, rule.datelineStamp)) {
      const place = textOf(el).trim();
      if (place) setText(el, `${place} - `);
    }
  }

  // Every field but the body is read before the generic body search strips page furniture.
  const title =
    firstValue(page, rule?.title) ??
    line(meta.headline) ??
    firstValue(page, ['h1']) ??
    line(meta.htmlTitle);
  const sapo = stripDateline(firstValue(page, rule?.sapo) ?? line(meta.description) ?? '', rule);
  const author = readAuthor(page, rule, meta, input.url);
  const publishedAt = readDate(page, rule, meta, input.now);
  const section =
    lastValue(page, rule?.section) ??
    line(meta.breadcrumb) ??
    line(meta.section) ??
    lastValue(page, [GENERIC_BREADCRUMB]);
  const tags = readTags(page, rule, meta);

  if (!title) return notArticle('no title');

  const { paragraphs, listPage, signature } = readBody(page, rule);
  const isTitle = sameTextAs(title);
  const isSapo = sameTextAs(sapo);
  const kept = paragraphs.filter((p) => !isTitle(p) && !isSapo(p));
  const words = wordsIn(kept);
  if (words < MIN_BODY_WORDS) {
    if (listPage) return notArticle('page is a list of links');
    if (isVideoPage(page, meta, input.url)) {
      return notArticle(`video page with no text (${words} words)`);
    }
    return notArticle(`body too short (${words} words)`);
  }

  const parsed = ExtractedArticle.safeParse({
    title,
    sapo,
    body: kept.join('\n\n'),
    author: author ?? signature,
    publishedAt,
    section,
    tags,
  });
  if (!parsed.success) {
    return {
      ok: false,
      reason: `extract: invalid result: ${parsed.error.issues[0]?.message ?? 'schema'}`,
    };
  }
  return { ok: true, article: parsed.data };
}

// ---- body ----------------------------------------------------------------------------------

interface Body {
  paragraphs: string[];
  listPage: boolean;
  /** The author from a signature line the generic reader took off the body's end. */
  signature: string | null;
}

function readBody(page: Page, rule: SiteRule | null): Body {
  let paragraphs: string[] = [];
  const box = rule ? firstContainer(page, rule.body) : null;
  if (rule && box) {
    cleanContainer(page, box, rule.drop);
    paragraphs = paragraphsOf(box);
  }
  if (wordsIn(paragraphs) >= MIN_BODY_WORDS)
    return { paragraphs, listPage: false, signature: null };

  // No rule, or its container is missing/empty (a redesign, a live page): the generic way.
  stripFurniture(page);
  const dense = pickContainer(page);
  const body: AnyNode = selectFirst(page, 'body') ?? page.doc;
  if (!dense) return { paragraphs, listPage: looksLikeLinkList(page, body), signature: null };
  if (looksLikeLinkList(page, dense)) return { paragraphs, listPage: true, signature: null };
  cleanContainer(page, dense, []);
  const signature = takeSignature(page, dense);
  const generic = paragraphsOf(dense);
  const better = wordsIn(generic) > wordsIn(paragraphs);
  return {
    paragraphs: better ? generic : paragraphs,
    listPage: looksLikeLinkList(page, body),
    signature: better ? signature : null,
  };
}

/** A right-aligned block: how Vietnamese CMSes set the signature line under a story. */
const RIGHT_ALIGNED =
  '[align="right" i], [style*="text-align:right" i], [style*="text-align: right" i]';

/**
 * The signature under a story without a rule ("Văn Định - Trung tâm Văn hóa xã", "Minh Khoa
 * (tổng hợp)"): the LAST right-aligned short block of the container, removed from the body.
 * Its first part, when it reads like a name (≤ 5 syllables), is returned as the author.
 */
function takeSignature(page: Page, box: Element): string | null {
  const found = findIn(page, box, RIGHT_ALIGNED);
  const last = found[found.length - 1];
  if (last === undefined) return null;
  const lastText = textOf(last);
  const text = lastText.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 80) return null;
  // Only at the end: nothing but whitespace may follow it in the container.
  const after = textOf(box).split(lastText).pop() ?? '';
  if (after.trim() !== '') return null;
  detach(last);
  const name = line(text.split(/\s+[-–—]\s+|\s*\(/u)[0]);
  if (!name || syllables(name).length > 5 || !/^\p{Lu}/u.test(name)) return null;
  return cleanAuthorName(name);
}

/** The first selector with matches; of its matches, the one with the most text. */
function firstContainer(page: Page, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const found = safeSelectAll(page, sel);
    let best: Element | null = null;
    let bestLen = -1;
    for (const el of found) {
      const len = textOf(el).length;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    if (best) return best;
  }
  return null;
}

// ---- fields --------------------------------------------------------------------------------

function readAuthor(
  page: Page,
  rule: SiteRule | null,
  meta: PageMetadata,
  url: string,
): string | null {
  const found = readAuthorRaw(page, rule, meta, url);
  if (found === null) return null;
  const names = dedupe(
    found
      .split(', ')
      .map(cleanAuthorName)
      .filter((n) => n !== ''),
  );
  return names.length > 0 ? names.join(', ') : null;
}

function readAuthorRaw(
  page: Page,
  rule: SiteRule | null,
  meta: PageMetadata,
  url: string,
): string | null {
  const names = allValues(page, rule?.author);
  const fromRule = dedupe(names.map(line).filter((n): n is string => n !== null && n.length <= 80));
  if (fromRule.length > 0) return fromRule.join(', ');
  const fromLd = dedupe(
    meta.authors.map(line).filter((n): n is string => n !== null && !isOutletName(n, meta, url)),
  );
  if (fromLd.length > 0) return fromLd.join(', ');
  const fromMeta = line(meta.metaAuthor);
  if (fromMeta && !isOutletName(fromMeta, meta, url)) return fromMeta;
  // Last resort: a short byline in an element named like one (baodautu `a.author`).
  const byline = firstValue(page, [GENERIC_AUTHOR]);
  return byline && byline.length <= 60 && !isOutletName(byline, meta, url) ? byline : null;
}

/** Outlets sign pages with their own name ("VnExpress", "NLD.COM.VN", a Facebook URL). */
function isOutletName(name: string, meta: PageMetadata, url: string): boolean {
  if (/https?:|www\.|\.(vn|com|net|org)\b/i.test(name)) return true;
  const key = fold(name).replace(/[^a-z0-9]/g, '');
  if (key.length < 2) return true;
  const sites = [meta.siteName ?? '', hostOf(url)].map((s) => fold(s).replace(/[^a-z0-9]/g, ''));
  return sites.some((s) => s.length > 0 && (s.includes(key) || key.includes(s)));
}

/**
 * Machine-readable dates first (JSON-LD, article:published_time: seconds and an offset), then
 * the rule's visible date, then any <time datetime>.
 */
function readDate(page: Page, rule: SiteRule | null, meta: PageMetadata, now: Date): string | null {
  // Candidates are tried in order and the first that parses wins, so the costly generic
  // selectors below only run on pages where nothing better was found.
  const tryDate = (c: string | null | undefined): string | null =>
    c ? parseVietnameseDate(c, now) : null;
  let iso = machineDate(meta.dates, now);
  if (iso) return iso;
  for (const sel of rule?.date ?? []) {
    for (const el of safeSelectAll(page, sel)) {
      iso = (el.name === 'time' ? tryDate(el.attribs['datetime']) : null) ?? tryDate(valueOf(el));
      if (iso) return iso;
    }
  }
  iso = tryDate(selectFirst(page, 'time[datetime]')?.attribs['datetime']);
  if (iso) return iso;
  // Last resort: a visible date in an element named like one (baodautu `span.post-time`).
  for (const el of safeSelectAll(page, GENERIC_DATE).slice(0, 20)) {
    const text = textOf(el);
    iso = text.length <= 80 ? tryDate(text) : null;
    if (iso) return iso;
  }
  return null;
}

/**
 * The first machine-readable date that parses; when it has no seconds (tuoitre's JSON-LD
 * says 08:01:00) and a later one names the same minute with seconds (its
 * article:published_time says 08:01:53), the more precise one.
 */
function machineDate(dates: readonly string[], now: Date): string | null {
  let first: string | null = null;
  let at = 0;
  for (; at < dates.length && !first; at++) first = parseVietnameseDate(dates[at] ?? '', now);
  if (!first || !first.includes(':00+')) return first;
  const minute = first.slice(0, 16);
  for (; at < dates.length; at++) {
    const d = parseVietnameseDate(dates[at] ?? '', now);
    if (d?.startsWith(minute) && !d.includes(':00+')) return d;
  }
  return first;
}

function readTags(page: Page, rule: SiteRule | null, meta: PageMetadata): string[] {
  for (const sel of rule?.tags ?? []) {
    const found = safeSelectAll(page, sel);
    if (found.length === 0) continue;
    const tags = splitList(found.map((el) => valueOf(el)))
      .map((t) => line(t))
      .filter((t): t is string => t !== null);
    if (tags.length > 0) return tags;
  }
  return meta.keywords.map((t) => line(t)).filter((t): t is string => t !== null);
}

function isVideoPage(page: Page, meta: PageMetadata, url: string): boolean {
  return (
    (meta.ogType?.startsWith('video') ?? false) ||
    selectFirst(page, 'video') !== null ||
    textOfAll(selectAll(page, 'script[type="application/ld+json"]')).includes('VideoObject') ||
    /\/video[s]?\//i.test(url)
  );
}

function stripDateline(sapo: string, rule: SiteRule | null): string {
  let s = sapo;
  if (rule?.sapoPrefix) s = s.replace(rule.sapoPrefix, '');
  return s.replace(SAPO_DATELINE, '');
}

// ---- selector helpers ----------------------------------------------------------------------

/** The value of an element: a meta's content, a time's text, or its text. */
function valueOf(el: Element): string {
  if (el.name === 'meta') return el.attribs['content'] ?? '';
  return textOf(el);
}

function firstValue(page: Page, selectors: readonly string[] | undefined): string | null {
  for (const sel of selectors ?? []) {
    for (const el of safeSelectAll(page, sel)) {
      const v = line(valueOf(el));
      if (v) return v;
    }
  }
  return null;
}

function lastValue(page: Page, selectors: readonly string[] | undefined): string | null {
  for (const sel of selectors ?? []) {
    const values = safeSelectAll(page, sel)
      .map((el) => line(valueOf(el)))
      .filter((v): v is string => v !== null);
    const last = values[values.length - 1];
    if (last) return last;
  }
  return null;
}

function allValues(page: Page, selectors: readonly string[] | undefined): string[] {
  for (const sel of selectors ?? []) {
    const values = safeSelectAll(page, sel)
      .map((el) => valueOf(el))
      .filter((v) => v.trim() !== '');
    if (values.length > 0) return values;
  }
  return [];
}

/**
 * The elements (not <script>/<style>) a selector matches, none when it is invalid: a selector
 * a rule author got wrong must not take the page down with it.
 */
function safeSelectAll(page: Page, sel: string): Element[] {
  try {
    return selectAll(page, sel).filter((el) => isTagNode(el));
  } catch {
    return [];
  }
}

// ---- text helpers --------------------------------------------------------------------------

/** One line of normalized text, or null when empty. */
function line(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = normalizeText(s.replace(/\s+/g, ' '));
  return t === '' ? null : t;
}

/**
 * A test for "the same text as `b`" (equal once folded). Folding is costly on long
 * paragraphs: `b` is folded once, and only texts of a similar length are folded at all.
 */
function sameTextAs(b: string): (a: string) => boolean {
  let folded: string | null = null;
  return (a) => {
    if (b === '' || Math.abs(a.length - b.length) > Math.max(a.length, b.length) * 0.2) {
      return false;
    }
    folded ??= fold(b);
    return fold(a) === folded;
  };
}

/** countWords of the paragraphs joined by spaces (a space never joins two words). */
function wordsIn(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += countWords(p);
  return n;
}

/**
 * Words (syllables) for the length thresholds: runs of letters and digits, an inner
 * apostrophe kept (B'Lao is one). Same count as normalize.ts `syllables`, without folding.
 * The count of `/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*\/gu` matches, by a scan that builds no
 * match strings (it ran on every body twice or three times).
 */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isWordChar(cp)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && APOSTROPHES.has(cp) && isWordChar(s.codePointAt(i + 1) ?? -1))) {
      inWord = false;
    }
    i += width;
  }
  return n;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Per BMP code point: 0 unknown, 1 letter or digit, 2 neither (filled on first sight). */
const WORD_CHARS = new Uint8Array(0x10000);

function isWordChar(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  }
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  let k = WORD_CHARS[cp] ?? 0;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    WORD_CHARS[cp] = k;
  }
  return k === 1;
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = fold(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
