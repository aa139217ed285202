import { Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { formatMoney, fromYuan } from '../../../../contract/money.ts';
import { programmeKinds, programmeLevels } from '../../../../contract/services/enums.ts';
import type { Programme } from '../../../../contract/services/funding.ts';
import { programmeKindLabels, programmeLevelLabels } from '../../../../contract/services/labels.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateProgramme } from '../api/create-programme';
import { useProgrammes } from '../api/list-programmes';
import { useUpdateProgramme } from '../api/update-programme';
import { labelOf } from './labels';
import { DateField } from '../../../components/date-field';

interface Values {
  year: number;
  level: Programme['level'];
  kind: Programme['kind'];
  department: string;
  name: string;
  policyDocument?: string;
  opensOn?: string;
  deadlineOn?: string;
  conditions?: string;
  typicalAmountWan?: number | null;
  remindDays?: number;
}

/** 资金项目: the programmes a zone may apply to, with their window; add and edit. */
export function ProgrammesTab({ zoneId }: { zoneId: string | null }) {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const programmes = useProgrammes(zoneId);
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const manage = hasPermission('funding.manage');
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<Programme, Values>
      rows={programmes.data}
      loading={programmes.isLoading}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('funding.newProgramme')}
      editLabel={() => t('funding.editProgramme')}
      newTestId="funding-new-programme"
      formName="programme-form"
      drawerWidth={640}
      saving={create.isPending || update.isPending}
      onReload={() => programmes.refetch()}
      initialValues={(editing) =>
        editing === 'new'
          ? { year: Number(chinaToday().slice(0, 4)), level: 'province', kind: 'tech_upgrade', remindDays: 7 }
          : {
              ...editing,
              policyDocument: editing.policyDocument ?? undefined,
              opensOn: editing.opensOn ?? undefined,
              deadlineOn: editing.deadlineOn ?? undefined,
              conditions: editing.conditions ?? undefined,
              typicalAmountWan: editing.typicalAmountYuan == null ? null : Number(fromYuan(editing.typicalAmountYuan, 'wan')),
            }
      }
      save={(v, editing) => {
        const body = {
          ...v,
          policyDocument: v.policyDocument || null,
          opensOn: v.opensOn || null,
          deadlineOn: v.deadlineOn || null,
          conditions: v.conditions || null,
        };
        return editing === 'new' ? create.mutateAsync({ zoneId: zoneId!, ...body }) : update.mutateAsync({ id: editing.id, version: editing.version, ...body });
      }}
      columns={(edit) => [
        { title: t('funding.programme'), dataIndex: 'name', render: (v: string, p) => (manage ? <a onClick={() => edit(p)}>{v}</a> : v) },
        { title: t('funding.year'), dataIndex: 'year', width: 64 },
        { title: t('funding.level'), dataIndex: 'level', width: 80, render: (v: Programme['level']) => labelOf(programmeLevelLabels[v], locale) },
        { title: t('funding.kind'), dataIndex: 'kind', width: 120, render: (v: Programme['kind']) => <Tag>{labelOf(programmeKindLabels[v], locale)}</Tag> },
        { title: t('funding.department'), dataIndex: 'department', width: 150 },
        { title: t('funding.window'), key: 'window', width: 200, render: (_: unknown, p) => `${p.opensOn ?? '—'} ~ ${p.deadlineOn ?? '—'}` },
        { title: t('funding.typicalAmount'), dataIndex: 'typicalAmountYuan', width: 120, render: (v: number | null) => formatMoney(v, locale) },
        { title: t('funding.reserveCount'), dataIndex: 'reserveCount', width: 64 },
        { title: t('funding.appliedCount'), dataIndex: 'applicationCount', width: 64 },
      ]}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('funding.programme')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="year" label={t('funding.year')} rules={required}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="level" label={t('funding.level')} rules={required}>
                <Select options={programmeLevels.map((l) => ({ value: l, label: labelOf(programmeLevelLabels[l], locale) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="kind" label={t('funding.kind')} rules={required}>
                <Select options={programmeKinds.map((k) => ({ value: k, label: labelOf(programmeKindLabels[k], locale) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="department" label={t('funding.department')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="policyDocument" label={t('funding.policyDocument')}>
            <Input maxLength={300} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="opensOn" label={t('funding.opensOn')}>
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="deadlineOn" label={t('funding.deadlineOn')}>
                <DateField />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="typicalAmountWan" label={t('funding.typicalAmount')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="remindDays" label={t('funding.remindDays')}>
                <InputNumber min={0} max={90} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="conditions" label={t('funding.conditions')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </ListTab>
  );
}
