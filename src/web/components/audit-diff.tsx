import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../contract/audit.ts';
import { useI18n } from '../i18n/use-i18n';
import { auditChanges, type ChangeLine } from '../lib/audit-format';

/** Before → after, field by field, for one audit entry: labels, 万元/亿元, dates, names; lists item by item. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useI18n();
  const changes = auditChanges(entry, locale);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noFieldChanges')}</Typography.Text>;
  return (
    <div data-testid="audit-diff">
      <Table<ChangeLine>
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={changes}
        columns={[
          { title: t('audit.field'), dataIndex: 'label', width: '24%' },
          {
            title: t('audit.before'),
            key: 'before',
            render: (_, c) =>
              c.kind === 'list' ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {c.items.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              ) : c.before === null ? (
                none
              ) : (
                <span style={{ color: '#cf1322', textDecoration: 'line-through' }}>{c.before}</span>
              ),
            onCell: (c) => (c.kind === 'list' ? { colSpan: 2 } : {}),
          },
          {
            title: t('audit.after'),
            key: 'after',
            render: (_, c) => (c.after === null ? none : <span style={{ color: '#389e0d' }}>{c.after}</span>),
            onCell: (c) => (c.kind === 'list' ? { colSpan: 0 } : {}),
          },
        ]}
      />
    </div>
  );
}
