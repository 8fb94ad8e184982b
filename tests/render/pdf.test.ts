import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/browser/chromium.ts';
import {
  DEFAULT_TEMPLATE_DIR,
  loadTemplates,
  renderDigestHtml,
} from '../../src/digest/templates.ts';
import { renderPdf, withPrintCss } from '../../src/render/pdf.ts';
import { ITEM_TITLE, dailyModel } from './models.ts';

const html = renderDigestHtml(dailyModel(), loadTemplates(DEFAULT_TEMPLATE_DIR));
const dir = mkdtempSync(join(tmpdir(), 'diemtin-pdf-'));
let browser: Browser;
let file: string;

/** Runs a poppler tool on a PDF written to the temp dir. */
function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' }).normalize('NFC');
}

beforeAll(async () => {
  browser = await launchChromium();
  file = join(dir, 'bulletin.pdf');
  writeFileSync(file, await renderPdf(html, { browser }));
}, 60_000);

afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('renderPdf', () => {
  it('prints an A4 document', () => {
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(
      /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/,
    );
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
  });

  it('has the title, number and an item title with correct diacritics', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('ĐIỂM TIN BÁO CHÍ');
    expect(text).toContain('Số 125/ĐT-SVHTTDL');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(ITEM_TITLE);
    expect(text).toContain('Nơi nhận:');
  });

  it('numbers the pages in the footer', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    const last = poppler('pdftotext', [
      '-layout',
      '-f',
      String(pages),
      '-l',
      String(pages),
      file,
      '-',
    ]);
    expect(last).toContain(`${pages}/${pages}`);
  });

  it('embeds every font it uses', () => {
    const rows = poppler('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    expect(rows.some((r) => /LiberationSerif|NotoSerif|TimesNewRoman/.test(r))).toBe(true);
  });

  it('closes its page on success, leaving the caller its browser', () => {
    expect(browser.isConnected()).toBe(true);
    expect(browser.contexts().length).toBe(0);
  });

  it('fetches nothing the HTML points at', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const pdf = await renderPdf(
        `<html><head></head><body><p>Xin chào</p><img src="http://127.0.0.1:${port}/pixel.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"></body></html>`,
        { browser },
      );
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('launches and closes its own browser when given none', async () => {
    const pdf = await renderPdf('<p>Điểm tin</p>');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

describe('withPrintCss', () => {
  it('adds the print stylesheet last in the head', () => {
    const out = withPrintCss('<html><head><style>a{}</style></head><body></body></html>');
    expect(out).toMatch(/<style>a\{\}<\/style><style>[\s\S]*@media print[\s\S]*<\/style><\/head>/);
    expect(withPrintCss('<p>x</p>')).toMatch(/^<style>[\s\S]*<\/style><p>x<\/p>$/);
  });
});
