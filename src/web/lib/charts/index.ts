/** The shared chart: `<Chart spec exportName onItemClick />` (docs/dashboard.md). ECharts itself loads on first draw. */
export { Chart, type ChartProps } from './chart';
export type { ChartClick, ChartColumn, ChartDataset, ChartKind, ChartSpec } from './option';
