// The bulletin as a Word document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4,
// Times New Roman 13–14 pt, margins top/bottom 20 mm, left 30 mm, right 15 mm; the agency and
// the Quốc hiệu side by side, number left, place and date right in italics; bold centred
// title; "Nơi nhận:" bottom-left and the signature block bottom-right; page numbers centred in
// the top margin from page 2. Offices edit and sign this file, so it stays plain Word.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import type { CountRow, DigestItem, DigestModel, DigestSection } from '../digest/model.ts';
import type { FollowUpItem } from '../digest/follow-up.ts';
import { overviewChartPng, seriesChartPng } from './chart-png.ts';
import type { ChartPng } from './chart-png.ts';
import type { RenderModel } from './render-model.ts';
import { followUpOf, seriesOf } from './render-model.ts';

export const DOCX_FONT = 'Times New Roman';

// Twips (1/1440 in): 1 mm = 56.69 twips.
const mm = (v: number): number => Math.round(v * 56.6929);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_W = PAGE.width - MARGIN.left - MARGIN.right;
// Half-points.
const PT = (v: number): number => v * 2;
const BODY = PT(14);
const SMALL = PT(12);
// Charts at most 150 mm wide on the page, in the 96-dpi pixels docx measures images with.
const CHART_MAX_PX = Math.round((150 / 25.4) * 96);

type Block = Paragraph | Table;

export async function renderDocx(model: DigestModel): Promise<Buffer> {
  const m: RenderModel = model;
  const body: Block[] = [
    headerTable(m),
    para([run(m.header.title, { bold: true })], { align: 'center', before: 360, after: 0 }),
    para([run(`(${m.header.windowText})`, { italics: true })], { align: 'center', after: 240 }),
    ...(await overview(m)),
    ...section(m, m.highlights),
    ...section(m, m.positive),
    ...attention(m),
    ...followUp(m),
    ...byTopic(m),
    ...proposals(m),
    footerTable(m),
    para([run(m.generatedText, { italics: true, size: PT(10) })], { before: 360 }),
  ];

  const doc = new Document({
    creator: m.header.agencyName,
    title: m.documentTitle,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: BODY },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], size: BODY, font: DOCX_FONT }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  try {
    return await Packer.toBuffer(doc);
  } catch (cause) {
    throw new Error('render: cannot pack the bulletin DOCX', { cause });
  }
}

/** Every run names its font too, so text pasted into another office's template keeps it. */
function run(text: string, opts: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ text: text.normalize('NFC'), font: DOCX_FONT, ...opts });
}

interface ParaOpts {
  align?: 'left' | 'center' | 'right' | 'justify';
  before?: number;
  after?: number;
  indentFirst?: number;
  indentLeft?: number;
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function para(children: ParagraphChild[], o: ParaOpts = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'left'],
    spacing: {
      ...(o.before !== undefined ? { before: o.before } : {}),
      ...(o.after !== undefined ? { after: o.after } : {}),
    },
    indent: {
      ...(o.indentFirst !== undefined ? { firstLine: o.indentFirst } : {}),
      ...(o.indentLeft !== undefined ? { left: o.indentLeft } : {}),
    },
    keepNext: o.keepNext ?? false,
  });
}

/** Body text: justified with a 1 cm first-line indent, as administrative prose is set. */
function prose(text: string): Paragraph {
  return para([run(text)], { align: 'justify', indentFirst: mm(10) });
}

function heading(text: string): Paragraph {
  return para([run(text, { bold: true, allCaps: true })], {
    before: 240,
    after: 120,
    keepNext: true,
  });
}

function subheading(text: string): Paragraph {
  return para([run(text, { bold: true, italics: true })], { before: 160, keepNext: true });
}

function link(
  text: string,
  url: string | null,
  opts: Omit<IRunOptions, 'text'> = {},
): ParagraphChild {
  if (url === null) return run(text, opts);
  return new ExternalHyperlink({
    link: url,
    children: [run(text, { ...opts, style: 'Hyperlink' })],
  });
}

function cell(children: Paragraph[], width: number, shade = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
  });
}

function centred(text: string, opts: Omit<IRunOptions, 'text' | 'children'>): Paragraph {
  return para([run(text, opts)], { align: 'center', after: 0 });
}

function headerTable(m: RenderModel): Table {
  const left = mm(68);
  const right = CONTENT_W - left;
  return new Table({
    width: { size: CONTENT_W, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centred(m.header.agencyParent, { size: PT(13) }),
              centred(m.header.agencyName, { size: PT(13), bold: true }),
            ],
            left,
          ),
          cell(
            [
              centred(m.labels.nationalName, { size: PT(12.5), bold: true }),
              centred(m.labels.motto, { size: PT(13), bold: true, underline: {} }),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell(
            [para([run(m.header.number, { size: PT(13) })], { align: 'center', before: 120 })],
            left,
          ),
          cell(
            [
              para([run(m.header.dateLine, { size: PT(14), italics: true })], {
                align: 'center',
                before: 120,
              }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** A bordered figures table: the first column words, the others right-aligned numbers. */
function figureTable(head: string[], rows: string[][], firstShare = 0.45): Table {
  const cols = head.length;
  const first = cols === 1 ? CONTENT_W : Math.round(CONTENT_W * firstShare);
  const other = cols === 1 ? 0 : Math.floor((CONTENT_W - first) / (cols - 1));
  const widths = [first, ...Array.from({ length: cols - 1 }, () => other)];
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const row = (texts: string[], isHead: boolean): TableRow =>
    new TableRow({
      tableHeader: isHead,
      cantSplit: true,
      children: texts.map((t, i) =>
        cell(
          [
            para([run(t, { size: SMALL, bold: isHead })], {
              align: i === 0 || isHead ? 'left' : 'right',
              after: 0,
            }),
          ],
          widths[i] ?? other,
          isHead,
        ),
      ),
    });
  return new Table({
    width: { size: CONTENT_W, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

function countTable(m: RenderModel, first: string, rows: readonly CountRow[]): Table {
  return figureTable(
    [first, m.labels.columnCount],
    rows.map((r) => [r.label, r.countText]),
    0.7,
  );
}

function image(chart: ChartPng | null): Paragraph[] {
  if (chart === null) return [];
  const width = Math.min(chart.width, CHART_MAX_PX);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    para(
      [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: chart.alt, description: chart.alt, title: chart.alt },
        }),
      ],
      { align: 'center' },
    ),
  ];
}

async function overview(m: RenderModel): Promise<Block[]> {
  const o = m.overview;
  const out: Block[] = [heading(o.heading), prose(o.summary)];
  if (o.articleCount > 0) {
    out.push(
      subheading(m.labels.byCategory),
      countTable(m, m.labels.columnCategory, o.byCategory),
      subheading(m.labels.tone),
      figureTable(
        [m.labels.columnTone, m.labels.columnCount, m.labels.columnPercent, m.labels.columnChange],
        o.tone.map((r) => [r.label, r.countText, r.percentText, r.changeText]),
        0.28,
      ),
      subheading(m.labels.topTopics),
      countTable(m, m.labels.columnTopic, o.topTopics),
      subheading(m.labels.topOutlets),
      countTable(m, m.labels.columnOutlet, o.topOutlets),
    );
  }
  const chart = await overviewChartPng(m);
  if (chart !== null) out.push(subheading(m.labels.chart), ...image(chart));
  const series = seriesOf(m);
  if (series !== null) {
    out.push(subheading(series.title), ...image(await seriesChartPng(m)));
    if (series.text !== null) out.push(prose(series.text));
  }
  return out;
}

function item(m: RenderModel, it: DigestItem): Paragraph[] {
  const meta =
    `${m.labels.outlets} ${it.outletsText} (${it.reachText}) · ${m.labels.time} ${it.timeText} · ` +
    `${m.labels.topics} ${it.topicsText} · ${m.labels.toneOf} ${it.toneLabel}`;
  const out = [
    para([link(it.title, it.url, { bold: true })], { before: 160, after: 40, keepNext: true }),
    para([run(meta, { italics: true, size: SMALL })], { after: 60 }),
  ];
  if (it.summary.length > 0) out.push(prose(it.summary));
  if (it.handling !== null) {
    out.push(
      para([run(`${m.labels.handling} `, { bold: true }), run(it.handling)], {
        align: 'justify',
        indentFirst: mm(10),
      }),
    );
  }
  return out;
}

function section(m: RenderModel, s: DigestSection): Block[] {
  const out: Block[] = [heading(s.heading)];
  if (s.note !== null) out.push(para([run(s.note, { italics: true })]));
  if (s.items.length === 0) out.push(para([run(s.emptyText, { italics: true })]));
  for (const it of s.items) out.push(...item(m, it));
  return out;
}

function attention(m: RenderModel): Block[] {
  const a = m.attention;
  const out: Block[] = [heading(a.heading)];
  if (a.note !== null) out.push(para([run(a.note, { italics: true })]));
  if (a.groups.length === 0) out.push(para([run(a.emptyText, { italics: true })]));
  for (const g of a.groups) {
    out.push(subheading(g.label));
    for (const it of g.items) out.push(...item(m, it));
  }
  return out;
}

function followUp(m: RenderModel): Block[] {
  const f = followUpOf(m);
  if (f === null) return [];
  const out: Block[] = [heading(f.heading)];
  if (f.note !== null) out.push(para([run(f.note, { italics: true })]));
  if (f.countsText !== null) out.push(prose(f.countsText));
  if (f.items.length === 0) out.push(para([run(f.emptyText, { italics: true })]));
  f.items.forEach((c, i) => out.push(...followUpItem(m, c, i + 1)));
  return out;
}

function followUpItem(m: RenderModel, c: FollowUpItem, n: number): Paragraph[] {
  const labelled = (label: string, text: string): Paragraph =>
    para([run(`${label} `, { italics: true }), run(text)], { indentLeft: mm(10), after: 40 });
  const out = [
    para([run(`${n}. `, { bold: true }), link(c.title, c.url, { bold: true })], {
      before: 160,
      after: 40,
      keepNext: true,
    }),
    labelled(m.labels.caseProblem, c.problem),
    labelled(m.labels.caseAgency, c.agency),
  ];
  if (c.dispatchText.length > 0)
    out.push(para([run(c.dispatchText)], { indentLeft: mm(10), after: 40 }));
  if (c.dueText.length > 0) {
    out.push(para([run(c.dueText, { bold: c.overdue })], { indentLeft: mm(10), after: 40 }));
  }
  out.push(labelled(m.labels.caseStatus, c.statusLabel));
  if (c.reply !== null) out.push(labelled(m.labels.caseReply, c.reply));
  return out;
}

function byTopic(m: RenderModel): Block[] {
  const t = m.byTopic;
  const out: Block[] = [heading(t.heading)];
  if (t.topics.length === 0) out.push(para([run(t.emptyText, { italics: true })]));
  for (const topic of t.topics) {
    out.push(subheading(`${topic.label} (${topic.countText})`));
    for (const e of topic.entries) {
      out.push(para([run(`- ${e.title} (${e.citation})`)], { align: 'justify', after: 60 }));
    }
    if (topic.moreText) out.push(para([run(topic.moreText, { italics: true })]));
  }
  return out;
}

function proposals(m: RenderModel): Block[] {
  return [
    heading(m.proposals.heading),
    ...m.proposals.lines.map((l, i) =>
      para([run(`${i + 1}. ${l}`)], { align: 'justify', indentFirst: mm(10) }),
    ),
  ];
}

/** Nơi nhận (12 pt bold italic heading, 11 pt list) left; the signature block right. */
function footerTable(m: RenderModel): Table {
  const left = Math.round(CONTENT_W * 0.5);
  const right = CONTENT_W - left;
  const recipients = [
    para([run(m.labels.recipients, { bold: true, italics: true, size: PT(12) })], { after: 0 }),
    ...m.recipients.map((r) => para([run(r, { size: PT(11) })], { after: 0 })),
  ];
  const signature = m.signature
    ? [
        ...m.signature.titleLines.map((l) => centred(l, { bold: true, size: PT(14) })),
        // Room for the signature and the seal.
        ...Array.from({ length: 4 }, () => para([], { after: 0 })),
        centred(m.signature.name, { bold: true, size: PT(14) }),
      ]
    : [para([], { after: 0 })];
  return new Table({
    width: { size: CONTENT_W, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(recipients, left), cell(signature, right)],
      }),
    ],
  });
}
