// Bulletin items are stories, not copies: Vietnamese outlets republish each other, and ten
// copies of one press release are one fact for the reader, with a reach of ten.
import { TOPIC_IDS } from '../schema.ts';
import type { Article, SourceCategory, Tone, TopicId } from '../schema.ts';
import { summarize } from './summary.ts';
import { instantOf } from './window.ts';
import type { DigestWindow } from './window.ts';

export interface Story {
  /** storyId, or `article:<id>` for an article no other outlet carried. */
  key: string;
  /** Relevant copies, earliest first. */
  copies: Article[];
  representative: Article;
  title: string;
  /** Distinct outlet names, in the order they published. */
  outlets: string[];
  reach: number;
  /** ISO time of the representative copy. */
  time: string;
  /** An http(s) link, or null when no copy has one. */
  url: string | null;
  topics: TopicId[];
  tone: Tone;
  sensitive: boolean;
  sensitiveReasons: string[];
  sourceCategories: SourceCategory[];
  relevance: number;
  score: number;
}

/** When an article appeared: publication time, else when we fetched it. */
export function articleTime(a: Article): string {
  return a.publishedAt ?? a.fetchedAt;
}

export function safeLink(url: string): string | null {
  // Only web links reach the bulletin: a javascript: or data: URL in a crawled feed would run
  // in the reader's mail client.
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Groups relevant articles into stories and ranks them, most important first. */
export function buildStories(articles: readonly Article[], window: DigestWindow): Story[] {
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    if (!a.relevant) continue;
    const key = a.storyId ?? `article:${a.id}`;
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  const stories = [...groups.entries()].map(([key, copies]) => toStory(key, copies, window));
  return stories.sort(compareStories);
}

/**
 * The 1–3 sentence summary of the first copy that yields one. Computed for printed items only:
 * a monthly bulletin groups ~15,000 stories and prints a few dozen.
 */
export function storySummary(s: Story): string {
  for (const c of s.copies) {
    const text = summarize(c.sapo, c.body);
    if (text.length > 0) return text;
  }
  return '';
}

export function compareStories(a: Story, b: Story): number {
  return b.score - a.score || a.time.localeCompare(b.time) || a.key.localeCompare(b.key);
}

function toStory(key: string, list: Article[], window: DigestWindow): Story {
  const copies = [...list].sort(
    (a, b) =>
      millis(articleTime(a)) - millis(articleTime(b)) ||
      b.relevance - a.relevance ||
      a.id.localeCompare(b.id),
  );
  // The earliest copy is usually the original; later ones are republications.
  const representative = copies[0] as Article;
  const outlets = unique(copies.map((c) => c.sourceName));
  const reach = Math.max(outlets.length, ...copies.map((c) => c.reach));
  const topicSet = new Set(copies.flatMap((c) => c.topics));
  const topics = TOPIC_IDS.filter((t) => topicSet.has(t));
  let url: string | null = null;
  for (const c of copies) {
    url = safeLink(c.url);
    if (url !== null) break;
  }
  const sensitive = copies.some((c) => c.sensitive);
  const relevance = Math.max(...copies.map((c) => c.relevance));
  const time = articleTime(representative);
  const story: Omit<Story, 'score'> = {
    key,
    copies,
    representative,
    title: representative.title,
    outlets,
    reach,
    time,
    url,
    topics,
    tone: storyTone(copies),
    sensitive,
    sensitiveReasons: unique(copies.flatMap((c) => c.sensitiveReasons)),
    sourceCategories: unique(copies.map((c) => c.sourceCategory)),
    relevance,
  };
  return { ...story, score: score(story, window) };
}

/**
 * Majority tone of the copies; a tie goes to the tone that needs more attention (negative,
 * then positive), because a re-edited copy that turns critical is what an editor must see.
 */
function storyTone(copies: readonly Article[]): Tone {
  const order: Tone[] = ['negative', 'positive', 'neutral'];
  const count = (t: Tone): number => copies.filter((c) => c.tone === t).length;
  return order.reduce((best, t) => (count(t) > count(best) ? t : best), order[0] as Tone);
}

/**
 * Weighted rather than lexicographic: relevance is a float, so sorting on it first would leave
 * reach and sensitivity nothing to decide. Weights: relevance 0.4, reach 0.3 (log scale,
 * saturating at 8 outlets), sensitivity 0.2, recency within the window 0.1.
 */
function score(s: Omit<Story, 'score'>, window: DigestWindow): number {
  const reachNorm = Math.min(1, Math.log2(Math.max(1, s.reach)) / 3);
  const start = millis(window.start);
  const span = millis(window.end) - start;
  const recency = span > 0 ? Math.min(1, Math.max(0, (millis(s.time) - start) / span)) : 0;
  return 0.4 * s.relevance + 0.3 * reachNorm + 0.2 * (s.sensitive ? 1 : 0) + 0.1 * recency;
}

const millis = instantOf;

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
