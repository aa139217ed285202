import { Alert, Drawer, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { AuditEntityType } from '../../contract/audit-labels.ts';
import { useI18n } from '../i18n/use-i18n';
import { describeAuditEntry } from '../lib/audit-format';
import { formatDateTime } from '../lib/format-date-time';
import { AuditDiff } from './audit-diff';
import { useRecordHistory } from './use-record-history';

export interface RecordHistoryTarget {
  entityType: AuditEntityType;
  entityId: string;
  name: string;
}

/** 历史记录: who changed one record, when, in a sentence, and what each change did to its fields. */
export function RecordHistoryDrawer({ target, onClose }: { target: RecordHistoryTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const history = useRecordHistory(target?.entityType ?? '', target?.entityId ?? null);

  const body = () => {
    if (history.isPending) return <Skeleton active />;
    if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
    if (history.data.items.length === 0) return <Empty description={t('audit.noHistory')} />;
    return (
      <Timeline
        items={history.data.items.map((entry) => {
          const d = describeAuditEntry(entry, locale);
          return {
            key: entry.id,
            content: (
              <div data-testid="history-entry">
                <Space style={{ marginBottom: 4 }} wrap>
                  <Tag color="blue">{d.action}</Tag>
                  <Typography.Text strong>{d.actor}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(entry.at, locale)}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ marginBottom: 8 }}>{d.sentence}</Typography.Paragraph>
                {d.changes.length > 1 && <AuditDiff entry={entry} />}
              </div>
            ),
          };
        })}
      />
    );
  };

  return (
    <Drawer open={Boolean(target)} onClose={onClose} size={640} title={target ? t('audit.historyTitle', { name: target.name }) : ''} destroyOnHidden>
      {target && body()}
    </Drawer>
  );
}
