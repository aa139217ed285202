/**
 * The parts of ECharts the chain view uses, and nothing else: the graph chart, its tooltip and the
 * canvas renderer. Imported lazily (components/chain-graph.tsx), so ECharts is its own chunk, loaded
 * when a chain view first opens.
 */
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([GraphChart, TooltipComponent, CanvasRenderer]);

export { init };
