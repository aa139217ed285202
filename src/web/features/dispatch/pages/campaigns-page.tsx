import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import { DateField } from '../../../components/date-field';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { campaignGapText, campaignStatusText, type CampaignEntry, type CampaignRates } from '../../../../contract/dispatch.ts';
import { campaignBatches, type CampaignBatch } from '../../../../contract/dispatch-enums.ts';
import { formatMoney, fromYuan } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddEntry } from '../api/add-entry';
import { useCreateCampaign } from '../api/create-campaign';
import { trackingUrl } from '../api/download-urls';
import { useCampaign } from '../api/get-campaign';
import { useCampaigns } from '../api/list-campaigns';
import { useLeadOptions, useSigningEvents } from '../api/list-lead-options';
import { useProjectOptions } from '../api/list-project-options';
import { useRemoveEntry } from '../api/remove-entry';
import { useUpdateCampaign } from '../api/update-campaign';
import { useUpdateEntry } from '../api/update-entry';
import { useDispatchLabels } from '../components/use-dispatch-labels';
import { withoutUnit } from '../../../lib/money-label';

const pct = (r: { rate: number | null }) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

/**
 * 三个一批: a zone's quarterly campaigns and their three lists of nominations (提名). Whether each was
 * achieved comes from the records (the agreement at the campaign's signing event, the project's actual
 * start or production date in the quarter), never from a click; each list says in a sentence how the
 * nominated and the achieved differ, the same sentence the tracking sheet carries.
 */
export default function CampaignsPage() {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 'en' : 'zh';
  const label = useDispatchLabels();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const current = useCurrentZone();
  const zoneId = current.zoneId ?? current.zones[0]?.id ?? null;
  const campaigns = useCampaigns(zoneId);
  const [selected, setSelected] = useState<string | null>(null);
  const campaign = useCampaign(selected);
  const projects = useProjectOptions(zoneId);
  const leads = useLeadOptions(zoneId);
  const events = useSigningEvents(zoneId);
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const addEntry = useAddEntry();
  const updateEntry = useUpdateEntry();
  const removeEntry = useRemoveEntry();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<CampaignBatch | null>(null);
  const [noting, setNoting] = useState<CampaignEntry | null>(null);
  const [campaignForm] = Form.useForm<{ year: number; quarter: number; eventOn?: string; signingEventId?: string }>();
  const [entryForm] = Form.useForm<{ projectId?: string; leadId?: string; plannedAmountWan?: string | null }>();
  const [noteForm] = Form.useForm<{ reason?: string; arrivedWan?: string | null }>();
  const manage = hasPermission('campaign.manage');

  useEffect(() => {
    if (campaigns.data && !campaigns.data.some((c) => c.id === selected)) setSelected(campaigns.data[0]?.id ?? null);
  }, [campaigns.data, selected]);

  const saved = () => message.success(t('common.saved'));
  const onError = (error: Error) => handleError(error, { onReload: () => campaign.refetch() });

  const rates = (r: CampaignRates) => (
    <Row gutter={[16, 16]}>
      {(['signing', 'start', 'production', 'output'] as const).map((k) => (
        <Col key={k} xs={12} md={6}>
          <Statistic
            title={t(`campaign.rate.${k}`)}
            value={pct(r[k])}
            suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r[k].done}/${r[k].planned}`}</Typography.Text>}
          />
        </Col>
      ))}
    </Row>
  );

  const columns = (batch: CampaignBatch): TableColumnsType<CampaignEntry> => [
    {
      title: t('campaign.name'),
      dataIndex: 'name',
      render: (v: string, e) => (
        <Space size={4} wrap>
          {v}
          {!e.nominated && <Tag color="blue">{t('campaign.notNominated')}</Tag>}
        </Space>
      ),
    },
    { title: withoutUnit(t('campaign.plannedAmount')), dataIndex: 'plannedAmountYuan', width: 130, render: (v: number | null) => formatMoney(v, locale) },
    {
      title: t('campaign.result'),
      key: 'result',
      width: 260,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <Tag color={e.achieved ? 'success' : 'default'}>{e.achieved ? t('campaign.done') : t('campaign.notDone')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {campaignStatusText(e.status, e.statusOn, lang)}
          </Typography.Text>
        </Space>
      ),
    },
    ...(batch === 'sign'
      ? [{ title: t('campaign.signedAmountCol'), dataIndex: 'achievedAmountYuan', width: 130, render: (v: number | null) => formatMoney(v, locale) }]
      : []),
    ...(batch === 'production'
      ? [{ title: t('campaign.outputReached'), dataIndex: 'outputReached', width: 100, render: (v: boolean) => (v ? t('value.true') : t('value.false')) }]
      : []),
    { title: t('campaign.note'), dataIndex: 'reason', width: 200, render: (v: string | null) => v ?? '' },
    { title: t('campaign.arrived'), dataIndex: 'arrivedYuan', width: 120, render: (v: number | null) => formatMoney(v, locale) },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, e: CampaignEntry) =>
              e.id && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      noteForm.setFieldsValue({ reason: e.reason ?? '', arrivedWan: e.arrivedYuan == null ? null : fromYuan(e.arrivedYuan, 'wan') });
                      setNoting(e);
                    }}
                  >
                    {t('campaign.editNote')}
                  </Button>
                  <Popconfirm title={t('campaign.withdrawConfirm')} onConfirm={() => removeEntry.mutate({ id: e.id! }, { onSuccess: saved, onError })}>
                    <Button type="link" size="small" danger>
                      {t('campaign.withdraw')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const submitCampaign = async () => {
    const v = await campaignForm.validateFields().catch(() => null);
    if (!v || !zoneId) return;
    create.mutate(
      { zoneId, year: Number(v.year), quarter: Number(v.quarter), eventOn: v.eventOn || null, signingEventId: v.signingEventId ?? null },
      {
        onSuccess: (c) => {
          setCreating(false);
          setSelected(c.id);
          saved();
        },
        onError: (error) => handleError(error, { form: campaignForm }),
      },
    );
  };
  const submitEntry = async () => {
    const v = await entryForm.validateFields().catch(() => null);
    if (!v || !selected || !adding) return;
    addEntry.mutate(
      { campaignId: selected, batch: adding, projectId: v.projectId ?? null, leadId: v.leadId ?? null, plannedAmountWan: v.plannedAmountWan ?? null },
      {
        onSuccess: () => {
          setAdding(null);
          saved();
        },
        onError: (error) => handleError(error, { form: entryForm }),
      },
    );
  };
  const submitNote = async () => {
    const v = await noteForm.validateFields().catch(() => null);
    if (!v || !noting?.id || noting.version == null) return;
    updateEntry.mutate(
      { id: noting.id, version: noting.version, reason: v.reason || null, arrivedWan: v.arrivedWan ?? null },
      {
        onSuccess: () => {
          setNoting(null);
          saved();
        },
        onError: (error) => handleError(error, { form: noteForm, onReload: () => campaign.refetch() }),
      },
    );
  };

  const c = campaign.data;
  const now = new Date();
  const eventOptions = (events.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.heldOn}）` }));
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('campaign.title')}
          </Typography.Title>
          <Select
            aria-label={t('campaign.select')}
            style={{ width: 280, maxWidth: '100%' }}
            value={selected ?? undefined}
            onChange={setSelected}
            options={(campaigns.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Space>
        <Space wrap>
          {selected && (
            <Button icon={<DownloadOutlined />} href={trackingUrl(selected)}>
              {t('campaign.export')}
            </Button>
          )}
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                campaignForm.setFieldsValue({ year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1 });
                setCreating(true);
              }}
            >
              {t('campaign.create')}
            </Button>
          )}
        </Space>
      </Flex>
      {campaigns.isError && <Alert type="error" showIcon title={campaigns.error.message} />}
      {campaigns.data?.length === 0 && <Empty description={t('campaign.none')} />}
      {c && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} title={`${c.name}${c.eventOn ? ` · ${t('campaign.eventOn')} ${c.eventOn}` : ''}`}>
            <Space direction="vertical" style={{ width: '100%' }} size={12}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('campaign.derivedHint')}
              </Typography.Paragraph>
              <Flex align="center" gap={8} wrap>
                <Typography.Text>{t('campaign.signingEvent')}：</Typography.Text>
                {manage ? (
                  <Select
                    aria-label={t('campaign.signingEvent')}
                    allowClear
                    style={{ minWidth: 240, maxWidth: '100%' }}
                    placeholder={t('campaign.signingEventNone')}
                    value={c.signingEvent?.id}
                    options={eventOptions}
                    onChange={(v?: string) => update.mutate({ id: c.id, version: c.version, signingEventId: v ?? null }, { onSuccess: saved, onError })}
                  />
                ) : (
                  <Typography.Text>{c.signingEvent ? `${c.signingEvent.name}（${c.signingEvent.heldOn}）` : t('campaign.signingEventNone')}</Typography.Text>
                )}
              </Flex>
              {rates(c.rates)}
            </Space>
          </Card>
          {campaignBatches.map((batch) => {
            const gap = c.gaps.find((g) => g.batch === batch);
            const text = gap ? campaignGapText(gap, lang) : '';
            return (
              <Card
                key={batch}
                size="small"
                title={label('batch', batch)}
                style={{ marginBottom: 16 }}
                extra={
                  manage && (
                    <Button
                      size="small"
                      onClick={() => {
                        entryForm.resetFields();
                        setAdding(batch);
                      }}
                    >
                      {t('campaign.addEntry')}
                    </Button>
                  )
                }
              >
                {text && (
                  <Alert
                    data-testid={`campaign-gap-${batch}`}
                    style={{ marginBottom: 12 }}
                    type={gap && gap.missing.length ? 'warning' : 'success'}
                    showIcon
                    title={text}
                  />
                )}
                <Table<CampaignEntry>
                  rowKey={(e) => e.id ?? `${e.batch}:${e.leadId}`}
                  size="small"
                  scroll={{ x: 900 }}
                  columns={columns(batch)}
                  dataSource={c.entries.filter((e) => e.batch === batch)}
                  pagination={false}
                />
              </Card>
            );
          })}
        </>
      )}
      <Modal
        open={creating}
        title={t('campaign.create')}
        onOk={submitCampaign}
        onCancel={() => setCreating(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={campaignForm} layout="vertical" name="campaign-form">
          <Form.Item name="year" label={t('campaign.year')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="quarter" label={t('campaign.quarter')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
          </Form.Item>
          <Form.Item name="eventOn" label={t('campaign.eventOn')}>
            <DateField />
          </Form.Item>
          <Form.Item name="signingEventId" label={t('campaign.signingEvent')} extra={t('campaign.signingEventHelp')}>
            <Select allowClear options={eventOptions} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding !== null}
        title={`${t('campaign.addEntry')} · ${adding ? label('batch', adding) : ''}`}
        onOk={submitEntry}
        onCancel={() => setAdding(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={addEntry.isPending}
        forceRender
      >
        <Form form={entryForm} layout="vertical" name="entry-form">
          {adding === 'sign' && (
            <Form.Item name="leadId" label={t('campaign.lead')} extra={t('campaign.leadHelp')}>
              <Select allowClear showSearch optionFilterProp="label" options={(leads.data ?? []).map((l) => ({ value: l.id, label: l.name }))} />
            </Form.Item>
          )}
          {adding !== 'sign' && (
            <Form.Item
              name="projectId"
              label={t('dispatch.project')}
              rules={[{ required: true, message: t('validation.required') }]}
              extra={t('campaign.projectHelp')}
            >
              <Select allowClear showSearch optionFilterProp="label" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          <Form.Item name="plannedAmountWan" label={t('campaign.plannedAmount')} rules={[moneyRule(t('validation.money'))]}>
            <MoneyInput />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={noting !== null}
        title={t('campaign.editNote')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setNoting(null)}
        onOk={submitNote}
        confirmLoading={updateEntry.isPending}
        forceRender
      >
        <Form form={noteForm} layout="vertical" name="entry-note-form">
          <Form.Item name="reason" label={t('campaign.note')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="arrivedWan" label={t('campaign.arrived')} rules={[moneyRule(t('validation.money'))]}>
            <MoneyInput />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
