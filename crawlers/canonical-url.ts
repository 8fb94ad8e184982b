// The canonical URL is the first dedup key (STYLE.md §9): the same article reached from two
// feeds, a share link or an AMP page must map to one string. Only parameters known to be
// tracking are dropped; others may select content (?id=123) and are kept, sorted.
import * as cheerio from 'cheerio';

/** Parameters that only record where a click came from. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  // Zalo, the dominant Vietnamese messenger, tags shared links with these.
  'zarsrc',
  'gidzl',
  'fb_action_ids',
  'fb_action_types',
  'fb_source',
  'fb_ref',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

export function canonicalUrl(url: string, base?: string): string {
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch (err) {
    throw new Error(`canonical-url: not a URL: ${url}`, { cause: err });
  }
  // URL already lower-cases scheme and host and drops default ports.
  u.hash = '';
  const kept = [...u.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = '';
  for (const [name, value] of kept) u.searchParams.append(name, value);
  return u.href;
}

// Second-level suffixes under which a registrable name sits one label deeper. Enough for
// Vietnamese outlets and the foreign ones we read; not the whole Public Suffix List.
const TWO_LABEL_SUFFIXES = new Set([
  'com.vn',
  'net.vn',
  'org.vn',
  'gov.vn',
  'edu.vn',
  'ac.vn',
  'info.vn',
  'biz.vn',
  'name.vn',
  'pro.vn',
  'health.vn',
  'int.vn',
  'co.uk',
  'org.uk',
  'com.au',
]);

/** "www.sggp.org.vn" → "sggp.org.vn"; "m.vnexpress.net" → "vnexpress.net". */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(TWO_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/**
 * The page's own canonical URL when it can be trusted: an absolute http(s) <link
 * rel="canonical"> on the same registrable site (an AMP page's canonical link is how AMP
 * leads back to the article). Anything else — relative, another site (syndication, a CMS
 * bug pointing at the home page of a partner) — is ignored and the page URL is kept.
 */
export function preferCanonical(pageUrl: string, html: string): string {
  const page = canonicalUrl(pageUrl);
  const head = html.slice(0, headEnd(html));
  const $ = cheerio.load(head);
  const href = $('link[rel~="canonical" i]').first().attr('href')?.trim();
  if (!href || !/^https?:\/\//i.test(href)) return page;
  let candidate: string;
  try {
    candidate = canonicalUrl(href);
  } catch {
    return page;
  }
  const pageHost = new URL(page).hostname;
  const candidateUrl = new URL(candidate);
  if (registrableDomain(candidateUrl.hostname) !== registrableDomain(pageHost)) return page;
  // A canonical pointing at the site root is a template default, not this article.
  if (candidateUrl.pathname === '/' && new URL(page).pathname !== '/') return page;
  return candidate;
}

/** Where </head> ends, so that a long body is not parsed only to read one link. */
function headEnd(html: string): number {
  const i = html.search(/<\/head\s*>/i);
  return i === -1 ? html.length : i;
}
