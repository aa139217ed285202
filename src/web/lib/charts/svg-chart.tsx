import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { clickTarget, type ChartClick, type ChartSpec, type ChartTokens } from './option';
import { svgLayout, tooltipLines } from './svg-layout';

export interface SvgChartProps {
  spec: ChartSpec;
  tokens: ChartTokens;
  height: number;
  onItemClick?: (target: ChartClick) => void;
  ariaLabel: string;
  title?: string;
}

/**
 * A chart drawn as SVG by React (svg-layout.ts): no chart library, so a page of them (the 驾驶舱)
 * costs a few kB. Hovering a category shows its values; a click hands back the dataset row (and
 * the clicked series' column), as the ECharts chart does.
 */
export function SvgChart({ spec, tokens: t, height, onItemClick, ariaLabel, title }: SvgChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [tip, setTip] = useState<{ x: number; y: number; row: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const layout = width > 0 ? svgLayout(spec, t, width, height) : null;
  const click = (row: number, series = 0) => {
    const target = clickTarget(spec, { dataIndex: row, seriesIndex: series });
    if (target && onItemClick) onItemClick(target);
  };
  const hover = (row: number) => (e: MouseEvent) => {
    const r = box.current?.getBoundingClientRect();
    if (r) setTip({ x: e.clientX - r.left, y: e.clientY - r.top, row });
  };
  const small = t.fontSize - 2;
  const text = { fill: t.colorTextSecondary, fontSize: small, fontFamily: t.fontFamily };
  const cursor = onItemClick ? 'pointer' : 'default';

  return (
    <div ref={box} role="img" aria-label={ariaLabel} title={title} style={{ width: '100%', height, position: 'relative' }} onMouseLeave={() => setTip(null)}>
      {layout && (
        <svg className="zd-chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ display: 'block', cursor }}>
          {layout.plot && (
            <g>
              {layout.leftTicks.map((tick, i) => (
                <g key={`l${i}`}>
                  <line x1={layout.plot!.left} x2={layout.plot!.right} y1={tick.at} y2={tick.at} stroke={t.colorBorderSecondary} />
                  <text x={layout.plot!.left - 6} y={tick.at} textAnchor="end" dominantBaseline="middle" {...text}>
                    {tick.text}
                  </text>
                </g>
              ))}
              {layout.rightTicks.map((tick, i) => (
                <text key={`r${i}`} x={layout.plot!.right + 6} y={tick.at} dominantBaseline="middle" {...text}>
                  {tick.text}
                </text>
              ))}
              {layout.bands.map((b, i) => {
                // Labels thinned so they do not overlap (about 7 px a character).
                const every = Math.max(1, Math.ceil((Math.max(...layout.bands.map((x) => x.label.length)) * small * 0.9) / Math.max(1, b.to - b.from)));
                return i % every === 0 ? (
                  <text key={`c${i}`} x={b.centre} y={layout.plot!.bottom + 14} textAnchor="middle" {...text}>
                    {b.label}
                  </text>
                ) : null;
              })}
            </g>
          )}
          {layout.plot &&
            layout.bands.map((b) => (
              <rect
                key={`band${b.row}`}
                x={b.from}
                y={layout.plot!.top}
                width={b.to - b.from}
                height={layout.plot!.bottom - layout.plot!.top}
                fill={tip?.row === b.row ? t.colorBorderSecondary : 'transparent'}
                fillOpacity={0.35}
                onMouseMove={hover(b.row)}
                onClick={() => click(b.row)}
              />
            ))}
          {layout.shapes.map((s, i) => {
            if (s.kind === 'bar')
              return <rect key={i} x={s.x} y={s.y} width={s.width} height={s.height} fill={s.color} onMouseMove={hover(s.row)} onClick={() => click(s.row, s.series)} />;
            if (s.kind === 'line')
              return (
                <g key={i}>
                  <polyline points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={s.color} strokeWidth={2} pointerEvents="none" />
                  {s.points.map((p) => (
                    <circle key={p.row} cx={p.x} cy={p.y} r={3} fill={t.colorBgElevated} stroke={s.color} strokeWidth={2} onMouseMove={hover(p.row)} onClick={() => click(p.row, s.series)} />
                  ))}
                </g>
              );
            if (s.kind === 'arc')
              return (
                <g key={i} onMouseMove={hover(s.row)} onClick={() => click(s.row)}>
                  <path d={s.d} fill={s.color} stroke={t.colorBgElevated} />
                  <text x={s.label.x} y={s.label.y} textAnchor={s.label.anchor} dominantBaseline="middle" fill={t.colorText} fontSize={small} fontFamily={t.fontFamily}>
                    {s.label.text}
                  </text>
                </g>
              );
            return (
              <g key={i} onMouseMove={hover(s.row)} onClick={() => click(s.row)}>
                <path d={s.d} fill={s.color} stroke={t.colorBgElevated} />
                <text x={s.label.x} y={s.label.y} textAnchor="middle" dominantBaseline="middle" fill="#fff" fontSize={small} fontFamily={t.fontFamily}>
                  {s.label.text}
                </text>
              </g>
            );
          })}
          {layout.legend.length > 0 && (
            <g transform={`translate(0 ${height - 8})`}>
              {(() => {
                let x = 0;
                const items = layout.legend.map((l, i) => {
                  const at = x;
                  x += 18 + l.text.length * small + 12;
                  return (
                    <g key={i} transform={`translate(${at} 0)`}>
                      <rect x={0} y={-9} width={12} height={8} rx={2} fill={l.color} />
                      <text x={16} y={-5} dominantBaseline="middle" {...text}>
                        {l.text}
                      </text>
                    </g>
                  );
                });
                return <g transform={`translate(${Math.max(0, (width - x) / 2)} 0)`}>{items}</g>;
              })()}
            </g>
          )}
        </svg>
      )}
      {layout && tip && (
        <div
          className="zd-chart-tooltip"
          style={{
            position: 'absolute',
            left: Math.min(tip.x + 12, Math.max(0, width - 180)),
            top: Math.max(0, tip.y - 12),
            pointerEvents: 'none',
            background: t.colorBgElevated,
            border: `1px solid ${t.colorBorderSecondary}`,
            borderRadius: 4,
            padding: '4px 8px',
            fontSize: t.fontSize - 1,
            color: t.colorText,
            boxShadow: '0 2px 8px rgba(0,0,0,0.15)',
            whiteSpace: 'nowrap',
            zIndex: 2,
          }}
        >
          {tooltipLines(spec, tip.row).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
