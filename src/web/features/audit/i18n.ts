import { useCallback } from 'react';
import { useI18n } from '../../i18n/use-i18n';

/** The audit views' own strings (the shell catalog keeps the page title and column headers). */
const zh = {
  sentence: '说明',
  details: '字段明细',
  items: '明细',
  created: '新记录',
  allTypes: '全部对象',
  export: '导出当前筛选',
};
const en: Record<keyof typeof zh, string> = {
  sentence: 'What happened',
  details: 'Field by field',
  items: 'Items',
  created: 'New record',
  allTypes: 'All records',
  export: 'Export as filtered',
};
export type AuditTextKey = keyof typeof zh;

export function useAuditText() {
  const { locale } = useI18n();
  return useCallback((key: AuditTextKey) => (locale === 'en-US' ? en : zh)[key], [locale]);
}
