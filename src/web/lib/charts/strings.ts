/** The chart's own words, zh-CN first. */
const zh = {
  export: '导出数据',
  exported: '已导出 {name}.xlsx',
  loading: '图表加载中…',
  empty: '暂无数据',
  clickHint: '点击图形查看对应记录',
};
const en: typeof zh = {
  export: 'Export data',
  exported: 'Exported {name}.xlsx',
  loading: 'Loading chart…',
  empty: 'No data',
  clickHint: 'Click a shape to see its records',
};

export type ChartKey = keyof typeof zh;

export function chartText(locale: string, key: ChartKey, vars: Record<string, string | number> = {}): string {
  const text = (locale === 'en-US' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
