import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Drawer, Empty, Form, Input, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { honourKindLabels, linkRoleLabels, linkStageLabels, targetStatusLabels, type HonourKind, type LinkRole } from '../../../../contract/chains.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { chainActionLabels, stageLabels, type ChainAction, type LeadStage } from '../../../../contract/pipeline-enums.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import {
  useAddTarget,
  useAttachLead,
  useImportTargets,
  useLink,
  useMakeLeads,
  usePlaceEnterprise,
  usePlaceProject,
  useProvinceCandidates,
  useTargetsFromProvince,
  useZoneLeads,
  useZoneProjects,
} from '../api/chain';
import { strengthColours } from './chain-graph';

/** A link's enterprises, projects, leads and target list, with the actions a leader takes on a gap. */
export function LinkDrawer({ linkId, onClose }: { linkId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const detail = useLink(linkId);
  const [selected, setSelected] = useState<string[]>([]);
  const [showProvince, setShowProvince] = useState(false);
  const id = linkId ?? '';
  const makeLeads = useMakeLeads();
  const addTarget = useAddTarget(id);
  const importTargets = useImportTargets(id);
  const place = usePlaceEnterprise(id);
  const fromProvince = useTargetsFromProvince(id);
  const candidates = useProvinceCandidates(linkId, showProvince);
  const [targetForm] = Form.useForm();
  const [placeForm] = Form.useForm();
  const [pasted, setPasted] = useState('');

  const d = detail.data;
  const canEdit = d?.actions.includes('addTarget');
  const canMake = d?.actions.includes('makeLeads');
  const open = d?.targets.filter((x) => x.status === 'open') ?? [];

  return (
    <Drawer
      open={Boolean(linkId)}
      onClose={() => {
        setSelected([]);
        setShowProvince(false);
        onClose();
      }}
      width="min(640px, 100vw)"
      title={d ? d.link.name : t('chains.link')}
      destroyOnHidden
    >
      {!d ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Tag color={strengthColours[d.link.strength]} data-testid="link-strength">
              {t(`chains.strength.${d.link.strength}`)}
            </Tag>
            <Tag>{linkStageLabels[d.link.stage][lang]}</Tag>
            <Typography.Text type="secondary">
              {d.link.chainName} · {d.link.sectorName}
            </Typography.Text>
          </Space>
          {d.link.products.length > 0 && (
            <Typography.Text>
              {t('chains.products')}：{d.link.products.join('、')}
            </Typography.Text>
          )}
          <Tabs
            defaultActiveKey={d.link.strength === 'gap' ? 'targets' : 'enterprises'}
            items={[
              {
                key: 'enterprises',
                label: `${t('chains.enterprises')} (${d.enterprises.length})`,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      scroll={{ x: 480 }}
                      dataSource={d.enterprises}
                      locale={{ emptyText: <Empty description={t('chains.gapEmpty')} /> }}
                      columns={[
                        { title: t('chains.enterprise'), dataIndex: 'name', render: (n, e) => <Link to={`/enterprises/${e.enterpriseId}`}>{n}</Link> },
                        {
                          title: t('chains.role'),
                          dataIndex: 'role',
                          render: (r: LinkRole) => <Tag color={r === 'leader' ? 'gold' : undefined}>{linkRoleLabels[r][lang]}</Tag>,
                        },
                        {
                          title: t('chains.output'),
                          dataIndex: 'outputYuan',
                          align: 'right',
                          render: (y, e) => (y == null ? '—' : `${formatMoney(y, locale)}（${e.latestYear}）`),
                        },
                        {
                          title: t('chains.honours'),
                          dataIndex: 'honours',
                          render: (h: HonourKind[]) => h.filter((k) => k !== 'above_scale').map((k) => <Tag key={k}>{honourKindLabels[k]?.[lang] ?? k}</Tag>),
                        },
                      ]}
                    />
                    {canEdit && (
                      <Form
                        form={placeForm}
                        layout="inline"
                        onFinish={async (v) => {
                          try {
                            await place.mutateAsync(v);
                            placeForm.resetFields();
                            message.success(t('chains.placed'));
                          } catch (err) {
                            onError(err, { form: placeForm });
                          }
                        }}
                      >
                        <Form.Item name="enterpriseId" rules={[{ required: true }]} style={{ minWidth: 220 }}>
                          <EnterprisePicker />
                        </Form.Item>
                        <Form.Item name="role" initialValue="supporting">
                          <Select
                            style={{ width: 100 }}
                            options={(['leader', 'backbone', 'supporting'] as const).map((r) => ({ value: r, label: linkRoleLabels[r][lang] }))}
                          />
                        </Form.Item>
                        <Button htmlType="submit" loading={place.isPending}>
                          {t('chains.place')}
                        </Button>
                      </Form>
                    )}
                  </Space>
                ),
              },
              {
                key: 'targets',
                label: `${t('chains.targets')} (${d.targets.length})`,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      scroll={{ x: 480 }}
                      dataSource={d.targets}
                      rowSelection={
                        canMake
                          ? {
                              selectedRowKeys: selected,
                              onChange: (keys) => setSelected(keys as string[]),
                              getCheckboxProps: (r) => ({ disabled: r.status !== 'open', name: r.companyName }),
                            }
                          : undefined
                      }
                      columns={[
                        { title: t('chains.company'), dataIndex: 'companyName' },
                        { title: t('chains.action'), dataIndex: 'action', render: (a: ChainAction) => chainActionLabels[a]?.[lang] ?? a },
                        { title: t('chains.region'), dataIndex: 'regionName', render: (r) => r ?? '—' },
                        {
                          title: t('chains.status'),
                          dataIndex: 'status',
                          render: (s: keyof typeof targetStatusLabels, r) =>
                            r.leadId ? <Link to={`/leads/${r.leadId}`}>{r.leadCode}</Link> : <Tag>{targetStatusLabels[s][lang]}</Tag>,
                        },
                      ]}
                    />
                    {canMake && (
                      <Button
                        type="primary"
                        disabled={!selected.length}
                        loading={makeLeads.isPending}
                        data-testid="make-leads"
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
                    {canMake && open.length > 0 && selected.length === 0 && <Typography.Text type="secondary">{t('chains.makeLeadsHint')}</Typography.Text>}
                    {canEdit && (
                      <>
                        <Form
                          form={targetForm}
                          layout="inline"
                          onFinish={async (v) => {
                            try {
                              await addTarget.mutateAsync({ action: d.link.strength === 'gap' ? 'fill' : 'strengthen', ...v });
                              targetForm.resetFields();
                            } catch (err) {
                              onError(err, { form: targetForm });
                            }
                          }}
                        >
                          <Form.Item name="companyName" rules={[{ required: true }]}>
                            <Input placeholder={t('chains.company')} aria-label={t('chains.company')} />
                          </Form.Item>
                          <Form.Item name="regionName">
                            <Input placeholder={t('chains.region')} style={{ width: 130 }} />
                          </Form.Item>
                          <Button htmlType="submit" loading={addTarget.isPending}>
                            {t('chains.addTarget')}
                          </Button>
                        </Form>
                        <Input.TextArea rows={2} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={t('chains.pasteHint')} />
                        <Space wrap>
                          <Button
                            disabled={!pasted.trim()}
                            loading={importTargets.isPending}
                            onClick={async () => {
                              const rows = pasted
                                .split(/\n/)
                                .map((line) => line.split(/[\t,，]/).map((c) => c.trim()))
                                .filter((c) => c[0])
                                .map(([companyName, regionName]) => ({ companyName, regionName: regionName || null }));
                              try {
                                await importTargets.mutateAsync({ action: d.link.strength === 'gap' ? 'fill' : 'strengthen', rows });
                                setPasted('');
                              } catch (err) {
                                onError(err);
                              }
                            }}
                          >
                            {t('chains.importList')}
                          </Button>
                          <Button onClick={() => setShowProvince((v) => !v)}>{t('chains.fromProvince')}</Button>
                        </Space>
                        {showProvince && (
                          <Table
                            rowKey="enterpriseId"
                            size="small"
                            pagination={false}
                            loading={candidates.isPending}
                            dataSource={candidates.data ?? []}
                            columns={[
                              { title: t('chains.enterprise'), dataIndex: 'name' },
                              { title: t('chains.zone'), dataIndex: 'zoneName' },
                              { title: t('chains.role'), dataIndex: 'role', render: (r: LinkRole) => linkRoleLabels[r][lang] },
                              {
                                title: '',
                                key: 'add',
                                render: (_, c) => (
                                  <Button size="small" onClick={() => fromProvince.mutateAsync([c.enterpriseId]).catch(onError)}>
                                    {t('chains.addTarget')}
                                  </Button>
                                ),
                              },
                            ]}
                          />
                        )}
                      </>
                    )}
                  </Space>
                ),
              },
              {
                key: 'leads',
                label: `${t('chains.leads')} (${d.leads.length})`,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {canEdit && <AttachLead linkId={id} zoneId={d.link.zoneId} />}
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={d.leads}
                      columns={[
                        { title: t('chains.leadCode'), dataIndex: 'code', render: (c, l) => <Link to={`/leads/${l.id}`}>{c}</Link> },
                        { title: t('chains.leadName'), dataIndex: 'name' },
                        { title: t('chains.stage'), dataIndex: 'stage', render: (s: LeadStage) => stageLabels[s]?.[lang] ?? s },
                      ]}
                    />
                  </Space>
                ),
              },
              {
                key: 'projects',
                label: `${t('chains.projects')} (${d.projects.length})`,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {canEdit && <PlaceProject linkId={id} zoneId={d.link.zoneId} />}
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={d.projects}
                      columns={[
                        { title: t('chains.projectName'), dataIndex: 'name', render: (n, p) => <Link to={`/projects/${p.projectId}`}>{n}</Link> },
                        { title: t('chains.investment'), dataIndex: 'totalInvestmentYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                      ]}
                    />
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** Puts a project of the zone on the link (searched by name). */
function PlaceProject({ linkId, zoneId }: { linkId: string; zoneId: string }) {
  const { t } = useI18n();
  const onError = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const projects = useZoneProjects(zoneId, q, open);
  const place = usePlaceProject(linkId);
  return (
    <Select
      showSearch
      value={null}
      style={{ width: '100%' }}
      placeholder={t('chains.placeProject')}
      filterOption={false}
      onSearch={setQ}
      onDropdownVisibleChange={setOpen}
      loading={projects.isFetching}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      onChange={(projectId: string) => place.mutateAsync(projectId).catch(onError)}
    />
  );
}

/** Puts a lead of the zone on the link (searched by code or name), through the leads service. */
function AttachLead({ linkId, zoneId }: { linkId: string; zoneId: string }) {
  const { t } = useI18n();
  const onError = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const leads = useZoneLeads(zoneId, q, open);
  const attach = useAttachLead(linkId);
  return (
    <Select
      showSearch
      value={null}
      style={{ width: '100%' }}
      placeholder={t('chains.attachLead')}
      filterOption={false}
      onSearch={setQ}
      onDropdownVisibleChange={setOpen}
      loading={leads.isFetching}
      options={(leads.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
      onChange={(leadId: string) => {
        const lead = leads.data?.items.find((l) => l.id === leadId);
        if (lead) attach.mutateAsync({ id: lead.id, version: lead.version }).catch(onError);
      }}
    />
  );
}
