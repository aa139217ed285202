import { Alert, Drawer, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import { formatDateTime } from '../lib/format-date-time';
import { useLabels } from '../lib/use-labels';
import { AuditDiff } from './audit-diff';
import { useRecordHistory } from './use-record-history';

export interface RecordHistoryTarget {
  entityType: 'zone' | 'park' | 'department' | 'user';
  entityId: string;
  name: string;
}

/** 历史记录: who changed one record, when, and what each change did to its fields. */
export function RecordHistoryDrawer({ target, onClose }: { target: RecordHistoryTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const history = useRecordHistory(target?.entityType ?? '', target?.entityId ?? null);

  const body = () => {
    if (history.isPending) return <Skeleton active />;
    if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
    if (history.data.items.length === 0) return <Empty description={t('audit.noHistory')} />;
    return (
      <Timeline
        items={history.data.items.map((entry) => ({
          key: entry.id,
          content: (
            <div data-testid="history-entry">
              <Space style={{ marginBottom: 8 }} wrap>
                <Tag color="blue">{labels.action(entry.action)}</Tag>
                <Typography.Text>{entry.actorName}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(entry.at, locale)}</Typography.Text>
              </Space>
              {(entry.before != null || entry.after != null) && <AuditDiff before={entry.before} after={entry.after} />}
            </div>
          ),
        }))}
      />
    );
  };

  return (
    <Drawer open={Boolean(target)} onClose={onClose} size={640} title={target ? t('audit.historyTitle', { name: target.name }) : ''} destroyOnHidden>
      {target && body()}
    </Drawer>
  );
}
