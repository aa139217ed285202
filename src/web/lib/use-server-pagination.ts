import type { Dispatch, SetStateAction } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../i18n/use-i18n';

/**
 * A Table's pager over a list the server pages: page and size live in the page's query params
 * (so a change refetches), the total comes from the answer.
 */
export function useServerPagination<P extends { page: number; pageSize: number }>(
  params: P,
  setParams: Dispatch<SetStateAction<P>>,
  total: number | undefined,
): TablePaginationConfig {
  const { t } = useI18n();
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
  };
}
