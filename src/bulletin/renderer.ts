// Where the bulletin commands get their renderer: every format from one DigestModel, through
// the templates (page), src/render (e-mail with its text part and chart PNG, PDF, DOCX).
import type { DigestModel } from '../digest/model.ts';
import type { RenderedBulletin } from './archive.ts';

export type BulletinFormat = 'html' | 'pdf' | 'docx';
export const BULLETIN_FORMATS: readonly BulletinFormat[] = ['html', 'pdf', 'docx'];

/** The full renderer `digest send` needs (page, e-mail, PDF, DOCX). */
export async function loadRenderer(): Promise<(model: DigestModel) => Promise<RenderedBulletin>> {
  // Loaded here, not at start-up: handlebars, juice, echarts, resvg, docx and playwright.
  const { DEFAULT_TEMPLATE_DIR, loadTemplates, renderDigestHtml } =
    await import('../digest/templates.ts');
  const { renderEmail } = await import('../render/email.ts');
  const { renderPdf } = await import('../render/pdf.ts');
  const { renderDocx } = await import('../render/docx.ts');
  const templates = loadTemplates(DEFAULT_TEMPLATE_DIR);
  return async (model) => {
    const html = renderDigestHtml(model, templates);
    const email = await renderEmail(model, templates);
    const [pdf, docx] = await Promise.all([renderPdf(html), renderDocx(model)]);
    return { html, email, pdf, docx };
  };
}

/** Some formats of a bulletin, for `digest build|show --format`; the page HTML is rendered once. */
export async function renderFormats(
  model: DigestModel,
  formats: readonly BulletinFormat[],
): Promise<Map<BulletinFormat, Buffer>> {
  const { DEFAULT_TEMPLATE_DIR, loadTemplates, renderDigestHtml } =
    await import('../digest/templates.ts');
  const html = renderDigestHtml(model, loadTemplates(DEFAULT_TEMPLATE_DIR));
  const out = new Map<BulletinFormat, Buffer>();
  for (const format of formats) {
    if (format === 'html') out.set(format, Buffer.from(html, 'utf8'));
    else if (format === 'pdf') {
      const { renderPdf } = await import('../render/pdf.ts');
      out.set(format, await renderPdf(html));
    } else {
      const { renderDocx } = await import('../render/docx.ts');
      out.set(format, await renderDocx(model));
    }
  }
  return out;
}
