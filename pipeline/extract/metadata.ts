// What a page says about itself in machine-readable form: JSON-LD (schema.org NewsArticle /
// Article / BreadcrumbList), OpenGraph and classic <meta>. Every Vietnamese outlet we have seen
// publishes some of it, so it is the generic fallback for any field a site rule lacks.
import type { Element } from 'domhandler';
import { load } from 'cheerio';
import { textOf } from './dom.ts';
import type { Page } from './page.ts';
import { selectAll } from './query.ts';

export interface PageMetadata {
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  /** Every machine-readable publication date, in the order datePublished is chosen from. */
  dates: string[];
  /** Person authors only: outlets put their own name in Organization authors. */
  authors: string[];
  section: string | null;
  keywords: string[];
  /** Deepest BreadcrumbList item that is not the home page. */
  breadcrumb: string | null;
  /** A NewsArticle/Article/BlogPosting node is present. */
  hasArticleLd: boolean;
  /** og:type, lowercased ('article', 'website', 'video.other', …). */
  ogType: string | null;
  siteName: string | null;
  /** The <title> with a trailing " - Outlet" / " | Outlet" removed. */
  htmlTitle: string | null;
  metaAuthor: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'blogposting',
  'analysisnewsarticle',
  'opinionnewsarticle',
]);

export function readMetadata(page: Page): PageMetadata {
  // One walk for the three element kinds read here (each query walks the whole page).
  const found = selectAll(page, 'meta, title, script[type="application/ld+json"]');
  const nodes = jsonLdNodes(found.filter((el) => el.name === 'script'));
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  const crumbs = nodes.find((n) => types(n).includes('breadcrumblist'));

  // One pass over <meta> (a query per key walks the whole page each time: ~20 walks).
  const titleEl = found.find((el) => el.name === 'title');
  const metas = new Map<string, string[]>();
  found.forEach((el) => {
    if (el.name !== 'meta') return;
    const content = el.attribs['content'];
    if (content === undefined || content.trim() === '') return;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.attribs[attr];
      if (!key) continue;
      const k = `${attr}=${key.toLowerCase()}`;
      const list = metas.get(k);
      if (list) list.push(content);
      else metas.set(k, [content]);
    }
  });

  const ldKeywords = article ? stringsOf(article['keywords']) : [];
  // The first source that has any: JSON-LD keywords are the editor's tags; meta keywords
  // are often SEO padding, so they come last.
  const keywords =
    [
      ldKeywords,
      all(metas, 'property=article:tag'),
      all(metas, 'name=news_keywords'),
      all(metas, 'name=keywords'),
    ].find((list) => splitList(list).length > 0) ?? [];

  const dates = [
    article ? firstString(article['datePublished']) : null,
    first(metas, 'property=article:published_time'),
    first(metas, 'itemprop=datepublished'),
    first(metas, 'name=pubdate'),
    first(metas, 'name=publishdate'),
    first(metas, 'property=og:published_time'),
    first(metas, 'name=dc.date'),
  ].filter((d): d is string => d !== null);

  return {
    headline: (article && firstString(article['headline'])) ?? first(metas, 'property=og:title'),
    description:
      (article && firstString(article['description'])) ??
      first(metas, 'property=og:description') ??
      first(metas, 'name=description'),
    datePublished: dates[0] ?? null,
    dates,
    authors: article ? personNames(article['author']) : [],
    section:
      first(metas, 'property=article:section') ??
      first(metas, 'itemprop=articlesection') ??
      (article ? lastOfList(firstString(article['articleSection'])) : null),
    keywords: splitList(keywords),
    breadcrumb: crumbs ? deepestCrumb(crumbs) : null,
    hasArticleLd: article !== undefined,
    ogType: first(metas, 'property=og:type')?.toLowerCase() ?? null,
    siteName: first(metas, 'property=og:site_name'),
    htmlTitle: cleanHtmlTitle(titleEl ? textOf(titleEl) : ''),
    metaAuthor: first(metas, 'name=author') ?? first(metas, 'property=article:author'),
  };
}

/** 'property=og:title' → the first content, trimmed. */
function first(metas: Map<string, string[]>, key: string): string | null {
  return metas.get(key)?.[0]?.trim() ?? null;
}

function all(metas: Map<string, string[]>, key: string): string[] {
  return metas.get(key) ?? [];
}

function jsonLdNodes(scripts: readonly Element[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const el of scripts) {
    const parsed = parseJson(textOf(el));
    if (parsed !== undefined) collectNodes(parsed, out, 0);
  }
  return out;
}

function parseJson(raw: string): Json | undefined {
  try {
    return JSON.parse(raw) as Json;
  } catch {
    // Outlets print raw newlines and tabs inside JSON strings, which JSON forbids.
    try {
      // eslint-disable-next-line no-control-regex -- control characters are the target here
      return JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Flattens arrays and @graph so each typed node is visited once (bounded depth). */
function collectNodes(v: Json, out: JsonObject[], depth: number): void {
  if (depth > 4 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collectNodes(x, out, depth + 1);
    return;
  }
  if (v['@type'] !== undefined) out.push(v);
  const graph = v['@graph'];
  if (graph !== undefined) collectNodes(graph, out, depth + 1);
}

function types(n: JsonObject): string[] {
  return stringsOf(n['@type']).map((t) => t.toLowerCase());
}

function stringsOf(v: Json | undefined): string[] {
  if (typeof v === 'string') return [decodeEntities(v)];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [decodeEntities(x)] : []));
  return [];
}

function firstString(v: Json | undefined): string | null {
  const s = stringsOf(v).find((x) => x.trim() !== '');
  return s ? s.trim() : null;
}

function personNames(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.trim() ? [decodeEntities(v.trim())] : [];
  if (Array.isArray(v)) return v.flatMap((x) => personNames(x));
  if (typeof v !== 'object') return [];
  const t = stringsOf(v['@type']).map((x) => x.toLowerCase());
  if (t.includes('organization') || t.includes('newsmediaorganization')) return [];
  const name = firstString(v['name']);
  return name ? [name] : [];
}

/** JSON-LD items are { item: { name } } or { name }; dantri nests each in its own array. */
function deepestCrumb(list: JsonObject): string | null {
  const flat: JsonObject[] = [];
  const walk = (v: Json | undefined, depth: number): void => {
    if (depth > 3 || v === undefined || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else flat.push(v);
  };
  walk(list['itemListElement'], 0);
  const named = flat
    .map((it) => {
      const item = it['item'];
      const inner =
        item && typeof item === 'object' && !Array.isArray(item) ? firstString(item['name']) : null;
      return {
        pos: typeof it['position'] === 'number' ? it['position'] : 0,
        name: inner ?? firstString(it['name']),
      };
    })
    .filter((x): x is { pos: number; name: string } => x.name !== null)
    .sort((a, b) => a.pos - b.pos);
  const last = named[named.length - 1];
  if (!last || (named.length === 1 && /^trang chủ$/i.test(last.name))) return null;
  return /^trang chủ$/i.test(last.name) ? null : last.name;
}

function lastOfList(s: string | null): string | null {
  if (!s) return null;
  const parts = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return parts[parts.length - 1] ?? null;
}

/** Comma-separated lists into items, trimmed, without empty or repeated entries. */
export function splitList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    for (const part of v.split(/[,;]/)) {
      const t = part.replace(/^#\s*/, '').trim();
      const key = t.toLowerCase();
      if (t && !seen.has(key)) {
        seen.add(key);
        out.push(t);
      }
    }
  }
  return out;
}

/** "Tiêu đề bài - Tuổi Trẻ Online" → "Tiêu đề bài": the outlet suffix is not the title. */
function cleanHtmlTitle(t: string): string | null {
  const s = t.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const m = /^(.{10,}?)\s+[-|–—]\s+[^-|–—]{2,40}$/.exec(s);
  return m?.[1] ?? s;
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/**
 * JSON-LD strings sometimes carry HTML entities (baochinhphu: "Ch&#237;nh s&#225;ch"), even
 * twice encoded (tuoitre: "Chi&amp;#7871;n"), so decoding repeats while entities remain.
 */
function decodeEntities(s: string): string {
  let out = s;
  for (let i = 0; i < 3 && ENTITY.test(out); i++) {
    // Numeric and the five XML entities cover what outlets print; other named entities go
    // through the HTML parser (slow, rare).
    out = out.replace(SIMPLE_ENTITY, decodeSimple);
    if (ENTITY.test(out)) out = load(`<p>${out.replace(/</g, '&lt;')}</p>`, null, false).text();
  }
  return out;
}

const SIMPLE_ENTITY = /&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeSimple(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : whole;
  }
  return NAMED[body.toLowerCase()] ?? whole;
}
