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

export interface ColumnPoint {
  label: string;
  value: number;
}

const COL_H = 160;
const AXIS_X = 10;
const BAR_W_TOTAL = WIDTH - 2 * AXIS_X;
const AXIS_H = 40;
const TOP_PAD = 22;

/**
 * Articles per day (or per month) as columns: one bar per point, the highest value written at
 * its bar, and every `labelEvery`-th label below the axis so a 31-day month stays legible on a
 * 600-unit-wide phone screen.
 */
export function columnChartSvg(
  title: string,
  points: readonly ColumnPoint[],
  ariaLabel: string,
  valueText: (n: number) => string,
): string {
  const n = Math.max(points.length, 1);
  const slot = BAR_W_TOTAL / n;
  const barW = Math.max(1, Math.floor(slot * 0.7));
  const max = Math.max(0, ...points.map((p) => p.value));
  const labelEvery = Math.max(1, Math.ceil(n / 16));
  const peak = points.findIndex((p) => p.value === max && max > 0);
  const baseY = TITLE_H + TOP_PAD + COL_H;
  const parts: string[] = [
    `<text x="0" y="${TITLE_H - 9}" font-weight="bold" font-size="15">${escapeXml(title)}</text>`,
    `<line x1="${AXIS_X}" y1="${baseY}" x2="${AXIS_X + BAR_W_TOTAL}" y2="${baseY}" stroke="#555" stroke-width="1"/>`,
  ];
  points.forEach((p, i) => {
    const h = max > 0 ? Math.round((p.value / max) * COL_H) : 0;
    const x = Math.round(AXIS_X + i * slot + (slot - barW) / 2);
    const cx = Math.round(AXIS_X + i * slot + slot / 2);
    parts.push(
      `<rect x="${x}" y="${baseY - h}" width="${barW}" height="${h}" fill="#1f4e79"><title>${escapeXml(`${p.label}: ${valueText(p.value)}`)}</title></rect>`,
    );
    if (i === peak) {
      parts.push(
        `<text x="${cx}" y="${baseY - h - 5}" text-anchor="middle" font-size="13">${escapeXml(valueText(p.value))}</text>`,
      );
    }
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${cx}" y="${baseY + 18}" text-anchor="middle" font-size="12">${escapeXml(p.label)}</text>`,
      );
    }
  });
  const height = baseY + AXIS_H;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeXml(ariaLabel)}" font-family="'Times New Roman', 'Noto Serif', serif">` +
    parts.join('') +
    '</svg>'
  );
}
