/**
 * What a chart draws, as data (ChartSpec), and the ECharts option built from it with the antd
 * theme's tokens. Pure: no ECharts import, so it is tested without a canvas and costs nothing until
 * a chart draws.
 */
import type { ExportColumn, ExportRow } from '../export-xlsx';

export type ChartKind = 'line' | 'bar' | 'pie' | 'funnel';

export interface ChartColumn extends ExportColumn {
  /** How a value reads in the tooltip and labels (the export keeps the raw number). */
  format?: (value: number) => string;
}

export interface ChartDataset {
  columns: ChartColumn[];
  rows: ExportRow[];
}

export interface ChartSpec {
  kind: ChartKind;
  dataset: ChartDataset;
  /** The column holding each row's category (the x axis, a pie's slices, a funnel's stages). */
  category: string;
  /** The value columns drawn, one series each (pie and funnel draw the first). */
  values: string[];
  /** A value column drawn another way than `kind` (a line of rates over bars of amounts). */
  seriesKinds?: Partial<Record<string, 'line' | 'bar'>>;
  /** Value columns read on a second axis on the right (a rate beside amounts). */
  rightAxis?: string[];
  /** Bars laid out horizontally (a sorted ranking). */
  horizontal?: boolean;
  stack?: boolean;
  /** A fixed colour for a row (red/yellow/green). */
  rowColor?: (row: ExportRow, index: number) => string | undefined;
}

/** The antd tokens the chart reads (theme.useToken().token). */
export interface ChartTokens {
  colorPrimary: string;
  colorSuccess: string;
  colorWarning: string;
  colorError: string;
  colorText: string;
  colorTextSecondary: string;
  colorBorderSecondary: string;
  colorBgElevated: string;
  fontFamily: string;
  fontSize: number;
}

export const palette = (t: ChartTokens) => [t.colorPrimary, t.colorSuccess, t.colorWarning, t.colorError, '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

export function formatterFor(spec: ChartSpec, key: string): (v: number) => string {
  const col = spec.dataset.columns.find((c) => c.key === key);
  return col?.format ?? ((v: number) => (Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })));
}

export const labelOf = (spec: ChartSpec, key: string) => spec.dataset.columns.find((c) => c.key === key)?.label ?? key;

/** The ECharts option for a spec under a theme. */
export function buildOption(spec: ChartSpec, t: ChartTokens): Record<string, unknown> {
  const text = { color: t.colorText, fontFamily: t.fontFamily, fontSize: t.fontSize - 2 };
  const base = {
    color: palette(t),
    textStyle: text,
    animationDuration: 300,
    dataset: { dimensions: spec.dataset.columns.map((c) => c.key), source: spec.dataset.rows },
    tooltip: {
      trigger: spec.kind === 'pie' || spec.kind === 'funnel' ? 'item' : 'axis',
      confine: true,
      backgroundColor: t.colorBgElevated,
      borderColor: t.colorBorderSecondary,
      textStyle: { color: t.colorText, fontSize: t.fontSize - 1 },
      valueFormatter: undefined as unknown,
    },
    legend: { show: spec.values.length > 1 || spec.kind === 'pie', bottom: 0, type: 'scroll', textStyle: { color: t.colorTextSecondary } },
  };
  const colourOf = (index: number) => {
    const row = spec.dataset.rows[index];
    return row && spec.rowColor ? spec.rowColor(row, index) : undefined;
  };
  if (spec.kind === 'pie' || spec.kind === 'funnel') {
    const value = spec.values[0]!;
    const fmt = formatterFor(spec, value);
    return {
      ...base,
      tooltip: { ...base.tooltip, trigger: 'item', formatter: (p: { name: string; value: ExportRow; percent?: number }) => `${p.name}：${fmt(Number(p.value[value] ?? 0))}${p.percent !== undefined ? `（${p.percent}%）` : ''}` },
      series: [
        {
          type: spec.kind,
          name: labelOf(spec, value),
          encode: spec.kind === 'pie' ? { itemName: spec.category, value } : { itemName: spec.category, value },
          ...(spec.kind === 'pie' ? { radius: ['40%', '68%'], center: ['50%', '45%'] } : { sort: 'none', top: 8, bottom: 32, left: '10%', width: '80%', minSize: '8%' }),
          label: { color: t.colorText, formatter: (p: { name: string; value: ExportRow }) => `${p.name} ${fmt(Number(p.value[value] ?? 0))}` },
          itemStyle: { borderColor: t.colorBgElevated, borderWidth: 1, color: spec.rowColor ? (p: { dataIndex: number; color: string }) => colourOf(p.dataIndex) ?? p.color : undefined },
        },
      ],
    };
  }
  const axisLine = { lineStyle: { color: t.colorBorderSecondary } };
  const categoryAxis = { type: 'category', axisLine, axisTick: { alignWithLabel: true }, axisLabel: { color: t.colorTextSecondary, hideOverlap: true } };
  const valueAxis = (position?: 'right', key?: string) => ({
    type: 'value',
    position,
    splitLine: { show: position !== 'right', lineStyle: { color: t.colorBorderSecondary } },
    axisLabel: { color: t.colorTextSecondary, formatter: key ? formatterFor(spec, key) : undefined },
  });
  const right = spec.values.filter((v) => spec.rightAxis?.includes(v));
  const left = spec.values.filter((v) => !spec.rightAxis?.includes(v));
  const valueAxes = right.length > 0 ? [valueAxis(undefined, left[0]), valueAxis('right', right[0])] : [valueAxis(undefined, left[0])];
  return {
    ...base,
    tooltip: {
      ...base.tooltip,
      formatter: (items: Array<{ seriesName: string; marker: string; axisValueLabel: string; value: ExportRow; dimensionNames?: string[]; encode?: { y?: number[]; x?: number[] }; seriesIndex: number }>) => {
        if (!Array.isArray(items) || items.length === 0) return '';
        const lines = items.map((it) => {
          const key = spec.values[it.seriesIndex]!;
          return `${it.marker}${it.seriesName}：${formatterFor(spec, key)(Number(it.value[key] ?? 0))}`;
        });
        return [items[0]!.axisValueLabel, ...lines].join('<br/>');
      },
    },
    grid: { left: 8, right: right.length > 0 ? 16 : 24, top: 24, bottom: spec.values.length > 1 ? 40 : 16, containLabel: true },
    xAxis: spec.horizontal ? valueAxes[0] : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxes,
    series: spec.values.map((key) => {
      const type = spec.seriesKinds?.[key] ?? spec.kind;
      return {
        type,
        name: labelOf(spec, key),
        encode: spec.horizontal ? { y: spec.category, x: key } : { x: spec.category, y: key },
        yAxisIndex: !spec.horizontal && spec.rightAxis?.includes(key) ? 1 : 0,
        stack: spec.stack && type === 'bar' ? 'total' : undefined,
        smooth: type === 'line' ? false : undefined,
        symbolSize: type === 'line' ? 6 : undefined,
        barMaxWidth: 36,
        itemStyle: spec.rowColor ? { color: (p: { dataIndex: number; color: string }) => colourOf(p.dataIndex) ?? p.color } : undefined,
      };
    }),
  };
}

/** The row and column behind a clicked shape (the click handler's argument). */
export interface ChartClick {
  row: ExportRow;
  index: number;
  /** The value column of the clicked series. */
  column: string;
}

/** Maps ECharts' click parameters back to the dataset. */
export function clickTarget(spec: ChartSpec, p: { dataIndex?: number; seriesIndex?: number }): ChartClick | null {
  if (p.dataIndex === undefined || p.dataIndex < 0) return null;
  const row = spec.dataset.rows[p.dataIndex];
  if (!row) return null;
  const column = spec.kind === 'pie' || spec.kind === 'funnel' ? spec.values[0]! : (spec.values[p.seriesIndex ?? 0] ?? spec.values[0]!);
  return { row, index: p.dataIndex, column };
}
