import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import type { BatchRejection } from '../../contract/batch.ts';
import type { Translate } from '../i18n/i18n-context';
import { useI18n } from '../i18n/use-i18n';
import { isApiError } from '../lib/api-error';

/**
 * The bar over a list with selected rows: 已选 N 条, the list's batch actions, 取消选择. Hidden when
 * nothing is selected.
 */
export function BatchBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Flex
      role="toolbar"
      aria-label={t('common.selected', { count })}
      wrap
      gap={8}
      align="center"
      style={{ marginBottom: 12, padding: '8px 12px', background: 'rgba(22, 119, 255, 0.06)', borderRadius: 6 }}
    >
      <Typography.Text strong>{t('common.selected', { count })}</Typography.Text>
      {children}
      <Button type="link" onClick={onClear}>
        {t('common.clearSelection')}
      </Button>
    </Flex>
  );
}

/**
 * The message of a refused batch: BATCH_REFUSED names each refused row (by `labelOf`, with the
 * server's reason in the reader's language); other errors say their own message.
 */
export function batchErrorText(error: unknown, t: Translate, labelOf: (id: string) => string): string {
  if (!isApiError(error) || error.code !== 'BATCH_REFUSED') return error instanceof Error ? error.message : String(error);
  const rejected = (error.details.rejected as BatchRejection[] | undefined) ?? [];
  const rows = rejected
    .slice(0, 5)
    .map((r, i) => `${labelOf(r.id)}（${error.fields[i]?.reason ?? r.reason}）`)
    .join('；');
  return t('common.batchRefused', { count: rejected.length, rows: rejected.length > 5 ? `${rows}……` : rows });
}
