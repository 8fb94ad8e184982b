// Which site rule reads a page, in order of trust:
// 1. the URL's hostname (subdomains included: m.vnexpress.net, www.tuoitre.vn);
// 2. the hostname the page declares for itself (link rel=canonical, og:url): a mirror or a
//    local copy of a real page still names its outlet;
// 3. the markup fingerprint: outlets move domains (the 2025 press mergers folded provincial
//    papers into new ones) and the local demo serves real markup shapes from 127.0.0.1;
// 4. none: the generic fallback (JSON-LD, OpenGraph, content density).
// Then the layout: a rule's older versions (site-rule.ts) are chosen by markup.
import type { Page } from './page.ts';
import { selectFirst } from './query.ts';
import type { SiteRule, SiteRuleVersion } from './site-rule.ts';
import { SITE_RULES } from './sites/index.ts';

export type RuleMatch = 'host' | 'canonical' | 'fingerprint' | 'generic';

export interface SelectedRule {
  /** The rule with the chosen layout's fields (id and hosts are the outlet's). */
  rule: SiteRule | null;
  by: RuleMatch;
  /** `validUntil` of the older layout in use; null for the current one. */
  version: string | null;
}

/**
 * The first rule (registry order) with a host equal to `hostname` or a parent domain of it.
 * Looked up per dot-suffix of the hostname in a map of every rule's hosts instead of testing
 * each host of each rule (one `endsWith` and its template string per host per page).
 */
export function ruleForHost(
  hostname: string,
  rules: readonly SiteRule[] = SITE_RULES,
): SiteRule | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  const index = hostIndex(rules);
  let best = Infinity;
  for (let from = 0; ;) {
    const at = index.get(from === 0 ? host : host.slice(from));
    if (at !== undefined && at < best) best = at;
    const dot = host.indexOf('.', from);
    if (dot < 0) break;
    from = dot + 1;
  }
  return rules[best] ?? null;
}

/** Per rule list: each host and the position of the first rule naming it. */
const HOST_INDEXES = new WeakMap<readonly SiteRule[], Map<string, number>>();

function hostIndex(rules: readonly SiteRule[]): Map<string, number> {
  let index = HOST_INDEXES.get(rules);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rules.length; i++) {
      for (const h of rules[i]?.hosts ?? []) if (!index.has(h)) index.set(h, i);
    }
    HOST_INDEXES.set(rules, index);
  }
  return index;
}

export function selectRule(
  page: Page,
  url: string,
  rules: readonly SiteRule[] = SITE_RULES,
  /** The page's markup, when at hand: fingerprints that cannot match skip their query. */
  html?: string,
): SelectedRule {
  const byHost = ruleForHost(hostOf(url), rules);
  if (byHost) return withLayout(page, byHost, 'host');

  for (const declared of [
    selectFirst(page, 'link[rel="canonical"]')?.attribs['href'],
    selectFirst(page, 'meta[property="og:url"]')?.attribs['content'],
  ]) {
    const r = declared ? ruleForHost(hostOf(declared), rules) : null;
    if (r) return withLayout(page, r, 'canonical');
  }

  let best: SiteRule | null = null;
  let bestScore = 0;
  for (const r of rules) {
    // A page in an older layout is still that outlet's page.
    for (const fp of [r.fingerprint, ...(r.versions ?? []).map((v) => v.fingerprint)]) {
      const [first, ...rest] = fp;
      if (!first || (html !== undefined && !mayMatch(html, first)) || !present(page, first)) {
        continue;
      }
      const score = 1 + rest.filter((sel) => present(page, sel)).length;
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
  }
  return best
    ? withLayout(page, best, 'fingerprint')
    : { rule: null, by: 'generic', version: null };
}

/**
 * The current layout unless its first fingerprint selector is absent and an older version's
 * is present (newest first); see site-rule.ts.
 */
function withLayout(page: Page, rule: SiteRule, by: RuleMatch): SelectedRule {
  const versions = rule.versions ?? [];
  const current = rule.fingerprint[0];
  if (versions.length === 0 || (current && present(page, current))) {
    return { rule, by, version: null };
  }
  const old = versions.find((v) => v.fingerprint[0] && present(page, v.fingerprint[0]));
  return old
    ? { rule: asRule(rule, old), by, version: old.validUntil }
    : { rule, by, version: null };
}

/** The version's fields under the outlet's identity (validUntil and note ride along unread). */
function asRule(rule: SiteRule, v: SiteRuleVersion): SiteRule {
  return { ...v, id: rule.id, name: rule.name, hosts: rule.hosts };
}

/**
 * False when no alternative of the selector can match: each alternative needs every class and
 * id it names to occur somewhere in the markup. A substring search is ~100x cheaper than a
 * query walking a large page (26 fingerprints × 100,000 elements was a second on a 10 MB
 * page); an alternative naming no class or id is always worth the query.
 */
export function mayMatch(html: string, selector: string): boolean {
  return namesOf(selector).some((names) => names.every((n) => html.includes(n)));
}

/** Per alternative of a selector, the class and id names it requires (rules are static). */
const NAMES = new Map<string, string[][]>();

function namesOf(selector: string): string[][] {
  let alts = NAMES.get(selector);
  if (!alts) {
    alts = selector
      .split(',')
      .map((alt) =>
        (alt.replace(/\[[^\]]*\]/g, ' ').match(/[.#][\w-]+/g) ?? []).map((n) => n.slice(1)),
      );
    NAMES.set(selector, alts);
  }
  return alts;
}

function present(page: Page, selector: string): boolean {
  try {
    return selectFirst(page, selector) !== null;
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
