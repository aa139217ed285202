import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Spin, theme, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { downloadXlsx } from '../export-xlsx';
import { buildOption, clickTarget, type ChartClick, type ChartSpec, type ChartTokens } from './option';
import { chartText, type ChartKey } from './strings';
import { SvgChart } from './svg-chart';
import { svgCanDraw } from './svg-layout';

type EChartsLike = {
  setOption: (o: unknown, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
  on: (event: string, handler: (p: { dataIndex?: number; seriesIndex?: number }) => void) => void;
  getDom: () => HTMLElement;
};

let echartsFetched = false;

export interface ChartProps {
  spec: ChartSpec;
  /** The file (and sheet) name of 导出数据, without .xlsx. */
  exportName: string;
  height?: number;
  /** Drill-through: called with the row behind the clicked shape; the cursor becomes a pointer. */
  onItemClick?: (target: ChartClick) => void;
  /** Anything shown beside 导出数据 (a period switch). */
  extra?: ReactNode;
  /** The accessible name of the canvas (what the chart shows). */
  ariaLabel?: string;
  /**
   * `svg`: drawn by React as plain SVG (svg-chart.tsx), no ECharts fetched; for the simple charts
   * of a first page (the 驾驶舱). A horizontal ranking is still drawn by ECharts.
   */
  renderer?: 'echarts' | 'svg';
}

/**
 * The one chart of the web app: ECharts (only the parts in ./echarts-parts, imported when the
 * chart first comes on screen, so only pages that show a chart fetch it), coloured from the antd theme, redrawn on resize and before
 * printing, a click handed back as the dataset row, and 导出数据 writing the dataset to .xlsx.
 */
export function Chart({ spec, exportName, height = 280, onItemClick, extra, ariaLabel, renderer = 'echarts' }: ChartProps) {
  const { locale } = useI18n();
  const w = (key: ChartKey, vars?: Record<string, string | number>) => chartText(locale, key, vars);
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsLike | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ spec, onItemClick });
  latest.current = { spec, onItemClick };
  const empty = spec.dataset.rows.length === 0;
  const svg = renderer === 'svg' && svgCanDraw(spec);

  const tokens: ChartTokens = {
    colorPrimary: token.colorPrimary,
    colorSuccess: token.colorSuccess,
    colorWarning: token.colorWarning,
    colorError: token.colorError,
    colorText: token.colorText,
    colorTextSecondary: token.colorTextSecondary,
    colorBorderSecondary: token.colorBorderSecondary,
    colorBgElevated: token.colorBgElevated,
    fontFamily: token.fontFamily,
    fontSize: token.fontSize,
  };

  useEffect(() => {
    if (empty || svg) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    let seen: IntersectionObserver | undefined;
    const onPrint = () => chart.current?.resize();
    const draw = () =>
      void import('./echarts-parts').then(({ init }) => {
        echartsFetched = true;
        if (disposed || !box.current) return;
        const c = init(box.current, undefined, { renderer: 'canvas' }) as unknown as EChartsLike;
        chart.current = c;
        c.on('click', (p) => {
          const target = clickTarget(latest.current.spec, p);
          if (target && latest.current.onItemClick) latest.current.onItemClick(target);
        });
        observer = new ResizeObserver(() => c.resize());
        observer.observe(box.current);
        window.addEventListener('beforeprint', onPrint);
        window.addEventListener('afterprint', onPrint);
        setReady(true);
      });
    // ECharts (~190 kB gzip) is fetched when the chart comes within 400 px of the screen (or the
    // page is printed), so a page whose charts sit below the fold (the 驾驶舱 on a phone) loads
    // without it.
    // Once one chart has fetched it, the others draw at once (a printed page shows them all).
    if (echartsFetched || typeof IntersectionObserver === 'undefined' || !box.current) draw();
    else {
      seen = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          seen?.disconnect();
          window.removeEventListener('beforeprint', drawNow);
          draw();
        },
        { rootMargin: '400px 0px' },
      );
      seen.observe(box.current);
    }
    function drawNow() {
      seen?.disconnect();
      draw();
    }
    if (seen) window.addEventListener('beforeprint', drawNow);
    return () => {
      disposed = true;
      seen?.disconnect();
      window.removeEventListener('beforeprint', drawNow);
      observer?.disconnect();
      window.removeEventListener('beforeprint', onPrint);
      window.removeEventListener('afterprint', onPrint);
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [empty, svg]);

  const optionKey = JSON.stringify([spec.dataset.rows, spec.values, spec.kind, tokens.colorPrimary, tokens.colorText]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !ready) return;
    c.setOption(buildOption(spec, tokens), true);
    c.getDom().style.cursor = onItemClick ? 'pointer' : 'default';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, optionKey, !!onItemClick]);

  async function exportData() {
    await downloadXlsx(exportName, spec.dataset.columns, spec.dataset.rows);
    void message.success(w('exported', { name: exportName }));
  }

  return (
    <div className="zd-chart">
      <Space className="zd-chart-actions zd-no-print" size="small" style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 4 }}>
        {extra}
        <Button size="small" type="text" icon={<DownloadOutlined />} disabled={empty} onClick={() => void exportData()}>
          {w('export')}
        </Button>
      </Space>
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={w('empty')}
          style={{ height: height - 40, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}
        />
      ) : svg ? (
        <SvgChart spec={spec} tokens={tokens} height={height} onItemClick={onItemClick} ariaLabel={ariaLabel ?? exportName} title={onItemClick ? w('clickHint') : undefined} />
      ) : (
        <div style={{ position: 'relative' }}>
          {!ready && (
            <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <Spin size="small" />
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {w('loading')}
              </Typography.Text>
            </div>
          )}
          <div ref={box} role="img" aria-label={ariaLabel ?? exportName} title={onItemClick ? w('clickHint') : undefined} style={{ width: '100%', height }} />
        </div>
      )}
    </div>
  );
}
