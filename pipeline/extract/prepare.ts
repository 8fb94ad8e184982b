// Raw HTML made safe to parse: bounded in size and nesting, so that no input string can make
// extraction slow or blow the stack.
//
// Why a pre-pass on the string instead of trusting the parser:
// - Parsing is most of the cost, and real article pages are 50–500 KB of which most is inline
//   <script>/<style>/<svg> (VnExpress: ~60%). Removing those (except JSON-LD, which we read)
//   and HTML comments first, then capping what is left at MAX_PARSE_CHARS, bounds the parse
//   time. A page longer than that (a 10 MB dump) is read from its prefix: the article of a
//   real page sits in its first 1.5 MB of markup; a page whose prefix holds no article is
//   reported "not an article" like any other.
// - parse5 is quadratic on deeply nested unclosed tags (50,000 nested <div>: ~40 s) and
//   cheerio's text() recurses per level (stack overflow near 5,000 levels). Real pages nest
//   < 100 deep, so a page with thousands of unclosed container tags is garbage, not an article.
// The scans below use indexOf, not regex backtracking, so they stay linear on hostile input.

/** Kept after stripping; a long article with its markup is well under this. */
export const MAX_PARSE_CHARS = 1_500_000;
/** More unclosed container tags than this and the page is malformed. */
const MAX_UNCLOSED = 1_500;

export interface PreparedHtml {
  html: string;
  /** Excess opening tags over closing ones for nesting containers (a depth upper bound). */
  unclosed: number;
}

export function prepareHtml(raw: string): PreparedHtml {
  let html = stripRawBlocks(raw);
  if (html.length > MAX_PARSE_CHARS) html = html.slice(0, MAX_PARSE_CHARS);
  return { html, unclosed: unclosedContainers(html) };
}

export function isTooDeep(p: PreparedHtml): boolean {
  return p.unclosed > MAX_UNCLOSED;
}

/**
 * Where a raw block may open: a comment, a script, a style, an inline SVG (icons: VCCorp pages
 * carry hundreds, never text). Case-insensitive.
 */
const BLOCK_OPEN = /<!--|<script|<style|<svg/gi;
const SCRIPT_CLOSE = /<\/script/gi;
const STYLE_CLOSE = /<\/style/gi;
const SVG_CLOSE = /<\/svg/gi;

/**
 * Removes comments, scripts (except JSON-LD) and styles in document order, as the HTML
 * tokenizer sees them: a "<!--" inside a script is script text, a "<script" inside a comment
 * is comment text. An unterminated block runs to the end of the input. Regex scans with
 * `lastIndex` (no backtracking) instead of lowercasing a copy of the page: a 500 KB page
 * costs well under a millisecond.
 */
function stripRawBlocks(s: string): string {
  const parts: string[] = [];
  let pos = 0;
  BLOCK_OPEN.lastIndex = 0;
  for (let m = BLOCK_OPEN.exec(s); m !== null; m = BLOCK_OPEN.exec(s)) {
    const start = m.index;
    let end: number;
    let keep = false;
    if (m[0] === '<!--') {
      const close = s.indexOf('-->', start + 4);
      end = close < 0 ? s.length : close + 3;
    } else {
      const tagEnd = s.indexOf('>', start);
      const tag = m[0].toLowerCase();
      const isScript = tag === '<script';
      if (tagEnd < 0) {
        end = s.length;
      } else {
        keep = isScript && /ld\+json/i.test(s.slice(start, tagEnd + 1));
        const close = isScript ? SCRIPT_CLOSE : tag === '<style' ? STYLE_CLOSE : SVG_CLOSE;
        close.lastIndex = tagEnd + 1;
        const c = close.exec(s);
        const closeEnd = c ? s.indexOf('>', c.index) : -1;
        end = closeEnd < 0 ? s.length : closeEnd + 1;
      }
    }
    parts.push(keep ? s.slice(pos, end) : `${s.slice(pos, start)} `);
    pos = end;
    if (end >= s.length) break;
    BLOCK_OPEN.lastIndex = end;
  }
  if (pos < s.length) parts.push(s.slice(pos));
  return parts.join('');
}

// Tags that nest arbitrarily and are never closed implicitly by a sibling (unlike p, li, td).
const CONTAINERS = new Set([
  'div',
  'span',
  'section',
  'article',
  'main',
  'table',
  'ul',
  'ol',
  'blockquote',
  'b',
  'i',
  'em',
  'strong',
  'font',
  'a',
  'small',
  'u',
]);

/** ASCII letters, digits and _: what \b in a non-unicode regex takes for a word character. */
function isWordCode(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
  );
}

/**
 * The deepest nesting of container tags: each `<name` or `</name` whose name (the whole run
 * of word characters after it, any case) is a container opens or closes one level. Same count
 * as matching /<(\/?)(div|span|…|u)\b/gi, by a scan that builds no match objects.
 */
function unclosedContainers(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    let j = i + 1;
    const closing = html.charCodeAt(j) === 0x2f;
    if (closing) j++;
    let k = j;
    let upper = false;
    for (; k < html.length && k - j <= 10; k++) {
      const c = html.charCodeAt(k);
      if (!isWordCode(c)) break;
      if (c >= 0x41 && c <= 0x5a) upper = true;
    }
    if (k === j || k - j > 10 || isWordCode(html.charCodeAt(k))) continue;
    // Most names are lowercase already: no lowercased copy for them.
    const name = html.slice(j, k);
    if (!CONTAINERS.has(upper ? name.toLowerCase() : name)) continue;
    depth += closing ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) max = depth;
  }
  return max;
}
