// robots.txt, as RFC 9309 and Google's documentation read it: groups by user-agent (ours by
// its product token, else `*`; groups naming the same agent are merged), Allow/Disallow with
// `*` and `$`, the longest matching rule wins and Allow wins a tie, /robots.txt itself is
// always allowed. Crawl-delay is not in the RFC, but Bing and Yandex honour it and Vietnamese
// sites set it, so it is read from the matched group.
// Hand-written (about 100 lines) rather than a dependency: robots-parser@3.0.1 fits the same
// API but is not installed in this workspace.

export type RobotsRule = { allow: boolean; pattern: string; regex: RegExp };

export type RobotsGroup = { agents: string[]; rules: RobotsRule[]; crawlDelaySec: number | null };

export type RobotsTxt = { groups: RobotsGroup[] };

/** What the HTTP client knows about one origin's robots.txt. */
export type RobotsPolicy =
  | { kind: 'rules'; robots: RobotsTxt }
  /** 4xx (RFC 9309 §2.3.1.3): no robots.txt, everything is allowed. */
  | { kind: 'allow-all' }
  /** 5xx, timeout or network error (§2.3.1.4): assume complete disallow for a while. */
  | { kind: 'unreachable'; reason: string };

/** The first product token of a User-Agent ("DiemTinBot/0.1 (…)" → "diemtinbot"). */
export function productToken(userAgent: string): string {
  return (/^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? userAgent).toLowerCase();
}

/** Percent-encodes what a browser would (non-ASCII, spaces), keeping existing escapes. */
function normalizePath(p: string): string {
  return p
    .replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())
    .replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`);
}

export function parseRobots(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  // A user-agent line right after another one extends the same group; after a rule it
  // starts a new one.
  let lastWasAgent = false;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySec: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value === '') continue;
      const pattern = normalizePath(value);
      current.rules.push({ allow: key === 'allow', pattern, regex: compile(pattern) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelaySec = n;
    }
  }
  return { groups };
}

/** Our group's rules and delay: the groups naming our product token, else those of `*`. */
export function groupFor(robots: RobotsTxt, userAgent: string): RobotsGroup | null {
  const token = productToken(userAgent);
  const pick = (name: string): RobotsGroup[] =>
    robots.groups.filter((g) => g.agents.includes(name));
  const mine = pick(token);
  const chosen = mine.length > 0 ? mine : pick('*');
  if (chosen.length === 0) return null;
  const delays = chosen.map((g) => g.crawlDelaySec).filter((d): d is number => d !== null);
  return {
    agents: chosen.flatMap((g) => g.agents),
    rules: chosen.flatMap((g) => g.rules),
    crawlDelaySec: delays.length > 0 ? Math.max(...delays) : null,
  };
}

/** Whether the path (with its query) may be fetched. */
export function isAllowed(robots: RobotsTxt, userAgent: string, pathAndQuery: string): boolean {
  const p = normalizePath(pathAndQuery || '/');
  if (p === '/robots.txt') return true;
  const group = groupFor(robots, userAgent);
  if (!group) return true;
  let best: RobotsRule | null = null;
  for (const rule of group.rules) {
    if (!rule.regex.test(p)) continue;
    if (
      !best ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow)
    ) {
      best = rule;
    }
  }
  return best === null || best.allow;
}

/** Crawl-delay of our group in milliseconds, or null. */
export function crawlDelayMs(robots: RobotsTxt, userAgent: string): number | null {
  const d = groupFor(robots, userAgent)?.crawlDelaySec;
  return d === null || d === undefined ? null : Math.round(d * 1000);
}
