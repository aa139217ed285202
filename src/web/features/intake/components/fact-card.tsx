import type { ReactNode } from 'react';
import { Button, Card, Col, Input, InputNumber, Row, Select, Space, Tag, Typography, theme } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { leadStages, projectStages } from '../../../../contract/intake.ts';
import { stageLabels } from '../../../../contract/pipeline-enums.ts';
import type { MessageKey } from '../../../i18n/zh-cn';
import { useI18n } from '../../../i18n/use-i18n';
import type { FactItem, LeadItem, ProjectItem } from './fact-items';
import { projectStages as allStages, stageGates } from '../../../../contract/projects.ts';

const gateField: Record<string, string> = { signedOn: 'signed_on', landOn: 'land_on', completedOn: 'completed_on', productionOn: 'production_on', fullProductionOn: 'full_production_on' };

/** The date fields a project stage needs up to it (startOn is the 开工时间 field already shown). */
function projectGateFields(stage: string | undefined): string[] {
  if (!stage) return [];
  const upTo = allStages.slice(0, allStages.indexOf(stage as (typeof allStages)[number]) + 1);
  return [...new Set(upTo.flatMap((s) => stageGates[s]).map((g) => gateField[g]).filter(Boolean))];
}

type Values = Record<string, unknown>;

function Field(props: { id: string; label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Col xs={24} md={props.wide ? 24 : 12}>
      <label htmlFor={props.id} style={{ display: 'block', fontSize: 12, opacity: 0.65, marginBottom: 2 }}>
        {props.label}
      </label>
      {props.children}
    </Col>
  );
}

/** One fact read from the text: its fields editable (amounts in 万元), accepted or dropped. */
export function FactCard(props: {
  item: ProjectItem | LeadItem;
  active: boolean;
  onChange: (values: FactItem['values']) => void;
  onToggle: () => void;
  onSelect: () => void;
  onHover: (on: boolean) => void;
}) {
  const { t, tryT, locale } = useI18n();
  const { token } = theme.useToken();
  const { item } = props;
  const v = item.values as Values;
  const set = (field: string, value: unknown) => {
    const next: Values = { ...v };
    if (value === null || value === undefined || value === '') delete next[field];
    else next[field] = value;
    props.onChange(next as FactItem['values']);
  };
  const id = (field: string) => `intake-${item.key}-${field}`;
  const label = (field: string) => t(`intake.field.${field}` as MessageKey);
  const text = (field: string, wide = false) => (
    <Field key={field} id={id(field)} label={label(field)} wide={wide}>
      <Input
        id={id(field)}
        size="small"
        value={(v[field] as string | undefined) ?? ''}
        onChange={(e) => set(field, e.target.value)}
        disabled={!item.accepted}
      />
    </Field>
  );
  const amount = (field: string, labelKey = field, unit: string | null = t('intake.unit.wan')) => (
    <Field key={field} id={id(field)} label={label(labelKey)}>
      <InputNumber
        id={id(field)}
        size="small"
        style={{ width: '100%' }}
        min={0}
        value={(v[field] as number | undefined) ?? null}
        suffix={unit ?? undefined}
        onChange={(n) => set(field, n ?? undefined)}
        disabled={!item.accepted}
      />
    </Field>
  );
  const stage = (options: { value: string; label: string }[]) => (
    <Field key="stage" id={id('stage')} label={label('stage')}>
      <Select
        id={id('stage')}
        size="small"
        style={{ width: '100%' }}
        allowClear
        value={(v.stage as string | undefined) ?? undefined}
        onChange={(s) => set('stage', s)}
        options={options}
        disabled={!item.accepted}
      />
    </Field>
  );
  const readOnly = (pairs: [string, unknown][]) =>
    pairs
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([field, value]) => (
        <Tag key={field}>
          {label(field)}：{String(value)}
        </Tag>
      ));

  const project = item.kind === 'project' ? (item as ProjectItem) : null;
  const lead = item.kind === 'lead' ? (item as LeadItem) : null;
  const name = project ? project.values.name : lead!.values.project_name || lead!.values.enterprise;

  return (
    <Card
      size="small"
      data-testid="fact-card"
      data-fact-key={item.key}
      id={`intake-fact-${item.key}`}
      onMouseEnter={() => props.onHover(true)}
      onMouseLeave={() => props.onHover(false)}
      style={{
        borderColor: props.active ? token.colorWarning : undefined,
        boxShadow: props.active ? `0 0 0 2px ${token.colorWarningBg}` : undefined,
        opacity: item.accepted ? 1 : 0.55,
      }}
      title={
        <Space size={6}>
          <Tag color={project ? 'blue' : 'purple'}>{t(project ? 'intake.kind.project' : 'intake.kind.lead')}</Tag>
          <Typography.Link onClick={props.onSelect}>{name}</Typography.Link>
        </Space>
      }
      extra={
        item.accepted ? (
          <Button size="small" icon={<CloseOutlined />} onClick={props.onToggle}>
            {t('intake.drop')}
          </Button>
        ) : (
          <Space>
            <Tag>{t('intake.dropped')}</Tag>
            <Button size="small" icon={<CheckOutlined />} onClick={props.onToggle}>
              {t('intake.accept')}
            </Button>
          </Space>
        )
      }
    >
      <Row gutter={[12, 8]}>
        {project && [
          text('name', true),
          text('investor'),
          text('investor_credit_code'),
          amount('total_investment_wan'),
          amount('land_mu', 'landMu', null),
          amount('output_value_wan', 'expectedOutput'),
          amount('tax_wan', 'expectedTax'),
          text('started'),
          text('planned_start'),
          stage(projectStages.map((s) => ({ value: s, label: tryT(`intake.projectStage.${s}`) ?? s }))),
          // The gate dates the stage needs (签约日期, 供地日期 …): asked here, so the stage is written as read.
          ...projectGateFields(project.values.stage).map((f) => text(f)),
          amount('phase1_investment_wan'),
        ]}
        {lead && [
          text('enterprise', true),
          text('enterprise_credit_code'),
          text('project_name'),
          amount('planned_investment_wan', 'plannedInvestment'),
          stage(leadStages.map((s) => ({ value: s, label: stageLabels[s][locale === 'en-US' ? 1 : 0] }))),
          text('next_step', true),
          text('next_step_date'),
        ]}
      </Row>
      <div style={{ marginTop: 8 }}>
        {project &&
          readOnly([
            ['invested_to_date_wan', project.values.invested_to_date_wan],
            ['percent_complete', project.values.percent_complete === undefined ? undefined : `${project.values.percent_complete}%`],
            ['planned_production', project.values.planned_production],
            ['capacity', project.values.capacity ? `${project.values.capacity.value}${project.values.capacity.unit}` : undefined],
            ['floorAreaM2', project.values.area_m2],
          ])}
        {lead &&
          readOnly([
            ['phase1_investment_wan', lead.values.phase1_investment_wan],
            ['signed', lead.values.signed],
            ['planned_start', lead.values.planned_start],
            ['planned_production', lead.values.planned_production],
          ])}
        {[...(project?.read?.inexact ?? []), ...(lead?.read?.inexact ?? [])].map((x) => (
          <Tag key={x.span[0]} color="orange">
            {t(`intake.qualifier.${x.kind}` as MessageKey)}：{x.written}
          </Tag>
        ))}
        {project?.read?.issues?.map((issue) => (
          <Typography.Paragraph key={issue.span[0]} type="warning" style={{ margin: '6px 0 0', fontSize: 12 }}>
            {t('intake.issues')}［{issue.category}］{issue.text}
          </Typography.Paragraph>
        ))}
      </div>
    </Card>
  );
}
