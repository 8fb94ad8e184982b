// The bulletin as a mail: the HTML the templates render, with its CSS inlined (Gmail and
// Outlook drop or ignore <style>), its charts swapped for PNG attachments referenced by cid
// (no mail client shows inline SVG), and a plain-text part for clients that show no HTML.
import juice from 'juice';
import { escapeXml } from '../digest/chart.ts';
import { renderDigestHtml } from '../digest/templates.ts';
import type { DigestTemplates } from '../digest/templates.ts';
import type { DigestModel } from '../digest/model.ts';
import { overviewChartPng, seriesChartPng } from './chart-png.ts';
import type { ChartPng } from './chart-png.ts';
import { renderPlainText } from './plain-text.ts';
import { svgToPng } from './svg-png.ts';
import type { RenderModel } from './render-model.ts';

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  /** Set on images the HTML shows inline (`<img src="cid:…">`). */
  cid?: string;
  contentType: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

export const OVERVIEW_CHART_CID = 'chart-overview@diemtin';
export const SERIES_CHART_CID = 'chart-series@diemtin';

// Mail-only layout on top of the bulletin stylesheet: images never wider than the phone, and
// no flex gap the inliner cannot express. Inlined with the rest.
const EMAIL_CSS = `
  body { background: #ffffff; }
  img.chart-img { display: block; width: 100%; max-width: 480px; height: auto; border: 0; }
  .page { max-width: 760px; }
`;

export async function renderEmail(
  model: DigestModel,
  templates: DigestTemplates,
): Promise<RenderedEmail> {
  const m: RenderModel = model;
  let html = renderDigestHtml(model, templates);
  const attachments: EmailAttachment[] = [];

  const charts: {
    svg: string | null | undefined;
    png: () => Promise<ChartPng | null>;
    cid: string;
    file: string;
  }[] = [
    {
      svg: m.overview.chartSvg,
      png: () => overviewChartPng(m),
      cid: OVERVIEW_CHART_CID,
      file: 'bieu-do-tong-quan.png',
    },
    {
      svg: m.overview.seriesChartSvg,
      png: () => seriesChartPng(m),
      cid: SERIES_CHART_CID,
      file: 'bieu-do-theo-ngay.png',
    },
  ];
  for (const c of charts) {
    if (!c.svg || !html.includes(c.svg)) continue;
    const chart = await c.png();
    if (chart === null) continue;
    // The SVG's own aria-label (worded by the digest builder) is the better text alternative.
    const alt = ariaLabel(c.svg) ?? escapeXml(chart.alt);
    html = html.split(c.svg).join(imgTag(c.cid, chart.width, alt));
    attachments.push({
      filename: c.file,
      content: chart.png,
      cid: c.cid,
      contentType: 'image/png',
    });
  }
  // Any other SVG a deployment's template prints is rasterised as it is.
  const others = [...new Set(html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [])];
  for (const [i, svg] of others.entries()) {
    const cid = `figure-${i + 1}@diemtin`;
    attachments.push({
      filename: `hinh-${i + 1}.png`,
      content: await rasteriseSvg(svg),
      cid,
      contentType: 'image/png',
    });
    html = html.split(svg).join(imgTag(cid, 480, ariaLabel(svg) ?? escapeXml(m.labels.chart)));
  }

  let inlined: string;
  try {
    inlined = juice(html, {
      extraCss: EMAIL_CSS,
      removeStyleTags: true,
      // The bulletin's only media query is for print; mail needs none.
      preserveMediaQueries: false,
      preserveFontFaces: false,
      preserveImportant: true,
      applyWidthAttributes: true,
      applyHeightAttributes: false,
    });
  } catch (cause) {
    throw new Error('render: cannot inline the bulletin CSS', { cause });
  }
  inlined = inlined.normalize('NFC');
  // The templates are checked to emit neither; a mail that fetches or runs anything would
  // leak its reader, so a regression stops here rather than in a leader's inbox.
  if (/<script\b/i.test(inlined) || /\s(src|srcset)\s*=\s*["']?(https?:)?\/\//i.test(inlined)) {
    throw new Error('render: the bulletin HTML contains a script or an external resource');
  }
  return {
    subject: subjectOf(model),
    html: inlined,
    text: renderPlainText(m),
    attachments,
  };
}

/** "Điểm tin báo chí Số 125/ĐT-SVHTTDL ngày 20/11/2026": the title in sentence case. */
export function subjectOf(model: RenderModel): string {
  const title = model.header.title.toLocaleLowerCase('vi');
  const sentence = title.charAt(0).toLocaleUpperCase('vi') + title.slice(1);
  // A model stored before the header carried dateText gives a subject without the date.
  const date = model.header.dateText;
  return `${sentence} ${model.header.number}${date === undefined ? '' : ` ngày ${date}`}`.normalize(
    'NFC',
  );
}

/** The aria-label of an SVG's root, still XML-escaped (so it is a valid attribute value). */
function ariaLabel(svg: string): string | null {
  return /^<svg\b[^>]*\saria-label="([^"]*)"/.exec(svg)?.[1] ?? null;
}

/** `alt` arrives attribute-escaped. */
function imgTag(cid: string, width: number, alt: string): string {
  return `<img class="chart-img" src="cid:${cid}" width="${width}" alt="${alt}">`;
}

async function rasteriseSvg(svg: string): Promise<Buffer> {
  try {
    return await svgToPng(svg, { fitTo: { mode: 'width', value: 960 }, defaultFont: 'Noto Serif' });
  } catch (cause) {
    throw new Error('render: cannot rasterise an SVG figure for the mail', { cause });
  }
}
