import { useState } from 'react';
import { FilePicker } from '../../../components/file-picker';
import { DetailBreadcrumb } from '../../../components/detail-breadcrumb';
import { Link, useNavigate, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import dayjs from 'dayjs';
import { formatMoney } from '../../../../contract/money.ts';
import {
  activityKinds,
  agreementAllowedAt,
  agreementKinds,
  leadStages,
  leadStatuses,
  stageGates,
  type LeadStage,
} from '../../../../contract/pipeline-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddActivity } from '../api/add-activity';
import { useAddAgreement } from '../api/add-agreement';
import { useChangeStatus } from '../api/change-status';
import { useConvertLead } from '../api/convert-lead';
import { leadFileUrl, useLead } from '../api/get-lead';
import { useOwners } from '../api/list-owners';
import { useTimeline } from '../api/get-timeline';
import { useUploadFile } from '../api/upload-file';
import { useLeadDuplicates } from '../api/lead-duplicates';
import { DuplicateLeadsAlert, useMergeFlow } from '../components/duplicate-leads';
import { GateAgreementModal, type GateTarget } from '../components/gate-agreement-modal';
import { LeadEditDrawer } from '../components/lead-edit-drawer';
import { pipelineLabels, statusColors } from '../components/labels';
import { formatChinaDate } from '../../../lib/format-date-time';
import { withoutUnit } from '../../../lib/money-label';

/** A lead: its facts, stage moves (gated), status, agreements with what each counts, files and the timeline. */
export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { t, locale, tryT } = useI18n();
  const labels = pipelineLabels(locale);
  const { message } = App.useApp();
  const lead = useLead(id);
  const timeline = useTimeline(id);
  // Owner events carry user ids; the zone's users give their names.
  const owners = useOwners(lead.data?.zoneId ?? null);
  const ownerName = (userId: string | null) => (userId ? (owners.data?.find((o) => o.id === userId)?.displayName ?? '—') : '—');
  const onError = useApiErrorHandler();
  const [target, setTarget] = useState<GateTarget | null>(null);
  const [statusOpen, setStatusOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [agreementFile, setAgreementFile] = useState<File | null>(null);
  const [statusForm] = Form.useForm();
  const [activityForm] = Form.useForm();
  const [agreementForm] = Form.useForm();
  const changeStatus = useChangeStatus();
  const addActivity = useAddActivity();
  const addAgreement = useAddAgreement();
  const upload = useUploadFile();
  const convert = useConvertLead();
  const mergeFlow = useMergeFlow();
  // Leads that may be this project again: shown with a merge into this one (the duplicate goes away).
  const duplicates = useLeadDuplicates(
    { zoneId: lead.data?.zoneId, name: lead.data?.name, enterpriseId: lead.data?.enterpriseId, excludeId: id },
    Boolean(lead.data),
  );

  if (lead.isPending) return <Skeleton active />;
  if (lead.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={lead.error.message} />;
  const l = lead.data;
  const can = (a: string) => l.actions.includes(a);
  const next = leadStages[leadStages.indexOf(l.stage) + 1] as LeadStage | undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <DetailBreadcrumb trail={[{ label: t('menu.leads'), to: '/leads' }]} current={l.name} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {l.name} <Tag>{l.code}</Tag>{' '}
          <Tag color="blue" data-testid="lead-stage">
            {labels.stage(l.stage)}
          </Tag>{' '}
          <Tag color={statusColors[l.status]}>{labels.status(l.status)}</Tag>
        </Typography.Title>
        <Space wrap>
          {can('update') && <Button onClick={() => setEditOpen(true)}>{t('common.edit')}</Button>}
          {can('changeStage') && (
            <Select
              data-testid="stage-select"
              placeholder={t('leads.moveTo')}
              style={{ width: 160 }}
              value={null}
              onChange={(stage: LeadStage) => setTarget({ leadId: l.id, version: l.version, stage, from: l.stage })}
              options={leadStages.filter((s) => s !== l.stage).map((s) => ({ value: s, label: `${labels.stage(s)}${stageGates[s] ? ' 🔒' : ''}` }))}
            />
          )}
          {next && can('changeStage') && (
            <Button type="primary" onClick={() => setTarget({ leadId: l.id, version: l.version, stage: next, from: l.stage })}>
              {t('leads.moveTo')} {labels.stage(next)}
            </Button>
          )}
          {can('changeStatus') && <Button onClick={() => setStatusOpen(true)}>{t('leads.changeStatus')}</Button>}
          {can('addAgreement') && l.stage !== 'prospect' && <Button onClick={() => setAgreementOpen(true)}>{t('leads.addAgreement')}</Button>}
          {can('convert') && (
            <Button
              onClick={async () => {
                try {
                  const r = await convert.mutateAsync({ id: l.id, version: l.version });
                  message.success(t('leads.converted'));
                  navigate(`/projects/${r.projectId}`);
                } catch (error) {
                  onError(error);
                }
              }}
            >
              {t('leads.convert')}
            </Button>
          )}
          {l.projectId && (
            <Link to={`/projects/${l.projectId}`}>
              <Tag color="purple">{t('leads.converted')}</Tag>
            </Link>
          )}
        </Space>
      </Space>

      {(duplicates.data?.length ?? 0) > 0 && (
        <div data-testid="lead-duplicates">
          <DuplicateLeadsAlert
            duplicates={duplicates.data ?? []}
            action={can('merge') ? { label: t('leads.merge.here'), loading: mergeFlow.pending, onClick: (d) => mergeFlow.run(l, d) } : undefined}
          />
        </div>
      )}

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('leads.investor')}>
              {l.enterpriseId ? <Link to={`/enterprises/${l.enterpriseId}`}>{l.enterpriseName}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.method')}>{labels.method(l.method)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.sector')}>{l.sector ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.chainLink')}>
              {l.chainLink ?? '—'} {l.chainAction && <Tag>{labels.chainAction(l.chainAction)}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.plannedInvestmentColumn')}>{formatMoney(l.plannedInvestmentYuan, locale)}</Descriptions.Item>
            <Descriptions.Item label={withoutUnit(t('leads.plannedOutput'))}>{formatMoney(l.plannedOutputYuan, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('leads.signedTotal')}>
              <span data-testid="signed-total">{formatMoney(l.signedYuan, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('leads.likelihood')}>{l.likelihood ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.owner')}>{l.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.platformContact')}>{l.platformContact ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.partners')}>{l.partners.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.firstContact')}>{l.firstContactOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.lastFollowUp')}>{l.lastFollowUpOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('leads.nextStep')} span={2}>
              {l.nextStep ?? '—'} {l.nextStepOn} {l.overdue && <Tag color="red">{t('leads.overdue')}</Tag>}
            </Descriptions.Item>
            {l.statusReason && (
              <Descriptions.Item label={t('leads.reason')} span={2}>
                {l.statusReason} {l.lostToRegion && `→ ${l.lostToRegion}`}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Card size="small" title={t('leads.agreements')} style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={l.agreements}
              columns={[
                { title: t('leads.kind'), dataIndex: 'kind', render: labels.agreementKind },
                { title: t('leads.signedOn'), dataIndex: 'signedOn' },
                { title: t('leads.amountWan'), dataIndex: 'amountYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                { title: t('leads.signingEvent'), dataIndex: 'signingEventName' },
                {
                  title: t('leads.signedTotal'),
                  dataIndex: 'countedAs',
                  render: (c, a) => <Tag color={a.countedYuan > 0 ? 'green' : 'default'}>{tryT(`leads.countedAs.${c}`) ?? c}</Tag>,
                },
                { title: t('leads.file'), dataIndex: 'fileName', render: (n, a) => (a.fileId ? <a href={leadFileUrl(a.fileId)}>{n}</a> : '—') },
              ]}
            />
          </Card>

          {can('addActivity') && (
            <Card size="small" title={t('leads.addActivity')} style={{ marginTop: 16 }}>
              <Form
                form={activityForm}
                layout="inline"
                initialValues={{ kind: 'visit', occurredOn: dayjs() }}
                onFinish={async (v) => {
                  try {
                    await addActivity.mutateAsync({
                      leadId: l.id,
                      kind: v.kind,
                      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
                      people: v.people || undefined,
                      outcome: v.outcome || undefined,
                      intentReached: v.intentReached,
                      nextStep: v.nextStep || undefined,
                      nextStepOn: v.nextStepOn ? v.nextStepOn.format('YYYY-MM-DD') : undefined,
                    });
                    activityForm.resetFields();
                  } catch (error) {
                    onError(error, { form: activityForm });
                  }
                }}
              >
                <Form.Item name="kind">
                  <Select style={{ width: 110 }} options={activityKinds.map((k) => ({ value: k, label: labels.activityKind(k) }))} />
                </Form.Item>
                <Form.Item name="occurredOn">
                  <DatePicker />
                </Form.Item>
                <Form.Item name="people">
                  <Input placeholder={t('leads.people')} />
                </Form.Item>
                <Form.Item name="outcome">
                  <Input placeholder={t('leads.outcome')} style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name="nextStep">
                  <Input placeholder={t('leads.nextStep')} />
                </Form.Item>
                <Form.Item name="nextStepOn">
                  <DatePicker placeholder={t('leads.nextStepOn')} />
                </Form.Item>
                <Form.Item name="intentReached" valuePropName="checked">
                  <Checkbox>{t('leads.intentReached')}</Checkbox>
                </Form.Item>
                <Button htmlType="submit" loading={addActivity.isPending}>
                  {t('common.save')}
                </Button>
              </Form>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('leads.timeline')}>
            <Timeline
              items={(timeline.data ?? []).map((e) => ({
                color: e.kind === 'agreement' ? 'green' : e.kind === 'stage' ? 'blue' : e.kind === 'status' ? 'orange' : 'gray',
                children: (
                  <div>
                    <Typography.Text strong>{tryT(`leads.event.${e.kind}`) ?? e.kind}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatChinaDate(e.at)}</Typography.Text>
                    <div>
                      {e.kind === 'stage' && `${labels.stage(e.fromValue as LeadStage)} → ${labels.stage(e.toValue as LeadStage)}`}
                      {e.kind === 'status' && `${labels.status(e.fromValue as never)} → ${labels.status(e.toValue as never)}`}
                      {e.kind === 'owner' && `${ownerName(e.fromValue)} → ${ownerName(e.toValue)}`}
                      {e.kind === 'agreement' &&
                        `${labels.agreementKind(e.fromValue as never)} ${formatMoney(e.amountYuan, locale)} · ${tryT(`leads.countedAs.${e.toValue}`) ?? ''}`}
                      {e.kind === 'activity' && labels.activityKind(e.fromValue as never)}
                      {e.kind === 'file' && e.toValue}
                      {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
                      {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <GateAgreementModal target={target} onClose={() => setTarget(null)} />
      {can('update') && <LeadEditDrawer lead={l} open={editOpen} onClose={() => setEditOpen(false)} onReload={() => lead.refetch()} />}

      <Modal
        open={statusOpen}
        title={t('leads.changeStatus')}
        onCancel={() => setStatusOpen(false)}
        confirmLoading={changeStatus.isPending}
        onOk={async () => {
          const v = await statusForm.validateFields();
          try {
            await changeStatus.mutateAsync({ id: l.id, version: l.version, ...v });
            setStatusOpen(false);
          } catch (error) {
            onError(error, { form: statusForm });
          }
        }}
        destroyOnHidden
      >
        <Form form={statusForm} layout="vertical" initialValues={{ status: l.status }}>
          <Form.Item name="status" label={t('leads.status')}>
            <Select options={leadStatuses.map((s) => ({ value: s, label: labels.status(s) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('leads.reason')}>
            <Input />
          </Form.Item>
          <Form.Item name="lostToRegion" label={t('leads.lostTo')}>
            <Input placeholder="江苏省苏州市" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={agreementOpen}
        title={t('leads.addAgreement')}
        onCancel={() => setAgreementOpen(false)}
        confirmLoading={addAgreement.isPending}
        onOk={async () => {
          const v = await agreementForm.validateFields();
          try {
            let fileId: string | undefined;
            const file = agreementFile;
            if (file) fileId = (await upload.mutateAsync({ leadId: l.id, file })).id;
            await addAgreement.mutateAsync({
              leadId: l.id,
              kind: v.kind,
              signedOn: v.signedOn.format('YYYY-MM-DD'),
              amountWan: String(v.amountWan ?? ''),
              signingEventName: v.signingEventName || undefined,
              fileId,
            });
            agreementForm.resetFields();
            setAgreementFile(null);
            setAgreementOpen(false);
          } catch (error) {
            onError(error, { form: agreementForm });
          }
        }}
        destroyOnHidden
      >
        <Form
          form={agreementForm}
          layout="vertical"
          name="agreement"
          initialValues={{ kind: agreementAllowedAt('investment', l.stage) ? 'investment' : 'supplementary', signedOn: dayjs() }}
        >
          <Form.Item name="kind" label={t('leads.kind')}>
            {/* Only the kinds the lead's stage allows (the server refuses the others with the reason). */}
            <Select options={agreementKinds.filter((k) => agreementAllowedAt(k, l.stage)).map((k) => ({ value: k, label: labels.agreementKind(k) }))} />
          </Form.Item>
          <Form.Item name="signedOn" label={t('leads.signedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="amountWan" label={t('leads.amountWan')} rules={[{ required: true }, moneyRule(t('validation.money'))]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="signingEventName" label={t('leads.signingEvent')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('leads.file')}>
            <FilePicker dragger label={t('common.upload')} fileName={agreementFile?.name} onPick={setAgreementFile} onClear={() => setAgreementFile(null)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
