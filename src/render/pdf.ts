// The bulletin as PDF: Chromium prints the same HTML (plus a print stylesheet) on A4 with the
// margins of an administrative document (Nghị định 30/2020: top/bottom 20–25 mm, left 30–35,
// right 15–20) and page numbers. Chromium embeds the fonts it used as subsets.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';

export interface PdfOptions {
  /** A running browser to reuse (the caller closes it); one is launched and closed otherwise. */
  browser?: Browser;
}

export const PDF_MARGINS = { top: '20mm', bottom: '20mm', left: '30mm', right: '15mm' } as const;

const PRINT_CSS = readFileSync(new URL('./print.css', import.meta.url), 'utf8');

// Page numbers as Nghị định 30 writes them: Arabic numerals, centred. The footer is its own
// tiny document, so it needs an explicit font size (Chromium's default there is ~0).
const FOOTER = `<div style="width:100%;text-align:center;font-size:10pt;font-family:'Times New Roman','Liberation Serif',serif;color:#000;"><span class="pageNumber"></span>/<span class="totalPages"></span></div>`;

const LOAD_TIMEOUT_MS = 30_000;
const PRINT_TIMEOUT_MS = 60_000;

/** The bulletin HTML with the print stylesheet appended to its head (last, so it wins). */
export function withPrintCss(html: string): string {
  const tag = `<style>${PRINT_CSS}</style>`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? tag + html : html.slice(0, at) + tag + html.slice(at);
}

export async function renderPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const own = opts.browser === undefined;
  const browser = opts.browser ?? (await launchChromium());
  let page: Page | null = null;
  try {
    page = await browser.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    // The bulletin is self-contained; anything it would fetch is a bug and must not leave
    // the machine (a tracking pixel in a crawled summary, say).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort();
    });
    // Scripts stay off (the bulletin has none), so the print stylesheet goes into the markup
    // rather than through addStyleTag, which needs page scripts to report that it loaded.
    await page.setContent(withPrintCss(html), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const pdf = await page.pdf({
      format: 'A4',
      margin: PDF_MARGINS,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      preferCSSPageSize: false,
    });
    return Buffer.from(pdf);
  } catch (cause) {
    throw new Error('render: Chromium could not print the bulletin PDF', { cause });
  } finally {
    await page?.close().catch(() => undefined);
    if (own) await browser.close().catch(() => undefined);
  }
}
