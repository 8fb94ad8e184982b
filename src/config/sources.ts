// Schema of config/sources/*.yaml: each file holds a list of sources that are only data
// (feed URLs, list-page selectors); sources that need code get a file of their own under
// crawlers/ later.
import { z } from 'zod';
import { SourceCategory } from '../schema.ts';

/** How the sources of each kind are read. */
export const SOURCE_KINDS = [
  /** RSS/Atom feeds (`feeds`). */
  'rss',
  /** Server-rendered list pages read with cheerio selectors (`list`). */
  'list',
  /** List pages rendered by JavaScript, opened in Chromium, then read like `list`. */
  'browser',
  /** Not crawled: the row that owns links an editor submitted by hand (`diemtin submit`). */
  'manual',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * Where the items of a list page are: one element per item (`itemSelector`), and inside it
 * the link, title and date. Selectors are CSS as cheerio (and the browser) read them.
 */
export const ListSpec = z.strictObject({
  pages: z.array(z.url()).min(1),
  itemSelector: z.string().min(1),
  /** Inside an item; the item itself when it is the <a>. */
  linkSelector: z.string().min(1).default('a[href]'),
  /** Inside an item; default: the link's text. */
  titleSelector: z.string().min(1).optional(),
  /** Inside an item: its `datetime` attribute, else its text, as the feed date would be. */
  dateSelector: z.string().min(1).optional(),
  /** Browser sources: wait for this before reading the page (default `itemSelector`). */
  waitForSelector: z.string().min(1).optional(),
  /**
   * Browser sources: open the article pages in the browser too (posts of social pages are
   * rendered by JavaScript); by default they are fetched by the HTTP client.
   */
  renderItems: z.boolean().default(false),
});
export type ListSpec = z.infer<typeof ListSpec>;

export const SourceDef = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a slug of a-z, 0-9 and -'),
    name: z.string().min(1),
    domain: z.string().min(1),
    category: SourceCategory,
    kind: SourceKind.default('rss'),
    /** RSS/Atom feed URLs; required for `kind: rss`. */
    feeds: z.array(z.url()).default([]),
    /**
     * A feed served by the deployment's RSS bridge (RSSHub routes, e.g.
     * `/telegram/channel/baodantri`); the loader turns it into a feed URL from diemtin.yaml
     * `crawl.bridgeBaseUrl`, and switches the source off when no bridge is configured.
     */
    bridge: z
      .strictObject({ route: z.string().regex(/^\/[^\s]*$/, 'expected a path such as /a/b') })
      .optional(),
    /** List pages and their selectors; required for `kind: list` and `kind: browser`. */
    list: ListSpec.optional(),
    enabled: z.boolean().default(true),
    /** How often the source is due, in minutes. */
    intervalMinutes: z.number().int().positive().default(30),
    /** A per-source politeness override; `reason` must say why (STYLE.md §6). */
    politeness: z
      .strictObject({ minHostIntervalMs: z.number().int().positive(), reason: z.string().min(1) })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'rss' && s.feeds.length === 0 && !s.bridge) {
      ctx.addIssue({
        code: 'custom',
        path: ['feeds'],
        message: 'an rss source needs feeds (or a bridge route)',
      });
    }
    if (s.bridge && s.kind !== 'rss') {
      ctx.addIssue({ code: 'custom', path: ['bridge'], message: 'a bridge source is kind rss' });
    }
    if ((s.kind === 'list' || s.kind === 'browser') && !s.list) {
      ctx.addIssue({
        code: 'custom',
        path: ['list'],
        message: `a ${s.kind} source needs list: {pages, itemSelector, …}`,
      });
    }
  });
export type SourceDef = z.infer<typeof SourceDef>;

/**
 * Bridge sources resolved against the deployment's bridge: the route becomes the feed URL,
 * or the source is switched off when diemtin.yaml names no bridge.
 */
export function resolveBridges(
  sources: SourceDef[],
  bridgeBaseUrl: string | undefined,
): SourceDef[] {
  return sources.map((s) => {
    if (!s.bridge) return s;
    if (bridgeBaseUrl === undefined) return { ...s, enabled: false };
    const base = bridgeBaseUrl.replace(/\/+$/, '');
    return { ...s, feeds: [...s.feeds, `${base}${s.bridge.route}`] };
  });
}
export type SourceDefInput = z.input<typeof SourceDef>;

export const SourcesFile = z.strictObject({ sources: z.array(SourceDef) });
