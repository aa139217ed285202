import { Empty, Tag, Typography } from 'antd';
import type { AuditEntry } from '../../../../contract/audit.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { describeAuditEntry } from '../../../lib/audit-format';
import { formatDateTime } from '../../../lib/format-date-time';

/** 最近变更: each change as one sentence, "李婷 修改了 项目「XX」：总投资 由 1.2亿元 改为 1.4亿元". */
export function RecentChangesList({ entries }: { entries: AuditEntry[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noChanges')} />;
  return (
    <ul aria-label={t('workbench.recentChanges')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        const d = describeAuditEntry(entry, locale, 3);
        return (
          <li key={entry.id} style={{ display: 'flex', gap: 12, alignItems: 'baseline', padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Tag color="blue" style={{ flex: 'none' }}>
              {d.action}
            </Tag>
            <Typography.Paragraph style={{ flex: 1, minWidth: 0, margin: 0 }} ellipsis={{ rows: 2, tooltip: d.sentence }}>
              {d.sentence}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
              {formatDateTime(entry.at, locale)}
            </Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}
