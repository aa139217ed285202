/**
 * The parts of ECharts the shared chart draws with, and nothing else: line, bar, pie and funnel
 * charts, the grid, tooltip, legend and dataset components, and the canvas renderer. Only
 * `chart.tsx` imports this, lazily, so ECharts is a chunk of its own fetched by the pages that draw.
 */
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

export { init };
