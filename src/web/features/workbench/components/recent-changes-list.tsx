import { Empty, Tag, Typography } from 'antd';
import type { AuditEntry } from '../../../../contract/audit.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useLabels } from '../../../lib/use-labels';

/** The record's own name when the audit snapshot carries one, so a change reads "修改开发区 · 汾东经济技术开发区". */
function recordName(entry: AuditEntry): string | null {
  const snapshot = (entry.after ?? entry.before) as Record<string, unknown> | null;
  const name = snapshot?.name ?? snapshot?.displayName ?? snapshot?.username;
  return typeof name === 'string' ? name : null;
}

export function RecentChangesList({ entries }: { entries: AuditEntry[] }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noChanges')} />;
  return (
    <ul aria-label={t('workbench.recentChanges')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => (
        <li key={entry.id} style={{ display: 'flex', gap: 12, alignItems: 'baseline', padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Tag color="blue" style={{ flex: 'none' }}>
            {labels.action(entry.action)}
          </Tag>
          <span style={{ flex: 1, minWidth: 0 }}>
            {recordName(entry) ?? labels.entity(entry.entityType)}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {entry.actorName}
            </Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {formatDateTime(entry.at, locale)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
