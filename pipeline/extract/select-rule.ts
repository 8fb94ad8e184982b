// Which site rule reads a page, in order of trust:
// 1. the URL's hostname (subdomains included: m.vnexpress.net, www.tuoitre.vn);
// 2. the hostname the page declares for itself (link rel=canonical, og:url): a mirror or a
//    local copy of a real page still names its outlet;
// 3. the markup fingerprint: outlets move domains (the 2025 press mergers folded provincial
//    papers into new ones) and the local demo serves real markup shapes from 127.0.0.1;
// 4. none: the generic fallback (JSON-LD, OpenGraph, content density).
import type { CheerioAPI } from 'cheerio';
import type { SiteRule } from './site-rule.ts';
import { SITE_RULES } from './sites/index.ts';

export type RuleMatch = 'host' | 'canonical' | 'fingerprint' | 'generic';

export interface SelectedRule {
  rule: SiteRule | null;
  by: RuleMatch;
}

export function ruleForHost(
  hostname: string,
  rules: readonly SiteRule[] = SITE_RULES,
): SiteRule | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  return rules.find((r) => r.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}

export function selectRule(
  $: CheerioAPI,
  url: string,
  rules: readonly SiteRule[] = SITE_RULES,
): SelectedRule {
  const byHost = ruleForHost(hostOf(url), rules);
  if (byHost) return { rule: byHost, by: 'host' };

  for (const declared of [
    $('link[rel="canonical"]').attr('href'),
    $('meta[property="og:url"]').attr('content'),
  ]) {
    const r = declared ? ruleForHost(hostOf(declared), rules) : null;
    if (r) return { rule: r, by: 'canonical' };
  }

  let best: SiteRule | null = null;
  let bestScore = 0;
  for (const r of rules) {
    const [first, ...rest] = r.fingerprint;
    if (!first || !present($, first)) continue;
    const score = 1 + rest.filter((sel) => present($, sel)).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best ? { rule: best, by: 'fingerprint' } : { rule: null, by: 'generic' };
}

function present($: CheerioAPI, selector: string): boolean {
  try {
    return $(selector).length > 0;
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
