import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  List,
  Progress,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  linkStageLabels,
  roadmapKindLabels,
  roadmapStatusLabels,
  targetStatusLabels,
  type ChainLink,
  type RoadmapKind,
  type RoadmapStatus,
  type TargetStatus,
} from '../../../../contract/chains.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { chainActionLabels, type ChainAction } from '../../../../contract/pipeline-enums.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddLink, useAddRoadmapItem, useChainTargets, useChainView, useMakeLeads, useRoadmap, useUpdateRoadmapItem } from '../api/chain';
import { ChainGraph, strengthColours } from '../components/chain-graph';
import { LinkDrawer } from '../components/link-drawer';

/** 产业链图谱: the chain drawn with its strength and gaps, its figures and conversion, the target list and the roadmap. */
export default function ChainPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const view = useChainView(id);
  const [linkId, setLinkId] = useState<string | null>(null);

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={view.error.message} />;
  const { chain, links, conversion } = view.data;
  const words = {
    gap: t('chains.strength.gap'),
    weak: t('chains.strength.weak'),
    strong: t('chains.strength.strong'),
    enterprises: t('chains.enterprisesUnit'),
    leader: t('chains.leader'),
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space wrap>
            {chain.name}
            <Tag>{chain.zoneName}</Tag>
            <Link to={`/chains/sectors/${chain.sectorId}`}>{chain.sectorName}</Link>
          </Space>
        }
        extra={chain.templateKey ? <Link to={`/chains/province/${chain.templateKey}`}>{t('chains.provinceView')}</Link> : null}
      />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Typography.Text type="secondary">{t('chains.completeness')}</Typography.Text>
            <Progress percent={chain.stats.completenessPercent} size="small" data-testid="completeness" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('chains.gaps')} value={chain.stats.gaps} valueStyle={{ color: strengthColours.gap }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('chains.weakLinks')} value={chain.stats.weak} valueStyle={{ color: strengthColours.weak }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('chains.enterprises')} value={chain.stats.enterprises} suffix={`/ ${t('chains.leader')} ${chain.stats.leaders}`} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('chains.output')} value={formatMoney(chain.stats.outputYuan, locale)} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('chains.conversion')} data-testid="conversion">
        <Space wrap size="large">
          <Statistic title={t('chains.gapsAndWeak')} value={conversion.gaps + conversion.weak} />
          <span>→</span>
          <Statistic title={t('chains.targets')} value={conversion.targets} />
          <span>→</span>
          <Statistic title={t('chains.leads')} value={conversion.leads} />
          <span>→</span>
          <Statistic title={t('chains.signed')} value={conversion.leadsSigned} />
          <Typography.Text type="secondary">{t('chains.gapsWithLead', { n: conversion.gapsWithLead })}</Typography.Text>
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'map',
            label: t('chains.map'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {(['strong', 'weak', 'gap'] as const).map((s) => (
                    <Tag key={s} color={strengthColours[s]}>
                      {words[s]}
                    </Tag>
                  ))}
                  <Tag color="gold">★ {t('chains.leader')}</Tag>
                  <Typography.Text type="secondary">{t('chains.clickLink')}</Typography.Text>
                </Space>
                <Card size="small" styles={{ body: { padding: 4 } }}>
                  <ChainGraph links={links} selectedId={linkId} onSelect={setLinkId} words={words} />
                </Card>
                <LinkList links={links} onSelect={setLinkId} />
                {chain.actions.includes('addLink') && <AddLink chainId={id} links={links} lang={lang} />}
              </Space>
            ),
          },
          { key: 'targets', label: t('chains.targetList'), children: <TargetList chainId={id} lang={lang} /> },
          { key: 'roadmap', label: t('chains.roadmap'), children: <Roadmap chainId={id} links={links} lang={lang} /> },
        ]}
      />
      <LinkDrawer linkId={linkId} onClose={() => setLinkId(null)} />
    </Space>
  );
}

/** The links as a list (beside the drawing, and the way in on a narrow screen). */
function LinkList({ links, onSelect }: { links: ChainLink[]; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  return (
    <List
      size="small"
      bordered
      dataSource={links}
      renderItem={(l) => (
        <List.Item
          data-testid={`link-${l.name}`}
          onClick={() => onSelect(l.id)}
          style={{ cursor: 'pointer', borderLeft: `4px ${l.strength === 'gap' ? 'dashed' : 'solid'} ${strengthColours[l.strength]}` }}
          extra={<Tag color={strengthColours[l.strength]}>{t(`chains.strength.${l.strength}`)}</Tag>}
        >
          <Space wrap size={4}>
            <Typography.Text strong>{l.name}</Typography.Text>
            <Typography.Text type="secondary">{linkStageLabels[l.stage][lang]}</Typography.Text>
            <span>
              {l.enterpriseCount} {t('chains.enterprisesUnit')} · {l.leadCount} {t('chains.leadsUnit')} · {l.targetCount} {t('chains.targetsUnit')}
            </span>
            {l.leaders.map((x) => (
              <Tag key={x.enterpriseId} color="gold">
                ★ {x.name}
              </Tag>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}

function TargetList({ chainId, lang }: { chainId: string; lang: 0 | 1 }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const targets = useChainTargets(chainId);
  const makeLeads = useMakeLeads();
  const [selected, setSelected] = useState<string[]>([]);
  const mayMake = targets.data?.some((x) => x.actions.includes('makeLead'));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mayMake && (
        <Button
          type="primary"
          disabled={!selected.length}
          loading={makeLeads.isPending}
          onClick={async () => {
            try {
              const res = await makeLeads.mutateAsync(selected);
              message.success(t('chains.leadsMade', { n: res.leads.length }));
              setSelected([]);
            } catch (err) {
              onError(err);
            }
          }}
        >
          {t('chains.makeLeads', { n: selected.length })}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={targets.isPending}
        dataSource={targets.data ?? []}
        scroll={{ x: 640 }}
        rowSelection={
          mayMake
            ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (r) => ({ disabled: r.status !== 'open' }) }
            : undefined
        }
        columns={[
          { title: t('chains.link'), dataIndex: 'linkName' },
          { title: t('chains.company'), dataIndex: 'companyName' },
          { title: t('chains.action'), dataIndex: 'action', render: (a: ChainAction) => chainActionLabels[a]?.[lang] ?? a },
          { title: t('chains.region'), dataIndex: 'regionName', render: (r) => r ?? '—' },
          { title: t('chains.owner'), dataIndex: 'ownerName', render: (r) => r ?? '—' },
          {
            title: t('chains.status'),
            dataIndex: 'status',
            render: (s: TargetStatus, r) => (r.leadId ? <Link to={`/leads/${r.leadId}`}>{r.leadCode}</Link> : <Tag>{targetStatusLabels[s][lang]}</Tag>),
          },
        ]}
      />
    </Space>
  );
}

function Roadmap({ chainId, links, lang }: { chainId: string; links: ChainLink[]; lang: 0 | 1 }) {
  const { t } = useI18n();
  const onError = useApiErrorHandler();
  const road = useRoadmap(chainId);
  const add = useAddRoadmapItem(chainId);
  const update = useUpdateRoadmapItem();
  const [form] = Form.useForm();
  const canEdit = road.data?.actions.includes('update');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {road.data && (
        <Space wrap size="large">
          <Statistic title={t('chains.roadmapPlanned')} value={road.data.outcomes.planned} />
          <Statistic title={t('chains.roadmapDone')} value={road.data.outcomes.done} />
          <Statistic title={t('chains.leads')} value={road.data.outcomes.leads} />
          <Statistic title={t('chains.tripMeetings')} value={road.data.outcomes.tripMeetings} />
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={road.isPending}
        dataSource={road.data?.items ?? []}
        scroll={{ x: 720 }}
        columns={[
          { title: t('chains.roadmapKind'), dataIndex: 'kind', render: (k: RoadmapKind) => roadmapKindLabels[k][lang] },
          { title: t('chains.roadmapTitle'), dataIndex: 'title' },
          { title: t('chains.region'), dataIndex: 'targetRegionName', render: (r, i) => r ?? i.targetEnterpriseName ?? '—' },
          { title: t('chains.link'), dataIndex: 'linkName', render: (r) => r ?? '—' },
          { title: t('chains.owner'), dataIndex: 'ownerName', render: (r) => r ?? '—' },
          { title: t('chains.plannedOn'), dataIndex: 'plannedOn', render: (d, i) => (d ? `${d}${i.plannedUntil ? ` ~ ${i.plannedUntil}` : ''}` : '—') },
          {
            title: t('chains.status'),
            dataIndex: 'status',
            render: (s: RoadmapStatus, i) =>
              canEdit ? (
                <Select
                  size="small"
                  value={s}
                  style={{ width: 96 }}
                  options={(['planned', 'done', 'cancelled'] as const).map((v) => ({ value: v, label: roadmapStatusLabels[v][lang] }))}
                  onChange={(status) => update.mutateAsync({ id: i.id, body: { version: i.version, status } }).catch(onError)}
                />
              ) : (
                roadmapStatusLabels[s][lang]
              ),
          },
          { title: t('chains.outcome'), dataIndex: 'outcome', render: (o, i) => [o, i.leadCode].filter(Boolean).join(' · ') || '—' },
        ]}
      />
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          onFinish={async (v) => {
            try {
              await add.mutateAsync({ ...v, plannedOn: v.plannedOn ? v.plannedOn.format('YYYY-MM-DD') : null });
              form.resetFields();
            } catch (err) {
              onError(err, { form });
            }
          }}
        >
          <Form.Item name="kind" initialValue="trip">
            <Select
              style={{ width: 110 }}
              options={(['region', 'enterprise', 'trip', 'event'] as const).map((k) => ({ value: k, label: roadmapKindLabels[k][lang] }))}
            />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('chains.roadmapTitle')} />
          </Form.Item>
          <Form.Item name="targetRegionName">
            <Input placeholder={t('chains.region')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="linkId">
            <Select allowClear placeholder={t('chains.link')} style={{ width: 150 }} options={links.map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
          <Form.Item name="plannedOn">
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('chains.addRoadmapItem')}
          </Button>
        </Form>
      )}
    </Space>
  );
}

/** Adds a link to the chain (a branch under a parent link, or a new root): the zone edits its copy of a template. */
function AddLink({ chainId, links, lang }: { chainId: string; links: ChainLink[]; lang: 0 | 1 }) {
  const { t } = useI18n();
  const onError = useApiErrorHandler();
  const add = useAddLink(chainId);
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={async (v) => {
        try {
          await add.mutateAsync({
            name: v.name,
            stage: v.stage,
            parentLinkId: v.parentLinkId ?? null,
            position: links.length,
            products: v.products
              ? String(v.products)
                  .split(/[、,，]/)
                  .map((x: string) => x.trim())
                  .filter(Boolean)
              : [],
          });
          form.resetFields();
        } catch (err) {
          onError(err, { form });
        }
      }}
    >
      <Form.Item name="name" rules={[{ required: true }]}>
        <Input placeholder={t('chains.newLinkName')} />
      </Form.Item>
      <Form.Item name="stage" initialValue="midstream">
        <Select
          style={{ width: 90 }}
          options={(['upstream', 'midstream', 'downstream'] as const).map((v) => ({ value: v, label: linkStageLabels[v][lang] }))}
        />
      </Form.Item>
      <Form.Item name="parentLinkId">
        <Select allowClear placeholder={t('chains.parentLink')} style={{ width: 170 }} options={links.map((l) => ({ value: l.id, label: l.name }))} />
      </Form.Item>
      <Form.Item name="products">
        <Input placeholder={t('chains.products')} style={{ width: 160 }} />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('chains.addLink')}
      </Button>
    </Form>
  );
}
