import type { TextItem } from '../../src/schema.ts';

/**
 * The outlet that carried an item, for `reach`: the declared source, else the URL's host
 * without "www.", else the item itself (prefixed so it cannot equal a real outlet name) —
 * an item we know nothing about counts as its own outlet rather than being merged with others.
 */
export function outletOf(item: Pick<TextItem, 'id' | 'source' | 'url'>): string {
  const source = item.source?.trim().toLowerCase();
  if (source) return source;
  if (item.url) {
    try {
      const host = new URL(item.url).hostname.toLowerCase().replace(/^www\./, '');
      if (host) return host;
    } catch {
      // Not a URL: fall through to the item itself.
    }
  }
  return `item:${item.id}`;
}
