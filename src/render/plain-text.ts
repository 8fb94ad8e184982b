// The text/plain part of the bulletin mail: the same model as the HTML, laid out for a
// fixed-width reader (and for clients that show no HTML). Every word comes from the model.
import type { DigestItem, DigestSection } from '../digest/model.ts';
import type { FollowUpItem } from '../digest/follow-up.ts';
import { formatInt } from '../digest/format.ts';
import type { RenderModel } from './render-model.ts';
import { followUpOf, seriesOf } from './render-model.ts';
import { TEXT_WIDTH, alignedRows, textWidth, wrapText } from './wrap.ts';

export function renderPlainText(model: RenderModel): string {
  const out: string[] = [];
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const para = (text: string, first = '', rest = first): void => {
    out.push(...wrapText(text, TEXT_WIDTH, first, rest));
  };
  const heading = (text: string): void => {
    blank();
    const upper = text.toLocaleUpperCase('vi');
    out.push(upper, '='.repeat(Math.min(TEXT_WIDTH, textWidth(upper))));
  };
  const subheading = (text: string): void => {
    blank();
    out.push(text, '-'.repeat(Math.min(TEXT_WIDTH, textWidth(text))));
  };

  const h = model.header;
  out.push(h.agencyParent, h.agencyName, h.number, '');
  out.push(model.labels.nationalName, model.labels.motto, h.dateLine, '');
  out.push(...wrapText(h.title).map(center));
  out.push(...wrapText(`(${h.windowText})`).map(center));

  const o = model.overview;
  heading(o.heading);
  para(o.summary);
  if (o.articleCount > 0) {
    subheading(model.labels.byCategory);
    out.push(...alignedRows(o.byCategory.map((r) => ({ label: r.label, values: [r.countText] }))));
    subheading(model.labels.tone);
    out.push(
      ...alignedRows(
        o.tone.map((r) => ({
          label: r.label,
          values: [r.countText, r.percentText, r.changeText],
        })),
      ),
    );
    subheading(model.labels.topTopics);
    out.push(...alignedRows(o.topTopics.map((r) => ({ label: r.label, values: [r.countText] }))));
    subheading(model.labels.topOutlets);
    out.push(...alignedRows(o.topOutlets.map((r) => ({ label: r.label, values: [r.countText] }))));
  }
  const series = seriesOf(model);
  if (series !== null) {
    subheading(series.title);
    out.push(
      ...alignedRows(series.points.map((p) => ({ label: p.label, values: [formatInt(p.count)] }))),
    );
    if (series.text !== null) {
      blank();
      para(series.text);
    }
  }

  const items = (list: readonly DigestItem[]): void => {
    list.forEach((item, i) => {
      blank();
      item_(item, `${i + 1}. `);
    });
  };
  const item_ = (item: DigestItem, marker: string): void => {
    const rest = ' '.repeat(marker.length);
    para(`${item.title} (${item.outletsText}, ${item.timeText})`, marker, rest);
    if (item.url !== null) out.push(rest + item.url);
    para(
      `${item.reachText}. ${model.labels.topics} ${item.topicsText}. ${model.labels.toneOf} ${item.toneLabel}.`,
      rest,
    );
    if (item.summary.length > 0) para(item.summary, rest);
    if (item.handling !== null) para(`${model.labels.handling} ${item.handling}`, rest);
  };
  const section = (s: DigestSection): void => {
    heading(s.heading);
    if (s.note !== null) para(s.note);
    if (s.items.length === 0) para(s.emptyText);
    items(s.items);
  };

  section(model.highlights);
  section(model.positive);

  const a = model.attention;
  heading(a.heading);
  if (a.note !== null) para(a.note);
  if (a.groups.length === 0) para(a.emptyText);
  for (const g of a.groups) {
    subheading(g.label);
    items(g.items);
  }

  const f = followUpOf(model);
  if (f !== null) {
    heading(f.heading);
    if (f.note !== null) para(f.note);
    if (f.countsText !== null) para(f.countsText);
    if (f.items.length === 0) para(f.emptyText);
    f.items.forEach((c, i) => {
      blank();
      followUpItem(c, `${i + 1}. `);
    });
  }

  const t = model.byTopic;
  heading(t.heading);
  if (t.topics.length === 0) para(t.emptyText);
  for (const topic of t.topics) {
    subheading(`${topic.label} (${topic.countText})`);
    for (const e of topic.entries) para(`${e.title} (${e.citation})`, '- ', '  ');
    if (topic.moreText !== null && topic.moreText !== undefined) para(topic.moreText, '  ');
  }

  heading(model.proposals.heading);
  model.proposals.lines.forEach((line, i) => {
    const marker = `${i + 1}. `;
    para(line, marker, ' '.repeat(marker.length));
  });

  blank();
  out.push(model.labels.recipients);
  for (const r of model.recipients) para(r, '', '  ');
  if (model.signature !== null) {
    blank();
    // The signature block sits on the right half, as on the printed page.
    for (const l of model.signature.titleLines) out.push(...wrapText(l, HALF).map(right));
    out.push('', '', right(model.signature.name));
  }
  blank();
  para(model.generatedText);
  return `${out.join('\n').normalize('NFC')}\n`;

  function followUpItem(c: FollowUpItem, marker: string): void {
    const rest = ' '.repeat(marker.length);
    para(c.title, marker, rest);
    if (c.url !== null) out.push(rest + c.url);
    para(`${model.labels.caseProblem} ${c.problem}`, rest);
    para(`${model.labels.caseAgency} ${c.agency}`, rest);
    if (c.dispatchText.length > 0) para(c.dispatchText, rest);
    if (c.dueText.length > 0) para(c.dueText, rest);
    para(`${model.labels.caseStatus} ${c.statusLabel}`, rest);
    if (c.reply !== null) para(`${model.labels.caseReply} ${c.reply}`, rest);
  }
}

const HALF = Math.floor(TEXT_WIDTH / 2);

function center(line: string): string {
  const pad = Math.max(0, Math.floor((TEXT_WIDTH - textWidth(line)) / 2));
  return ' '.repeat(pad) + line;
}

/** Centred in the right half of the line. */
function right(line: string): string {
  const pad = Math.max(0, Math.floor((HALF - textWidth(line)) / 2));
  return ' '.repeat(TEXT_WIDTH - HALF + pad) + line;
}
