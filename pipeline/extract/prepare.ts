// Raw HTML made safe to parse: bounded in size and nesting, so that no input string can make
// extraction slow or blow the stack.
//
// Why a pre-pass on the string instead of trusting the parser:
// - parse5 takes ~2 s on a 10 MB page, and real article pages are 50–500 KB of which most is
//   inline <script>/<style> (VnExpress: ~60%). Removing those (except JSON-LD, which we read)
//   and HTML comments first, then capping what is left, bounds the parse time.
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

const BLOCKS = [
  { open: '<!--', close: '-->' },
  { open: '<script', close: '</script' },
  { open: '<style', close: '</style' },
] as const;

/**
 * Removes comments, scripts (except JSON-LD) and styles in document order, as the HTML
 * tokenizer sees them: a "<!--" inside a script is script text, a "<script" inside a comment
 * is comment text. An unterminated block runs to the end of the input.
 */
function stripRawBlocks(s: string): string {
  const lower = s.toLowerCase();
  const next = BLOCKS.map((b) => lower.indexOf(b.open));
  let out = '';
  let pos = 0;
  for (;;) {
    let which = -1;
    for (let i = 0; i < BLOCKS.length; i++) {
      const at = next[i] ?? -1;
      if (at >= 0 && (which < 0 || at < (next[which] ?? 0))) which = i;
    }
    if (which < 0) break;
    const block = BLOCKS[which];
    const start = next[which] ?? 0;
    if (!block) break;
    const tagEnd = block.open === '<!--' ? start + 3 : lower.indexOf('>', start);
    const openTag = tagEnd < 0 ? s.slice(start) : s.slice(start, tagEnd + 1);
    const closeAt = tagEnd < 0 ? -1 : lower.indexOf(block.close, tagEnd + 1);
    const closeEnd = closeAt < 0 ? -1 : lower.indexOf('>', closeAt);
    const end = closeEnd < 0 ? s.length : closeEnd + 1;
    const keep = block.open === '<script' && /ld\+json/i.test(openTag);
    out += keep ? s.slice(pos, end) : s.slice(pos, start) + ' ';
    pos = end;
    if (end >= s.length) break;
    for (let i = 0; i < BLOCKS.length; i++) {
      if ((next[i] ?? -1) >= 0 && (next[i] ?? 0) < pos)
        next[i] = lower.indexOf(BLOCKS[i]?.open ?? '', pos);
    }
  }
  return pos < s.length ? out + s.slice(pos) : out;
}

// Tags that nest arbitrarily and are never closed implicitly by a sibling (unlike p, li, td).
const CONTAINER =
  /<(\/?)(div|span|section|article|main|table|ul|ol|blockquote|b|i|em|strong|font|a|small|u)\b/gi;

function unclosedContainers(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(CONTAINER)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) max = depth;
  }
  return max;
}
