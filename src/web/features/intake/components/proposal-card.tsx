import { Alert, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import type { IntakeChange, IntakeField, IntakeProposal } from '../../../../contract/intake.ts';
import { fromYuan } from '../../../../contract/money.ts';
import { stageLabels } from '../../../../contract/pipeline-enums.ts';
import type { MessageKey } from '../../../i18n/zh-cn';
import { useI18n } from '../../../i18n/use-i18n';

export interface ProposalDecision {
  confirmed: boolean;
  /** For an update: the diff rows kept. */
  fields: IntakeField[];
}

const actionColor = { create: 'green', update: 'orange', none: 'default' } as const;

/** One proposal: a new draft with its values, or an update as a diff table (current → proposed), to confirm. */
export function ProposalCard(props: { proposal: IntakeProposal; decision: ProposalDecision; onChange: (d: ProposalDecision) => void }) {
  const { t, tryT, locale } = useI18n();
  const { proposal: p, decision } = props;

  /** A stage key (the projects' or the leads' vocabulary) as its label. */
  const stageLabel = (value: string | number) =>
    p.kind === 'lead'
      ? (stageLabels[value as keyof typeof stageLabels]?.[locale === 'en-US' ? 1 : 0] ?? String(value))
      : (tryT(`intake.projectStage.${value}`) ?? String(value));
  const show = (c: IntakeChange, value: string | number | null) => {
    if (value === null || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
    if (c.kind === 'money') return `${fromYuan(Number(value), 'wan')} ${t('intake.unit.wan')}`;
    if (c.kind === 'stage') return stageLabel(value);
    return String(value);
  };
  const toggleField = (field: IntakeField, on: boolean) =>
    props.onChange({ ...decision, fields: on ? [...decision.fields, field] : decision.fields.filter((f) => f !== field) });

  const columns = [
    { title: t('intake.col.field'), dataIndex: 'field', width: 160, render: (f: string) => tryT(`intake.field.${f}`) ?? f },
    ...(p.action === 'update' ? [{ title: t('intake.col.current'), key: 'current', render: (c: IntakeChange) => show(c, c.current) }] : []),
    { title: t('intake.col.proposed'), key: 'proposed', render: (c: IntakeChange) => <Typography.Text strong>{show(c, c.proposed)}</Typography.Text> },
    ...(p.action === 'update'
      ? [
          {
            title: t('intake.col.apply'),
            key: 'apply',
            width: 80,
            render: (c: IntakeChange) => (
              <Checkbox
                aria-label={`${t('intake.col.apply')} ${c.field}`}
                checked={decision.fields.includes(c.field)}
                disabled={!decision.confirmed}
                onChange={(e) => toggleField(c.field, e.target.checked)}
              />
            ),
          },
        ]
      : []),
  ];

  const how = (m: string | null | undefined) => (m ? (tryT(`intake.matchedBy.${m}`) ?? m) : '');
  return (
    <Card
      size="small"
      data-testid="proposal-card"
      title={
        <Space size={6} wrap>
          <Tag color={p.kind === 'project' ? 'blue' : 'purple'}>{t(p.kind === 'project' ? 'intake.kind.project' : 'intake.kind.lead')}</Tag>
          <span>{p.name}</span>
          <Tag color={actionColor[p.action]}>{t(`intake.action.${p.action}`)}</Tag>
        </Space>
      }
      extra={
        p.action !== 'none' && (
          <Checkbox checked={decision.confirmed} onChange={(e) => props.onChange({ ...decision, confirmed: e.target.checked })}>
            {t('intake.confirm')}
          </Checkbox>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {p.target && (
          <Typography.Text type="secondary">
            {t('intake.matchedTo', { name: p.target.name })}（{how(p.target.matchedBy)}）
          </Typography.Text>
        )}
        {p.enterprise && (
          <Typography.Text type="secondary">
            {p.enterprise.id
              ? t('intake.enterpriseFound', { name: p.enterprise.name, how: how(p.enterprise.matchedBy) })
              : t('intake.enterpriseNew', { name: p.enterprise.name })}
          </Typography.Text>
        )}
        {p.changes.length > 0 && <Table size="small" pagination={false} rowKey="field" columns={columns} dataSource={p.changes} />}
        {p.notes.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t('intake.notesTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {p.notes.map((n) => (
                  <li key={`${n.field}-${n.reason}`}>
                    {t(`intake.note.${n.reason}` as MessageKey, {
                      field: tryT(`intake.field.${n.field}`) ?? n.field,
                      value: n.field === 'stage' && n.value ? stageLabel(n.value) : (n.value ?? ''),
                    })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Card>
  );
}
