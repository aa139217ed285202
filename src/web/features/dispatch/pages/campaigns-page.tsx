import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignEntry, CampaignRates } from '../../../../contract/dispatch.ts';
import { campaignBatches, type CampaignBatch } from '../../../../contract/dispatch-enums.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddEntry } from '../api/add-entry';
import { useConfirmEntry } from '../api/confirm-entry';
import { useCreateCampaign } from '../api/create-campaign';
import { useCampaign } from '../api/get-campaign';
import { useCampaigns } from '../api/list-campaigns';
import { useProjectOptions } from '../api/list-project-options';
import { trackingUrl } from '../api/download-urls';
import { useDispatchLabels } from '../components/use-dispatch-labels';

const pct = (r: { rate: number | null }) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

/** 三个一批: a zone's quarterly campaigns, their three lists, event-day confirmation and the rates. */
export default function CampaignsPage() {
  const { t, locale } = useI18n();
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
  const create = useCreateCampaign();
  const addEntry = useAddEntry();
  const confirm = useConfirmEntry();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<CampaignBatch | null>(null);
  const [refusing, setRefusing] = useState<CampaignEntry | null>(null);
  const [reason, setReason] = useState('');
  const [campaignForm] = Form.useForm<{ year: number; quarter: number; eventOn?: string }>();
  const [entryForm] = Form.useForm<{ projectId?: string; name?: string; plannedAmountWan?: number }>();
  const manage = hasPermission('campaign.manage');

  useEffect(() => {
    if (campaigns.data && !campaigns.data.some((c) => c.id === selected)) setSelected(campaigns.data[0]?.id ?? null);
  }, [campaigns.data, selected]);

  const saved = () => message.success(t('common.saved'));
  const onError = (error: Error) => handleError(error, { onReload: () => campaign.refetch() });

  const rates = (r: CampaignRates) => (
    <Row gutter={16}>
      {(['signing', 'start', 'production', 'output'] as const).map((k) => (
        <Col key={k} span={6}>
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
    { title: t('campaign.name'), dataIndex: 'name' },
    { title: t('campaign.plannedAmount'), dataIndex: 'plannedAmountYuan', width: 140, render: (v: number | null) => formatMoney(v, locale) },
    {
      title: t('campaign.result'),
      dataIndex: 'confirmed',
      width: 220,
      render: (v: boolean | null, e) =>
        v === null ? (
          <Tag>{t('campaign.pending')}</Tag>
        ) : v ? (
          <Tag color="success">{t('campaign.done')}</Tag>
        ) : (
          <Tag color="error">{`${t('campaign.notDone')}：${e.reason ?? ''}`}</Tag>
        ),
    },
    ...(batch === 'production'
      ? [
          {
            title: t('campaign.outputReached'),
            dataIndex: 'outputReached',
            width: 100,
            render: (v: boolean, e: CampaignEntry) => (
              <Checkbox
                disabled={!manage || e.confirmed !== true}
                checked={v}
                onChange={(ev) => confirm.mutate({ id: e.id, version: e.version, outputReached: ev.target.checked }, { onSuccess: saved, onError })}
              />
            ),
          },
        ]
      : []),
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, e: CampaignEntry) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  disabled={e.confirmed === true}
                  onClick={() =>
                    confirm.mutate({ id: e.id, version: e.version, confirmed: true, actualOn: campaign.data?.eventOn ?? null }, { onSuccess: saved, onError })
                  }
                >
                  {t('campaign.markDone')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={e.confirmed === false}
                  onClick={() => {
                    setReason('');
                    setRefusing(e);
                  }}
                >
                  {t('campaign.markNotDone')}
                </Button>
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
      { zoneId, year: Number(v.year), quarter: Number(v.quarter), eventOn: v.eventOn || null },
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
      { campaignId: selected, batch: adding, projectId: v.projectId ?? null, name: v.name || undefined, plannedAmountWan: v.plannedAmountWan ?? null },
      {
        onSuccess: () => {
          setAdding(null);
          saved();
        },
        onError: (error) => handleError(error, { form: entryForm }),
      },
    );
  };

  const now = new Date();
  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('campaign.title')}
          </Typography.Title>
          <Select
            aria-label={t('campaign.select')}
            style={{ width: 280 }}
            value={selected ?? undefined}
            onChange={setSelected}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Space>
        <Space>
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
      {campaign.data && (
        <>
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={`${campaign.data.name}${campaign.data.eventOn ? ` · ${t('campaign.eventOn')} ${campaign.data.eventOn}` : ''}`}
          >
            {rates(campaign.data.rates)}
          </Card>
          {campaignBatches.map((batch) => (
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
              <Table<CampaignEntry>
                rowKey="id"
                size="small"
                columns={columns(batch)}
                dataSource={campaign.data!.entries.filter((e) => e.batch === batch)}
                pagination={false}
              />
            </Card>
          ))}
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
            <Input type="date" />
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
          <Form.Item name="projectId" label={t('dispatch.project')}>
            <Select allowClear showSearch optionFilterProp="label" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('campaign.name')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="plannedAmountWan" label={t('campaign.plannedAmount')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={refusing !== null}
        title={t('campaign.reason')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setRefusing(null)}
        onOk={() =>
          refusing &&
          confirm.mutate(
            { id: refusing.id, version: refusing.version, confirmed: false, reason },
            {
              onSuccess: () => {
                setRefusing(null);
                saved();
              },
              onError,
            },
          )
        }
      >
        <Input.TextArea aria-label={t('campaign.reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}
