// The overview chart: an inline SVG made here, so the bulletin stays one self-contained file
// (mail clients and offline phones show no external images). Every text is XML-escaped, which
// is what lets the template print the SVG unescaped.

export interface ChartBar {
  label: string;
  /** Bar length relative to `max` of its group. */
  value: number;
  /** What is written after the bar, e.g. "62,5%" or "7". */
  valueText: string;
  color: string;
}

export interface ChartGroup {
  title: string;
  max: number;
  bars: ChartBar[];
}

const WIDTH = 600;
const LABEL_W = 180;
const BAR_W = 340;
const ROW_H = 26;
const TITLE_H = 28;
const GAP = 14;

export function barChartSvg(groups: readonly ChartGroup[], ariaLabel: string): string {
  const parts: string[] = [];
  let y = 0;
  for (const g of groups) {
    y += TITLE_H;
    parts.push(
      `<text x="0" y="${y - 9}" font-weight="bold" font-size="15">${escapeXml(g.title)}</text>`,
    );
    for (const b of g.bars) {
      const len = g.max > 0 ? Math.round((b.value / g.max) * BAR_W) : 0;
      parts.push(
        `<text x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end" font-size="14">${escapeXml(b.label)}</text>`,
        `<rect x="${LABEL_W}" y="${y + 4}" width="${Math.max(len, 1)}" height="${ROW_H - 8}" fill="${escapeXml(b.color)}"/>`,
        `<text x="${LABEL_W + Math.max(len, 1) + 6}" y="${y + 17}" font-size="14">${escapeXml(b.valueText)}</text>`,
      );
      y += ROW_H;
    }
    y += GAP;
  }
  const height = Math.max(y, 1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeXml(ariaLabel)}" font-family="'Times New Roman', 'Noto Serif', serif">` +
    parts.join('') +
    '</svg>'
  );
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}
