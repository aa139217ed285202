import { describe, expect, it } from 'vitest';
import type { ChartSpec, ChartTokens } from './option';
import { niceStep, scaleFor, svgLayout, tooltipLines } from './svg-layout';

const tokens: ChartTokens = {
  colorPrimary: '#1677ff',
  colorSuccess: '#52c41a',
  colorWarning: '#faad14',
  colorError: '#ff4d4f',
  colorText: '#000',
  colorTextSecondary: '#666',
  colorBorderSecondary: '#eee',
  colorBgElevated: '#fff',
  fontFamily: 'sans-serif',
  fontSize: 14,
};

const months: ChartSpec = {
  kind: 'bar',
  category: 'month',
  values: ['invested', 'cumulative'],
  seriesKinds: { cumulative: 'line' },
  dataset: {
    columns: [
      { key: 'month', label: '月份' },
      { key: 'invested', label: '当月' },
      { key: 'cumulative', label: '累计' },
    ],
    rows: [
      { month: '1月', invested: 10, cumulative: 10 },
      { month: '2月', invested: 30, cumulative: 40 },
    ],
  },
};

describe('svgLayout', () => {
  it('rounds the value axis to a nice step that covers the values', () => {
    expect(niceStep(40)).toBe(10);
    expect(niceStep(9)).toBe(2.5);
    expect(scaleFor([3, 37])).toEqual({ min: 0, max: 40, step: 10 });
    expect(scaleFor([-5, 20])).toEqual({ min: -10, max: 20, step: 10 });
  });

  it('draws one bar per row for a bar series and a line through the band centres for a line series', () => {
    const l = svgLayout(months, tokens, 400, 280);
    const bars = l.shapes.filter((s) => s.kind === 'bar');
    const lines = l.shapes.filter((s) => s.kind === 'line');
    expect(bars).toHaveLength(2);
    expect(lines).toHaveLength(1);
    // 30 is three times 10: heights in proportion, both standing on the axis.
    const [a, b] = bars as Extract<(typeof bars)[number], { kind: 'bar' }>[];
    expect(b!.height / a!.height).toBeCloseTo(3, 5);
    expect(a!.y + a!.height).toBeCloseTo(l.plot!.bottom, 5);
    const line = lines[0] as Extract<(typeof lines)[number], { kind: 'line' }>;
    expect(line.points.map((p) => p.x)).toEqual(l.bands.map((band) => band.centre));
    expect(l.legend.map((x) => x.text)).toEqual(['当月', '累计']);
  });

  it('stacks the segments of a stacked bar on one another', () => {
    const spec: ChartSpec = { ...months, values: ['invested', 'cumulative'], seriesKinds: undefined, stack: true };
    const bars = svgLayout(spec, tokens, 400, 280).shapes.filter((s) => s.kind === 'bar') as { y: number; height: number; row: number; series: number }[];
    const first = bars.filter((s) => s.row === 0);
    expect(first).toHaveLength(2);
    const lower = first.find((s) => s.series === 0)!;
    const upper = first.find((s) => s.series === 1)!;
    expect(upper.y + upper.height).toBeCloseTo(lower.y, 5);
  });

  it('draws a donut slice per row with its share and a funnel step per stage', () => {
    const pie: ChartSpec = {
      kind: 'pie',
      category: 'label',
      values: ['count'],
      rowColor: (row) => (row.label === '红灯' ? '#ff4d4f' : undefined),
      dataset: { columns: [{ key: 'label', label: '状态' }, { key: 'count', label: '项目数' }], rows: [{ label: '红灯', count: 1 }, { label: '绿灯', count: 3 }] },
    };
    const arcs = svgLayout(pie, tokens, 300, 280).shapes;
    expect(arcs.map((s) => s.kind === 'arc' && s.label.text)).toEqual(['红灯 1（25%）', '绿灯 3（75%）']);
    expect(arcs[0]!.kind === 'arc' && arcs[0]!.color).toBe('#ff4d4f');
    const funnel = svgLayout({ ...pie, kind: 'funnel' }, tokens, 300, 280).shapes;
    expect(funnel.map((s) => s.kind)).toEqual(['trapezoid', 'trapezoid']);
  });

  it('reads a row back for the tooltip as the columns format it', () => {
    expect(tooltipLines(months, 1)).toEqual(['2月', '当月：30', '累计：40']);
  });
});
