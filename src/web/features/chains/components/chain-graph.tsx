import { useEffect, useRef } from 'react';
import type { ChainLink } from '../../../../contract/chains.ts';
import { layoutChain } from './layout';

export const strengthColours = { strong: '#52c41a', weak: '#faad14', gap: '#ff4d4f' } as const;

export interface ChainGraphProps {
  links: ChainLink[];
  selectedId: string | null;
  onSelect: (linkId: string) => void;
  /** Words drawn on the canvas (the chart cannot read the catalogues). */
  words: { gap: string; weak: string; strong: string; enterprises: string; leader: string };
}

/**
 * The chain drawn as a graph (ECharts, loaded on first use): links coloured by strength, gaps with a
 * dashed red outline, links with a 链主 in a gold frame with its name; a click selects a link.
 */
export function ChainGraph({ links, selectedId, onSelect, words }: ChainGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption: (o: unknown, notMerge?: boolean) => void;
    resize: () => void;
    dispose: () => void;
    on: (e: string, f: (p: any) => void) => void;
  } | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const pos = layoutChain(links);
  const rows = Math.max(1, ...[...pos.values()].map((p) => p.y + 1));
  const height = Math.max(220, rows * 76 + 40);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./chain-echarts').then(({ init }) => {
      if (disposed || !box.current) return;
      const c = init(box.current) as unknown as NonNullable<typeof chart.current>;
      chart.current = c;
      c.on('click', (p: { dataType?: string; data?: { id?: string } }) => {
        if (p.dataType === 'node' && p.data?.id) select.current(p.data.id);
      });
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      draw();
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  function draw() {
    const c = chart.current;
    if (!c) return;
    const data = links.map((l) => {
      const p = pos.get(l.id) ?? { x: 0, y: 0 };
      const colour = strengthColours[l.strength];
      const leader = l.leaders[0]?.name;
      return {
        id: l.id,
        name: l.name,
        x: p.x * 230,
        y: p.y * 76,
        symbol: 'roundRect',
        symbolSize: [170, 52],
        itemStyle: {
          color: l.strength === 'gap' ? '#fff1f0' : colour,
          borderColor: leader ? '#d4a017' : l.strength === 'gap' ? colour : '#ffffff',
          borderWidth: leader ? 4 : l.strength === 'gap' ? 2 : 1,
          borderType: l.strength === 'gap' ? 'dashed' : 'solid',
          shadowBlur: l.id === selectedId ? 12 : 0,
          shadowColor: '#1677ff',
        },
        label: {
          show: true,
          color: l.strength === 'gap' ? colour : '#ffffff',
          fontSize: 12,
          lineHeight: 16,
          formatter: `{b|${l.name.length > 11 ? `${l.name.slice(0, 10)}…` : l.name}}\n${l.strength === 'gap' ? words.gap : leader ? `★ ${leader.slice(0, 9)}` : `${l.enterpriseCount} ${words.enterprises}`}`,
          rich: { b: { fontWeight: 'bold', fontSize: 13 } },
        },
        tooltip: {
          formatter: `${l.name}<br/>${words[l.strength]} · ${l.enterpriseCount} ${words.enterprises}${leader ? `<br/>${words.leader}：${l.leaders.map((x) => x.name).join('、')}` : ''}`,
        },
      };
    });
    const edges = links.filter((l) => l.parentLinkId && pos.has(l.parentLinkId)).map((l) => ({ source: l.parentLinkId!, target: l.id }));
    c.setOption(
      {
        tooltip: { confine: true },
        animation: false,
        series: [
          {
            type: 'graph',
            layout: 'none',
            roam: true,
            data,
            edges,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 9,
            lineStyle: { color: '#8c8c8c', width: 1.5, curveness: 0.15 },
            emphasis: { focus: 'adjacency' },
          },
        ],
      },
      true,
    );
  }
  useEffect(draw);

  return <div ref={box} data-testid="chain-graph" style={{ width: '100%', height, minHeight: 220 }} />;
}
