import { useCallback } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, List, Space, Tag, Typography } from 'antd';
import type { LeadDuplicate } from '../../../../contract/leads.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useMergeLead } from '../api/merge-lead';
import { pipelineLabels } from './labels';

/**
 * The duplicate-lead warning: the existing leads a lead being written may duplicate, each with a
 * link to open it and, where the caller offers one, a merge action.
 */
export function DuplicateLeadsAlert({
  duplicates,
  action,
}: {
  duplicates: LeadDuplicate[];
  /** A merge button per existing lead (its label and what it does). */
  action?: { label: string; onClick: (d: LeadDuplicate) => void; loading?: boolean };
}) {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  if (!duplicates.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="lead-duplicate-warning"
      style={{ marginBottom: 16 }}
      message={t('leads.dup.title')}
      description={
        <List
          size="small"
          dataSource={duplicates}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Link key="open" to={`/leads/${d.id}`} data-testid="lead-duplicate-open">
                  {t('leads.dup.open')}
                </Link>,
                ...(action && !d.projectId
                  ? [
                      <Button key="merge" size="small" onClick={() => action.onClick(d)} loading={action.loading} data-testid="lead-duplicate-merge">
                        {action.label}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <Space wrap size={4}>
                <Typography.Text strong>{d.name}</Typography.Text>
                <Tag>{d.code}</Tag>
                {d.enterpriseName && <Typography.Text type="secondary">{d.enterpriseName}</Typography.Text>}
                <Tag color="blue">{labels.stage(d.stage)}</Tag>
                <Tag color="orange">{t(`leads.dup.match.${d.match}` as never)}</Tag>
                {d.signedYuan > 0 && (
                  <Typography.Text type="secondary">
                    {t('leads.signedTotal')} {formatMoney(d.signedYuan, locale)}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

/**
 * Merges `duplicate` into `kept` after the person confirms; when both carry a first investment
 * agreement the server asks to confirm the later one is a re-signing, and so does this.
 */
export function useMergeFlow() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const merge = useMergeLead();
  const onError = useApiErrorHandler();
  const run = useCallback(
    (kept: { id: string; version: number; code: string }, duplicate: { id: string; version: number; code: string; name: string }, onDone?: () => void) => {
      const attempt = async (confirmReSigning: boolean) => {
        try {
          await merge.mutateAsync({ id: kept.id, duplicateId: duplicate.id, version: kept.version, duplicateVersion: duplicate.version, confirmReSigning });
          message.success(t('leads.merge.done', { code: duplicate.code }));
          onDone?.();
        } catch (error) {
          if (!confirmReSigning && isApiError(error) && error.fields.some((f) => f.field === 'confirmReSigning')) {
            modal.confirm({
              title: t('leads.merge.reSigningTitle'),
              content: error.fields.find((f) => f.field === 'confirmReSigning')?.reason,
              okText: t('leads.merge.reSigningOk'),
              cancelText: t('common.cancel'),
              onOk: () => attempt(true),
            });
            return;
          }
          onError(error);
        }
      };
      modal.confirm({
        title: t('leads.merge.title'),
        content: t('leads.merge.confirm', { code: duplicate.code, name: duplicate.name, kept: kept.code }),
        okText: t('leads.merge.ok'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'lead-merge-ok' } as never,
        onOk: () => attempt(false),
      });
    },
    [merge, message, modal, onError, t],
  );
  return { run, pending: merge.isPending };
}
