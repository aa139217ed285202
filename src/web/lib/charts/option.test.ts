import { describe, expect, it } from 'vitest';
import { buildOption, clickTarget, type ChartSpec, type ChartTokens } from './option';

const tokens: ChartTokens = {
  colorPrimary: '#1f5fbf',
  colorSuccess: '#52c41a',
  colorWarning: '#faad14',
  colorError: '#ff4d4f',
  colorText: 'rgba(0,0,0,0.88)',
  colorTextSecondary: 'rgba(0,0,0,0.65)',
  colorBorderSecondary: '#f0f0f0',
  colorBgElevated: '#ffffff',
  fontFamily: 'sans-serif',
  fontSize: 14,
};

const months: ChartSpec = {
  kind: 'bar',
  category: 'month',
  values: ['plan', 'done', 'rate'],
  seriesKinds: { rate: 'line' },
  rightAxis: ['rate'],
  dataset: {
    columns: [
      { key: 'month', label: '月份' },
      { key: 'plan', label: '计划（万元）' },
      { key: 'done', label: '完成（万元）' },
      { key: 'rate', label: '完成率', format: (v) => `${v}%` },
    ],
    rows: [
      { month: '1月', plan: 100, done: 80, rate: 80 },
      { month: '2月', plan: 200, done: 220, rate: 110 },
    ],
  },
};

describe('chart option', () => {
  it('draws the dataset with the theme: one series per value column, the rate on the right axis as a line', () => {
    const o = buildOption(months, tokens) as any;
    expect(o.color[0]).toBe('#1f5fbf');
    expect(o.dataset.dimensions).toEqual(['month', 'plan', 'done', 'rate']);
    expect(o.series.map((s: any) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', '计划（万元）', 0],
      ['bar', '完成（万元）', 0],
      ['line', '完成率', 1],
    ]);
    expect(o.yAxis).toHaveLength(2);
    expect(o.yAxis[1].axisLabel.formatter(110)).toBe('110%');
    // The tooltip reads the column's own format.
    const tip = o.tooltip.formatter([
      { seriesIndex: 2, seriesName: '完成率', marker: '', axisValueLabel: '2月', value: months.dataset.rows[1] },
    ]);
    expect(tip).toBe('2月<br/>完成率：110%');
  });

  it('a horizontal ranking puts the categories on an inverted y axis', () => {
    const o = buildOption({ ...months, horizontal: true, values: ['done'], seriesKinds: undefined, rightAxis: undefined }, tokens) as any;
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.inverse).toBe(true);
    expect(o.series[0].encode).toEqual({ y: 'month', x: 'done' });
  });

  it('a funnel and a pie draw the first value column, coloured per row when asked', () => {
    const spec: ChartSpec = {
      kind: 'funnel',
      category: 'stage',
      values: ['count'],
      rowColor: (row) => (row.stage === '签约' ? '#ff0000' : undefined),
      dataset: { columns: [{ key: 'stage', label: '阶段' }, { key: 'count', label: '数量' }], rows: [{ stage: '洽谈', count: 5 }, { stage: '签约', count: 2 }] },
    };
    const o = buildOption(spec, tokens) as any;
    expect(o.series).toHaveLength(1);
    expect(o.series[0].type).toBe('funnel');
    expect(o.series[0].itemStyle.color({ dataIndex: 1, color: '#000' })).toBe('#ff0000');
    expect(o.series[0].itemStyle.color({ dataIndex: 0, color: '#000' })).toBe('#000');
    expect(o.tooltip.formatter({ name: '签约', value: { stage: '签约', count: 2 }, percent: 28.57 })).toBe('签约：2（28.57%）');
  });

  it('a click names the row and the value column behind the shape', () => {
    expect(clickTarget(months, { dataIndex: 1, seriesIndex: 1 })).toEqual({ row: months.dataset.rows[1], index: 1, column: 'done' });
    expect(clickTarget(months, { dataIndex: 5 })).toBeNull();
  });
});
