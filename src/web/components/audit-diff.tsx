import { Table, Typography } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import { diffSnapshots, type FieldChange } from '../lib/diff-snapshots';
import { useLabels } from '../lib/use-labels';

/** Before → after, field by field, for one audit entry. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const labels = useLabels();
  const changes = diffSnapshots(before, after);

  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    if (typeof value === 'boolean') return t(value ? 'value.true' : 'value.false');
    if (Array.isArray(value)) return value.map(String).join('、') || t('common.none');
    if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
    return String(value);
  };

  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noFieldChanges')}</Typography.Text>;
  return (
    <Table<FieldChange>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={changes}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: '24%', render: (field: string) => labels.field(field) },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (value: unknown) => <span style={{ color: '#cf1322', textDecoration: value == null ? undefined : 'line-through' }}>{show(value)}</span>,
        },
        { title: t('audit.after'), dataIndex: 'after', render: (value: unknown) => <span style={{ color: '#389e0d' }}>{show(value)}</span> },
      ]}
    />
  );
}
