import { useEffect } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import { MoneyInput } from '../../../components/money-input';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { fromYuan } from '../../../../contract/money.ts';
import { leaderRoles, projectLevels, responsibleRoles, projectNatures, projectStages, stageGates } from '../../../../contract/projects.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { ApiError, isApiError } from '../../../lib/api-error';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useProject } from '../api/get-project';
import { useAssignees } from '../api/list-assignees';
import { useZoneDepartments } from '../api/list-departments';
import { useZonesWithParks } from '../api/list-zones';
import { useSaveProject } from '../api/save-project';
import { useProjectsI18n, type ProjectsKey } from '../i18n';

const dateFields = ['signedOn', 'landOn', 'startOn', 'completedOn', 'productionOn', 'fullProductionOn'] as const;
const wan = (yuan: number | null | undefined) => (yuan == null ? undefined : fromYuan(yuan, 'wan'));
const phaseDateFields = ['landOn', 'actualStartOn', 'actualEndOn', 'productionOn', 'plannedStartOn', 'plannedEndOn'] as const;
const maxPhases = 10;

interface PhaseValues {
  name?: string;
  stage?: string;
  investmentWan?: string | number | null;
  investedWan?: string | number | null;
  content?: string | null;
  plannedStartOn?: Dayjs | null;
  plannedEndOn?: Dayjs | null;
  landOn?: Dayjs | null;
  actualStartOn?: Dayjs | null;
  actualEndOn?: Dayjs | null;
  productionOn?: Dayjs | null;
}
const blankToNull = (v: string | number | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

/** The phase rows as the API takes them: dates as YYYY-MM-DD, blanks as null. */
function phasesBody(phases: PhaseValues[] | undefined) {
  return (phases ?? []).map((ph) => ({
    name: (ph.name ?? '').trim(),
    stage: ph.stage ?? 'planning',
    investmentWan: blankToNull(ph.investmentWan),
    investedWan: blankToNull(ph.investedWan),
    content: ph.content?.trim() || null,
    ...Object.fromEntries(phaseDateFields.map((f) => [f, ph[f] ? ph[f]!.format('YYYY-MM-DD') : null])),
  }));
}

/**
 * The server names a phase's problem `phases.N.field`: put it on that row's field, and hand the
 * rest on to the shared handler (which knows only top-level fields).
 */
function splitPhaseErrors(error: unknown, form: ReturnType<typeof Form.useForm>[0]): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  const onPhases = error.fields.filter((f) => /^phases\.\d+\./.test(f.field));
  if (onPhases.length === 0) return error;
  form.setFields(
    onPhases.map((f) => {
      const [, index, ...rest] = f.field.split('.');
      return { name: ['phases', Number(index), rest[0]], errors: [f.reason] };
    }),
  );
  const others = error.fields.filter((f) => !onPhases.includes(f));
  return new ApiError(error.status, { code: error.code, message: error.message, requestId: error.requestId, details: { fields: others } });
}

/** 新建 / 编辑项目: money typed in 万元; server field errors land on their fields. */
export default function ProjectFormPage() {
  const { id } = useParams();
  const { t, shellT } = useProjectsI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const { zoneId: currentZoneId, zones } = useCurrentZone();
  const [form] = Form.useForm();
  const existing = useProject(id ?? '');
  const editing = Boolean(id);
  const zoneId: string | undefined = Form.useWatch('zoneId', form) ?? existing.data?.zoneId;
  const stage: string = Form.useWatch('stage', form) ?? existing.data?.stage ?? 'planning';
  const zonesWithParks = useZonesWithParks();
  const assignees = useAssignees(zoneId);
  const save = useSaveProject(id);

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    form.setFieldsValue({
      ...p,
      totalInvestmentWan: wan(p.totalInvestmentYuan),
      fixedAssetInvestmentWan: wan(p.fixedAssetInvestmentYuan),
      expectedOutputWan: wan(p.expectedOutputYuan),
      expectedTaxWan: wan(p.expectedTaxYuan),
      leaderUserId: p.leader?.id,
      officerUserId: p.officer?.id,
      departmentId: p.department?.id,
      taskForceUserIds: p.taskForceMembers.map((m) => m.id),
      phases: p.phases.map((ph) => ({
        name: ph.name,
        stage: ph.stage,
        investmentWan: wan(ph.investmentYuan),
        investedWan: wan(ph.investedYuan),
        content: ph.content ?? undefined,
        ...Object.fromEntries(phaseDateFields.map((f) => [f, ph[f] ? dayjs(ph[f]) : undefined])),
      })),
      ...Object.fromEntries(dateFields.map((f) => [f, p[f] ? dayjs(p[f]) : undefined])),
    });
  }, [existing.data, form]);

  if (editing && existing.isPending) return <Skeleton active />;

  const needed = new Set<string>(projectStages.slice(1, projectStages.indexOf(stage as never) + 1).flatMap((s) => stageGates[s]));
  const parks = (zonesWithParks.data ?? []).find((z) => z.id === zoneId)?.parks ?? [];
  const people = (assignees.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}${u.title ? `（${u.title}）` : ''}` }));
  // A 包联领导 must hold a leader role (the server refuses anyone else): offer only those.
  const leaderIds = new Set((assignees.data ?? []).filter((u) => (leaderRoles as readonly string[]).includes(u.role)).map((u) => u.id));
  const leaders = people.filter((o) => leaderIds.has(o.value));
  // A 责任人 and the 专班's members are working users of the zone (a read-only account is refused).
  const workingIds = new Set((assignees.data ?? []).filter((u) => (responsibleRoles as readonly string[]).includes(u.role)).map((u) => u.id));
  const workers = people.filter((o) => workingIds.has(o.value));

  const onFinish = (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = { ...values };
    for (const f of dateFields) body[f] = values[f] ? (values[f] as Dayjs).format('YYYY-MM-DD') : null;
    for (const k of Object.keys(body)) if (body[k] === undefined || body[k] === '') body[k] = null;
    // The team is replaced only when the form names it (an empty list clears it).
    if (body.taskForceUserIds == null) delete body.taskForceUserIds;
    body.phases = phasesBody(values.phases as PhaseValues[] | undefined);
    if (editing) {
      delete body.zoneId;
      delete body.stage;
      delete body.annualPlanWan;
      for (const f of dateFields) if (!needed.has(f) && body[f] === null) delete body[f];
    }
    save.mutate(editing ? { ...body, version: existing.data!.version } : body, {
      onSuccess: (p) => {
        message.success(shellT('common.saved'));
        navigate(`/projects/${p.id}`);
      },
      onError: (error) => onError(splitPhaseErrors(error, form), { form, onReload: () => existing.refetch() }),
    });
  };

  const L = (key: ProjectsKey) => t(key);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {editing ? `${t('detail.edit')} · ${existing.data?.name}` : t('list.new')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ zoneId: currentZoneId ?? zones[0]?.id, nature: 'new', level: 'none', stage: 'planning', phases: [] }}
        scrollToFirstError
      >
        <Card size="small" title={t('detail.summary')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={L('field.name')} rules={[{ required: true, min: 4 }]}>
                <Input maxLength={100} data-testid="project-name" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="zoneId" label={L('field.zone')} rules={[{ required: true }]}>
                <Select disabled={editing} options={zones.map((z) => ({ value: z.id, label: z.shortName }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="parkId" label={L('field.park')}>
                <Select allowClear options={parks.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="investorEnterpriseId" label={L('field.investor')} rules={[{ required: needed.has('investorEnterpriseId') }]}>
                <EnterprisePicker
                  current={
                    existing.data?.investorEnterpriseId
                      ? { id: existing.data.investorEnterpriseId, name: existing.data.investorName ?? '', creditCode: existing.data.investorCreditCode }
                      : null
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="sectorText" label={L('field.sector')}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="chainLinkText" label={L('field.chainLink')}>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="nature" label={L('field.nature')}>
                <Select options={projectNatures.map((v) => ({ value: v, label: t(`nature.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="level" label={L('field.level')}>
                <Select options={projectLevels.map((v) => ({ value: v, label: t(`level.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="stage" label={L('field.stage')}>
                <Select disabled={editing} options={projectStages.map((v) => ({ value: v, label: t(`stage.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="totalInvestmentWan" label={L('field.total')} rules={[{ required: true }]}>
                <MoneyInput data-testid="project-total" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="fixedAssetInvestmentWan" label={L('field.fixed')}>
                <MoneyInput />
              </Form.Item>
            </Col>
            {!editing && (
              <Col xs={12} md={6}>
                <Form.Item name="annualPlanWan" label={L('field.annualPlan')}>
                  <MoneyInput />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={6}>
              <Form.Item name="landMu" label={L('field.landMu')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="constructionContent" label={L('field.content')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="floorAreaM2" label={L('field.floorArea')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="capacityAmount" label={L('field.capacity')} style={{ width: '60%' }}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="capacityUnit" label={L('field.capacityUnit')} style={{ width: '40%' }}>
                  <Input maxLength={16} />
                </Form.Item>
              </Space.Compact>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="plannedStartYear" label={L('field.startYear')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="plannedEndYear" label={L('field.endYear')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="expectedOutputWan" label={L('field.output')}>
                <MoneyInput />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="expectedTaxWan" label={L('field.tax')}>
                <MoneyInput />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item name="jobs" label={L('field.jobs')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {dateFields
              .filter((f) => needed.has(f))
              .map((f) => (
                <Col key={f} xs={12} md={6}>
                  <Form.Item name={f} label={t(`field.${f}` as ProjectsKey)} rules={[{ required: true }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
              ))}
          </Row>
        </Card>
        <PhasesCard />
        <Card size="small" title={t('detail.responsibility')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="leaderUserId" label={L('field.leader')}>
                <Select allowClear showSearch optionFilterProp="label" options={leaders} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="departmentId" label={L('field.department')}>
                <DepartmentSelect zoneId={zoneId} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="officerUserId" label={L('field.officer')}>
                <Select allowClear showSearch optionFilterProp="label" options={workers} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="taskForce" label={L('field.taskForceName')}>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="taskForceUserIds" label={L('field.taskForceMembers')} extra={L('field.taskForceMembersHelp')}>
                <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={workers} data-testid="task-force-members" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="project-save">
            {t('report.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{shellT('common.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}

function DepartmentSelect(props: { zoneId?: string; value?: string; onChange?: (v: string) => void }) {
  const departments = useZoneDepartments(props.zoneId);
  return <Select allowClear value={props.value} onChange={props.onChange} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />;
}

/** 分期建设: 一期/二期…, each with its money (万元) and dates; the whole list replaces the stored one. */
function PhasesCard() {
  const { t, locale } = useProjectsI18n();
  const ordinal = (i: number) => (locale === 'zh-CN' && i < 10 ? '一二三四五六七八九十'[i] : String(i + 1));
  return (
    <Form.List name="phases">
      {(rows, { add, remove }, { errors }) => (
        <Card
          size="small"
          title={t('phase.title')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={rows.length >= maxPhases}
              onClick={() => add({ name: t('phase.defaultName', { n: ordinal(rows.length) }), stage: 'planning' })}
              data-testid="phase-add"
            >
              {t('phase.add')}
            </Button>
          }
        >
          {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('phase.empty')} />}
          {rows.map((row, i) => (
            <Row key={row.key} gutter={8} align="top" data-testid={`phase-row-${i}`}>
              <Col xs={12} md={3}>
                <Form.Item name={[row.name, 'name']} label={t('phase.name')} rules={[{ required: true, whitespace: true, max: 32 }]}>
                  <Input maxLength={32} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[row.name, 'stage']} label={t('field.stage')}>
                  <Select options={projectStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))} data-testid={`phase-stage-${i}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[row.name, 'investmentWan']} label={t('phase.investment')}>
                  <MoneyInput />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[row.name, 'investedWan']} label={t('phase.invested')}>
                  <MoneyInput />
                </Form.Item>
              </Col>
              {phaseDateFields.map((f) => (
                <Col key={f} xs={12} md={3}>
                  <Form.Item
                    name={[row.name, f]}
                    label={t(`phase.${f}`)}
                    dependencies={f === 'plannedEndOn' ? [['phases', row.name, 'plannedStartOn']] : undefined}
                    rules={
                      f === 'plannedEndOn'
                        ? [
                            ({ getFieldValue }) => ({
                              validator: async (_rule, end?: Dayjs | null) => {
                                const start: Dayjs | undefined = getFieldValue(['phases', row.name, 'plannedStartOn']);
                                if (start && end && end.isBefore(start, 'day')) throw new Error(t('phase.datesOrder'));
                              },
                            }),
                          ]
                        : undefined
                    }
                  >
                    <DatePicker style={{ width: '100%' }} disabledDate={f.startsWith('planned') ? undefined : (d) => d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={20} md={8}>
                <Form.Item name={[row.name, 'content']} label={t('phase.content')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Form.Item label=" ">
                  <Button icon={<DeleteOutlined />} aria-label={t('phase.remove')} title={t('phase.remove')} onClick={() => remove(row.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}
