// The sample newsroom: a local HTTP server that serves feeds and article pages of several
// Vietnamese outlets in their real markup shapes, filled with fictional sample articles, so
// the demo can crawl → extract → classify → bulletin without touching the internet.
import Fastify from 'fastify';
import type { SourceDefInput } from '../config/sources.ts';
import { articlesOf, outlets, sampleArticles } from './newsroom/registry.ts';
import { PLACEHOLDER_IMAGE_PATH, PLACEHOLDER_SVG } from './newsroom/static.ts';
import type { Outlet, PlacedArticle } from './newsroom/types.ts';

export { sampleArticles };
export type { PlacedArticle as SampleArticle };

export type Newsroom = { baseUrl: string; sources: SourceDefInput[]; close(): Promise<void> };

export { SAMPLE_DAY } from './sample-day.ts';

/** Per-host interval for crawling the sample newsroom (real sites get diemtin.yaml's). */
export const LOOPBACK_INTERVAL_MS = 5;

const HTML = 'text/html; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

type Page = { contentType: string; render(baseUrl: string): string };

function feedItems(outlet: Outlet, section: string | undefined): PlacedArticle[] {
  const all = articlesOf(outlet.id);
  return section === undefined ? all : all.filter((a) => a.section === section);
}

function buildRoutes(): Map<string, Page> {
  const routes = new Map<string, Page>();
  const add = (path: string, page: Page): void => {
    if (routes.has(path)) throw new Error(`newsroom: two pages at ${path}`);
    routes.set(path, page);
  };
  for (const outlet of Object.values(outlets)) {
    const own = articlesOf(outlet.id);
    for (const feed of outlet.feeds) {
      add(feed.path, {
        contentType: RSS,
        render: (baseUrl) => outlet.renderFeed(feed, feedItems(outlet, feed.section), baseUrl),
      });
    }
    for (const a of own) {
      add(a.path, {
        contentType: HTML,
        render: (baseUrl) =>
          outlet.renderArticle(a, { baseUrl, related: own.filter((r) => r.id !== a.id) }),
      });
    }
  }
  add('/', { contentType: HTML, render: renderIndex });
  return routes;
}

function renderIndex(baseUrl: string): string {
  const rows = Object.values(outlets)
    .map(
      (o) =>
        `<li>${o.name} (${o.domain}): ${o.feeds.map((f) => `<a href="${baseUrl}${f.path}">${f.path}</a>`).join(', ')}</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tòa soạn mẫu Điểm Tin</title></head>
<body><h1>Tòa soạn mẫu (dữ liệu hư cấu)</h1><p>${sampleArticles.length} bài mẫu.</p><ul>${rows}</ul></body></html>`;
}

export async function startNewsroom(
  opts: { host?: string; port?: number } = {},
): Promise<Newsroom> {
  const host = opts.host ?? '127.0.0.1';
  const routes = buildRoutes();
  const app = Fastify({ logger: false });
  // Known only once listening (port 0 picks one); pages are rendered per request with it.
  let baseUrl = '';

  app.get('/robots.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send('User-agent: *\nAllow: /\n'),
  );
  app.get(PLACEHOLDER_IMAGE_PATH, async (_req, reply) =>
    reply.type('image/svg+xml; charset=utf-8').send(PLACEHOLDER_SVG),
  );
  app.get('/*', async (req, reply) => {
    let page: Page | undefined;
    try {
      page = routes.get(decodeURIComponent(req.url.split('?')[0] ?? '/'));
    } catch {
      // A malformed %-escape names no page of ours.
      page = undefined;
    }
    if (!page)
      return reply
        .code(404)
        .type(HTML)
        .send('<!DOCTYPE html><title>404</title><h1>Không tìm thấy trang</h1>');
    return reply.type(page.contentType).send(page.render(baseUrl));
  });

  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (cause) {
    throw new Error(`newsroom: cannot listen on ${host}:${opts.port ?? 0}`, { cause });
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error('newsroom: server has no TCP address');
  }
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  const sources: SourceDefInput[] = Object.values(outlets).map((o) => ({
    id: o.id,
    name: o.name,
    domain: o.domain,
    category: o.category,
    feeds: o.feeds.map((f) => `${baseUrl}${f.path}`),
    // Our own server on the loopback interface: no site owner to be polite to.
    politeness: { minHostIntervalMs: LOOPBACK_INTERVAL_MS, reason: 'sample newsroom on 127.0.0.1' },
  }));

  return { baseUrl, sources, close: () => app.close() };
}
