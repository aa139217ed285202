import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Progress, Result, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { sectorRoleLabels, type ChainSummary } from '../../../../contract/chains.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateChain, useCreateSector, usePlan, useSavePlan, useTemplates } from '../api/plan';

/** 产业规划: the zone's plan, its sectors with their cluster targets, and each sector's chains with completeness. */
export default function PlanPage() {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const { zoneId, zones } = useCurrentZone();
  const single = zoneId ?? (zones.length === 1 ? zones[0].id : null);
  const plan = usePlan(single, Boolean(single));
  const templates = useTemplates();
  const [sectorOpen, setSectorOpen] = useState(false);
  const [chainSector, setChainSector] = useState<string | null>(null);

  const provinceCard = (
    <Card size="small" title={t('chains.provinceTitle')}>
      <Space wrap>
        {(templates.data ?? []).map((tp) => (
          <Link key={tp.key} to={`/chains/province/${tp.key}`}>
            <Tag>{lang ? tp.nameEn : tp.name}</Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );
  if (!single)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <PageHeader title={t('chains.title')} />
        <Typography.Paragraph type="secondary">{t('chains.pickZone')}</Typography.Paragraph>
        {provinceCard}
      </Space>
    );
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={plan.error.message} />;
  const { plan: p, sectors, actions } = plan.data;
  const mayEdit = actions.includes('update');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('chains.title')} extra={mayEdit ? <Button onClick={() => setSectorOpen(true)}>{t('chains.newSector')}</Button> : null} />
      <PlanCard zoneId={single} name={p.name} summary={p.summary} version={p.version} mayEdit={mayEdit} />
      {sectors.length === 0 && <Empty description={t('chains.noSectors')} />}
      <Row gutter={[12, 12]}>
        {sectors.map((s) => (
          <Col xs={24} lg={12} key={s.id}>
            <Card
              size="small"
              title={
                <Space wrap>
                  <Link to={`/chains/sectors/${s.id}`}>{s.name}</Link>
                  <Tag color={s.role === 'leading' ? 'blue' : undefined}>{sectorRoleLabels[s.role][lang]}</Tag>
                </Space>
              }
              extra={
                s.clusterTargetYuan ? (
                  <Typography.Text type="secondary">
                    {t('chains.clusterTarget', { amount: formatMoney(s.clusterTargetYuan, locale), year: s.clusterTargetYear ?? '' })}
                  </Typography.Text>
                ) : null
              }
            >
              <ChainList chains={s.chains} />
              {mayEdit && (
                <Button size="small" type="dashed" onClick={() => setChainSector(s.id)} style={{ marginTop: 8 }}>
                  {t('chains.newChain')}
                </Button>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {provinceCard}
      <SectorModal open={sectorOpen} zoneId={single} onClose={() => setSectorOpen(false)} />
      <ChainModal sectorId={chainSector} onClose={() => setChainSector(null)} />
    </Space>
  );
}

export function ChainList({ chains }: { chains: ChainSummary[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={chains}
      locale={{ emptyText: t('chains.noChains') }}
      renderItem={(c) => (
        <List.Item extra={<Progress type="circle" size={44} percent={c.stats.completenessPercent} />}>
          <List.Item.Meta
            title={<Link to={`/chains/${c.id}`}>{c.name}</Link>}
            description={t('chains.chainLine', { links: c.stats.links, gaps: c.stats.gaps, weak: c.stats.weak, leaders: c.stats.leaders })}
          />
        </List.Item>
      )}
    />
  );
}

function PlanCard({
  zoneId,
  name,
  summary,
  version,
  mayEdit,
}: {
  zoneId: string;
  name: string | null;
  summary: string | null;
  version: number | null;
  mayEdit: boolean;
}) {
  const { t } = useI18n();
  const save = useSavePlan();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  return (
    <Card
      size="small"
      title={t('chains.plan')}
      extra={
        mayEdit && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('chains.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name, summary }}
          onFinish={async (v) => {
            try {
              await save.mutateAsync({ zoneId, name: v.name, summary: v.summary ?? null, ...(version ? { version } : {}) });
              setEditing(false);
            } catch (err) {
              onError(err, { form });
            }
          }}
        >
          <Form.Item name="name" label={t('chains.planName')} rules={[{ required: true }]}>
            <Input placeholder="1+2+N" />
          </Form.Item>
          <Form.Item name="summary" label={t('chains.planSummary')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={save.isPending}>
            {t('chains.save')}
          </Button>
        </Form>
      ) : (
        <Space direction="vertical">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {name ?? t('chains.noPlan')}
          </Typography.Title>
          {summary && <Typography.Text type="secondary">{summary}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}

function SectorModal({ open, zoneId, onClose }: { open: boolean; zoneId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const create = useCreateSector();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  return (
    <Modal open={open} title={t('chains.newSector')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await create.mutateAsync({
              zoneId,
              name: v.name,
              role: v.role,
              clusterTargetWan: v.targetYi ? String(v.targetYi * 10000) : null,
              clusterTargetYear: v.year ?? null,
            });
            form.resetFields();
            onClose();
          } catch (err) {
            onError(err, { form });
          }
        }}
      >
        <Form.Item name="name" label={t('chains.sectorName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('chains.sectorRole')} initialValue="leading">
          <Select options={(['leading', 'supporting'] as const).map((r) => ({ value: r, label: sectorRoleLabels[r][lang] }))} />
        </Form.Item>
        <Space>
          <Form.Item name="targetYi" label={t('chains.targetYi')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="year" label={t('chains.targetYear')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ChainModal({ sectorId, onClose }: { sectorId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const templates = useTemplates();
  const create = useCreateChain();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <Modal
      open={Boolean(sectorId)}
      title={t('chains.newChain')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed) => {
          const tp = templates.data?.find((x) => x.key === changed.templateKey);
          if (tp && !form.getFieldValue('name')) form.setFieldValue('name', tp.name);
        }}
        onFinish={async (v) => {
          try {
            await create.mutateAsync({ sectorId: sectorId!, name: v.name, templateKey: v.templateKey || undefined });
            message.success(t('chains.created'));
            form.resetFields();
            onClose();
          } catch (err) {
            onError(err, { form });
          }
        }}
      >
        <Form.Item name="templateKey" label={t('chains.template')}>
          <Select allowClear options={(templates.data ?? []).map((tp) => ({ value: tp.key, label: `${lang ? tp.nameEn : tp.name}（${tp.links.length}）` }))} />
        </Form.Item>
        <Form.Item name="name" label={t('chains.chainName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
