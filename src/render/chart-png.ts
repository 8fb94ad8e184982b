// Charts as PNG for mail clients, which show neither inline SVG nor scripts: ECharts lays the
// chart out server-side as SVG, resvg rasterises it. Only the model's numbers and texts are
// drawn; colours and sizes are layout.
import * as echarts from 'echarts';
import type { Tone } from '../schema.ts';
import type { RenderModel } from './render-model.ts';
import { seriesOf } from './render-model.ts';
import { svgToPng } from './svg-png.ts';

export interface ChartPng {
  png: Buffer;
  /** CSS pixels the image is meant to be shown at (the PNG itself is SCALE times larger). */
  width: number;
  height: number;
  /** The text alternative: the chart's title from the model. */
  alt: string;
}

// Narrow with large type: a phone shows the chart at ~360 px, about three quarters of this.
const WIDTH = 480;
// Twice the CSS size so the chart stays sharp on phone screens.
const SCALE = 2;
const FONT = 'Noto Sans';
const ROW_H = 34;
const TITLE_H = 38;
const GAP = 18;
const LABEL_W = 180;
const TONE_COLORS: Record<Tone, string> = {
  positive: '#2e7d32',
  negative: '#c62828',
  neutral: '#757575',
};
const BAR_COLOR = '#1f4e79';
// Loading only the family the charts use is about ten times faster than scanning every
// system font (fonts-noto-core ships hundreds of files); the scan is the fallback.

/** Tone split (%) and top topics of `model.overview`, or null when the window is empty. */
export async function overviewChartPng(model: RenderModel): Promise<ChartPng | null> {
  const { tone, topTopics } = model.overview;
  if (model.empty || tone.length === 0) return null;
  const groups = [
    {
      title: model.labels.tone,
      max: 100,
      bars: tone.map((r) => ({
        label: r.label,
        value: (r.percentTenths ?? 0) / 10,
        text: r.percentText,
        color: TONE_COLORS[r.tone],
      })),
    },
    {
      title: model.labels.topTopics,
      max: Math.max(1, ...topTopics.map((t) => t.count)),
      bars: topTopics.map((t) => ({
        label: t.label,
        value: t.count,
        text: t.countText,
        color: BAR_COLOR,
      })),
    },
  ].filter((g) => g.bars.length > 0);

  let y = 0;
  const titles: echarts.EChartsOption['title'] = [];
  const grids: echarts.GridComponentOption[] = [];
  const xAxes: echarts.XAXisComponentOption[] = [];
  const yAxes: echarts.YAXisComponentOption[] = [];
  const series: echarts.BarSeriesOption[] = [];
  groups.forEach((g, i) => {
    titles.push({
      text: g.title,
      top: y,
      left: 0,
      textStyle: { fontFamily: FONT, fontSize: 18, fontWeight: 'bold', color: '#111' },
    });
    y += TITLE_H;
    const h = g.bars.length * ROW_H;
    grids.push({ top: y, left: LABEL_W, right: 64, height: h });
    xAxes.push({ gridIndex: i, type: 'value', min: 0, max: g.max, show: false });
    yAxes.push({
      gridIndex: i,
      type: 'category',
      inverse: true,
      data: g.bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        fontFamily: FONT,
        fontSize: 16,
        color: '#222',
        width: LABEL_W - 12,
        overflow: 'truncate',
      },
    });
    series.push({
      type: 'bar',
      xAxisIndex: i,
      yAxisIndex: i,
      barWidth: ROW_H - 14,
      data: g.bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
      label: {
        show: true,
        position: 'right',
        fontFamily: FONT,
        fontSize: 16,
        color: '#222',
        formatter: (p: { dataIndex: number }) => g.bars[p.dataIndex]?.text ?? '',
      },
    });
    y += h + GAP;
  });
  const height = Math.max(y, 1);
  const svg = chartSvg(WIDTH, height, {
    title: titles,
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
  });
  return { png: await rasterise(svg), width: WIDTH, height, alt: model.labels.chart };
}

/** Articles per day (or month) of a weekly, monthly or custom bulletin, or null without one. */
export async function seriesChartPng(model: RenderModel): Promise<ChartPng | null> {
  const s = seriesOf(model);
  if (s === null || model.empty) return null;
  const height = 300;
  const svg = chartSvg(WIDTH, height, {
    title: {
      text: s.title,
      left: 0,
      top: 0,
      textStyle: { fontFamily: FONT, fontSize: 18, fontWeight: 'bold', color: '#111' },
    },
    grid: { top: TITLE_H + 10, left: 44, right: 10, bottom: 34 },
    xAxis: {
      type: 'category',
      data: s.points.map((p) => p.label),
      axisLabel: { fontFamily: FONT, fontSize: 14, color: '#222' },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontFamily: FONT, fontSize: 14, color: '#222' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: BAR_COLOR },
        data: s.points.map((p) => p.count),
      },
    ],
  });
  return { png: await rasterise(svg), width: WIDTH, height, alt: s.title };
}

function chartSvg(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } catch (cause) {
    throw new Error('render: ECharts could not lay out the chart', { cause });
  } finally {
    chart.dispose();
  }
}

async function rasterise(svg: string): Promise<Buffer> {
  try {
    return await svgToPng(svg, { fitTo: { mode: 'zoom', value: SCALE }, defaultFont: FONT });
  } catch (cause) {
    throw new Error('render: cannot rasterise the chart SVG', { cause });
  }
}
