// Chromium for pages that need JavaScript (browser sources, manual submissions, evidence
// screenshots): one browser, started on first use through src/browser/chromium.ts, and a
// small number of pages open at once. Every page lives in its own context (no cookies carried
// from one site to the next) and is closed on every path. Politeness stays with the HTTP
// client: each navigation first asks it (`schedule`) for robots.txt and the host's slot, so a
// browser page and a feed request to the same host keep the same minimum gap.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { errors as playwrightErrors } from 'playwright-core';
import { launchChromium } from '../src/browser/chromium.ts';
import { classifyStatus, FetchError } from './errors.ts';
import type { HttpClient } from './http-client.ts';

export type RenderedPage = {
  /** The URL asked for. */
  url: string;
  /** Where the browser ended up, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** The DOM after scripts ran, serialized. */
  html: string;
};

export type CapturedPage = RenderedPage & {
  /** The main document's bytes exactly as the server sent them. */
  rawHtml: Buffer;
  /** False when the server's bytes could not be read back and rawHtml is the DOM instead. */
  rawHtmlFromServer: boolean;
  /** Full-page PNG. */
  screenshot: Buffer;
  /** When the navigation started. */
  fetchedAt: Date;
};

export type RenderOptions = {
  /** Wait until this selector matches before reading the DOM (a JS-rendered list). */
  waitForSelector?: string;
  /** Also stop waiting when this matches (a sign-in form shown instead of the list). */
  orSelector?: string;
};

export type BrowserPool = {
  /** Opens the page without images, fonts or media and returns its rendered DOM. */
  render(url: string, opts?: RenderOptions): Promise<RenderedPage>;
  /** Opens the page whole and keeps it as evidence: raw HTML, rendered DOM, screenshot. */
  capture(url: string): Promise<CapturedPage>;
  /** Pages open right now (0 when idle: none is left behind by an error or a timeout). */
  openPages(): number;
  close(): Promise<void>;
};

export type BrowserPoolOptions = {
  /** robots.txt and per-host pacing for every navigation. */
  http: HttpClient;
  userAgent: string;
  /** Pages open at once (default 2). */
  maxPages?: number;
  /** For navigation, and for each wait after it (default 30 s). */
  navigationTimeoutMs?: number;
  /** Default: launchChromium(). */
  launch?: () => Promise<Browser>;
  now?: () => Date;
};

export const DEFAULT_MAX_PAGES = 2;
export const DEFAULT_NAVIGATION_TIMEOUT_MS = 30_000;

/** Resource types a list page does not need to show its links. */
const LIGHT_BLOCKED = new Set(['image', 'media', 'font']);

/** A viewport of a common laptop: what an editor would see when opening the link. */
const VIEWPORT = { width: 1280, height: 900 };

export function createBrowserPool(opts: BrowserPoolOptions): BrowserPool {
  const maxPages = Math.max(1, opts.maxPages ?? DEFAULT_MAX_PAGES);
  const timeout = opts.navigationTimeoutMs ?? DEFAULT_NAVIGATION_TIMEOUT_MS;
  const now = opts.now ?? ((): Date => new Date());
  let browser: Promise<Browser> | null = null;
  /** The browser once started, for the synchronous openPages(). */
  let launched: Browser | null = null;
  let closed = false;
  let active = 0;
  const waiting: (() => void)[] = [];

  function getBrowser(): Promise<Browser> {
    if (!browser) {
      const launching = (opts.launch ?? launchChromium)();
      browser = launching;
      launching.then(
        // A crashed browser is started again on the next use.
        (b) => {
          launched = b;
          b.on('disconnected', () => {
            if (browser === launching) browser = null;
            if (launched === b) launched = null;
          });
        },
        () => void (browser === launching && (browser = null)),
      );
    }
    return browser;
  }

  async function acquire(): Promise<void> {
    if (active < maxPages) {
      active++;
      return;
    }
    // The slot is handed over by release(), so `active` stays the same.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function withPage<T>(url: string, block: boolean, fn: (page: Page) => Promise<T>) {
    if (closed) throw new Error('browser: the pool is closed');
    // A disallowed page costs neither a browser start nor a slot (schedule checks again).
    await opts.http.assertAllowed(url);
    await acquire();
    let context: BrowserContext | null = null;
    try {
      const b = await getBrowser();
      context = await b.newContext({
        userAgent: opts.userAgent,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: VIEWPORT,
        // Pages we keep as evidence must not depend on a service worker's cache.
        serviceWorkers: 'block',
      });
      context.setDefaultTimeout(timeout);
      context.setDefaultNavigationTimeout(timeout);
      await context.route('**/*', async (route) => {
        const request = route.request();
        const type = request.resourceType();
        if (block && LIGHT_BLOCKED.has(type)) return route.abort().catch(() => undefined);
        // A document the page opens by itself (a script's navigation, an iframe) is a fetch
        // of ours too: robots.txt decides, as for the first URL. Redirect hops never reach a
        // route handler: open() checks them once the navigation is done.
        // robots.txt that cannot be read counts as a refusal here: the page goes on without it.
        const ok = type !== 'document' || (await allowed(request.url()).catch(() => false));
        // Refused with 204 No Content, the one answer on which a browser stays on the page it
        // has (an aborted navigation would swap the page for Chromium's error page). The
        // context may close while a request waits on robots.txt: nothing to answer then.
        await (ok ? route.continue() : route.fulfill({ status: 204, body: '' })).catch(
          () => undefined,
        );
      });
      const page = await context.newPage();
      return await fn(page);
    } catch (err) {
      throw asFetchError(url, err, timeout);
    } finally {
      // Closing the context closes its pages, whatever state they are in.
      if (context) await context.close().catch(() => undefined);
      release();
    }
  }

  /**
   * The DOM, serialized. A page whose script navigates (and is refused, or goes on loading)
   * cannot be read mid-navigation: wait for it to settle and read again.
   */
  async function contentOf(page: Page): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await page.content();
      } catch (err) {
        if (attempt >= 3 || !/is navigating/.test(String(err))) throw err;
        await page.waitForLoadState('domcontentloaded').catch(() => undefined);
        await page.waitForTimeout(50 * attempt);
      }
    }
  }

  /** False when robots.txt disallows the URL; other failures (robots unreachable) throw. */
  async function allowed(url: string): Promise<boolean> {
    try {
      await opts.http.assertAllowed(url);
      return true;
    } catch (err) {
      if (err instanceof FetchError && err.errorClass === 'blocked') return false;
      throw err;
    }
  }

  /**
   * Navigates under robots.txt and the host's slot; a 4xx/5xx answer is a FetchError. Chromium
   * follows redirects by itself, so each hop is checked afterwards: a page reached through a
   * disallowed URL is refused (`blocked`) and nothing of it is kept.
   */
  async function open(page: Page, url: string): Promise<Response | null> {
    const response = await opts.http.schedule(url, () =>
      page.goto(url, { waitUntil: 'domcontentloaded', timeout }),
    );
    for (let r = response?.request() ?? null; r; r = r.redirectedFrom()) {
      if (r.url() !== url && !(await allowed(r.url()))) {
        throw new FetchError(`${url}: redirected to ${r.url()}, disallowed by robots.txt`, {
          errorClass: 'blocked',
        });
      }
    }
    const status = response?.status() ?? 0;
    if (response && (status < 200 || status >= 300)) {
      throw new FetchError(`${url}: HTTP ${status} (browser)`, {
        errorClass: classifyStatus(status),
        status,
      });
    }
    return response;
  }

  return {
    render(url, ropts = {}) {
      return withPage(url, true, async (page) => {
        const response = await open(page, url);
        if (ropts.waitForSelector) {
          try {
            const selector = ropts.orSelector
              ? `${ropts.waitForSelector}, ${ropts.orSelector}`
              : ropts.waitForSelector;
            await page.waitForSelector(selector, { state: 'attached', timeout });
          } catch (cause) {
            // The page came, but its list did not: the layout (or the script) changed.
            throw new FetchError(
              `${url}: nothing matched "${ropts.waitForSelector}" within ${timeout} ms (browser)`,
              { errorClass: 'not-retryable', cause },
            );
          }
        }
        return {
          url,
          finalUrl: page.url(),
          status: response?.status() ?? 200,
          contentType: response?.headers()['content-type'] ?? null,
          html: await contentOf(page),
        };
      });
    },

    capture(url) {
      return withPage(url, false, async (page) => {
        const fetchedAt = now();
        const response = await open(page, url);
        // Images count in evidence: wait for them, but a stalled one must not cost the package.
        await page.waitForLoadState('load', { timeout: Math.min(timeout, 10_000) }).catch(() => {
          /* the screenshot shows what had loaded */
        });
        let rawHtml: Buffer | null = null;
        try {
          rawHtml = response ? await response.body() : null;
        } catch {
          // A script navigated away, or the body was evicted; keep the DOM instead.
        }
        const html = await contentOf(page);
        const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
        const contentType = response?.headers()['content-type'] ?? null;
        return {
          url,
          finalUrl: page.url(),
          status: response?.status() ?? 200,
          contentType,
          html,
          rawHtml: rawHtml ?? Buffer.from(html, 'utf8'),
          rawHtmlFromServer: rawHtml !== null,
          screenshot,
          fetchedAt,
        };
      });
    },

    openPages() {
      // Counted from the browser itself, not from our bookkeeping, so a leak shows.
      return (launched?.contexts() ?? []).reduce((n, c) => n + c.pages().length, 0);
    },

    async close() {
      closed = true;
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
    },
  };
}

/** Browser failures in the crawler's error classes, so they are counted like HTTP ones. */
function asFetchError(url: string, err: unknown, timeoutMs: number): Error {
  if (err instanceof FetchError) return err;
  if (err instanceof playwrightErrors.TimeoutError) {
    return new FetchError(`${url}: timed out after ${timeoutMs} ms (browser)`, {
      errorClass: 'retryable',
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  // page.goto reports network failures as "net::ERR_…" in its message.
  const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  if (net) {
    return new FetchError(`${url}: network error (${net}, browser)`, {
      errorClass: 'retryable',
      cause: err,
    });
  }
  if (message.startsWith('browser: ')) return err instanceof Error ? err : new Error(message);
  return new Error(`browser: ${url}: ${message.split('\n')[0] ?? message}`, { cause: err });
}

/** The pool with the deployment's settings (diemtin.yaml crawl.browser). */
export function browserPoolFor(
  crawl: {
    userAgent: string;
    browser?: { maxPages: number; navigationTimeoutMs: number } | undefined;
  },
  http: HttpClient,
): BrowserPool {
  return createBrowserPool({
    http,
    userAgent: crawl.userAgent,
    maxPages: crawl.browser?.maxPages ?? DEFAULT_MAX_PAGES,
    navigationTimeoutMs: crawl.browser?.navigationTimeoutMs ?? DEFAULT_NAVIGATION_TIMEOUT_MS,
  });
}
