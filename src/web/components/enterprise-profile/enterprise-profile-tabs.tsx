import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import type { FormInstance } from 'antd';
import {
  cooperationKindLabels,
  honourKindLabels,
  honourKinds,
  lineStatusLabels,
  linkRoleLabels,
  partnerInstitutionKindLabels,
  type CooperationKind,
  type HonourKind,
  type LineStatus,
  type LinkRole,
} from '../../../contract/chains.ts';
import { formatMoney } from '../../../contract/money.ts';
import { useI18n } from '../../i18n/use-i18n';
import { useApiErrorHandler } from '../../lib/use-api-error-handler';
import { useAddCooperation, useAddFigures, useAddHonour, useAddLine, useDeleteHonour, useEnterpriseProfile } from './api';
import { LandEfficiencyClasses, LandEfficiencyTabLabel, useEnterpriseLandEfficiency } from './land-efficiency-classes';
import { profileText, type ProfileKey } from './strings';

const day = (v: { format(f: string): string } | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/**
 * The enterprise profile (企业画像) on the enterprise page: honours and statuses, yearly figures,
 * production lines, cooperation agreements, and where it sits on the caller's chains. Those who may
 * keep the profile get a form under each tab.
 */
export function EnterpriseProfileTabs({ enterpriseId }: { enterpriseId: string }) {
  const { locale } = useI18n();
  const w = (k: ProfileKey) => profileText(locale, k);
  const lang = locale === 'en-US' ? 1 : 0;
  const profile = useEnterpriseProfile(enterpriseId);
  const landEfficiency = useEnterpriseLandEfficiency(enterpriseId);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const addHonour = useAddHonour(enterpriseId);
  const deleteHonour = useDeleteHonour(enterpriseId);
  const addFigures = useAddFigures(enterpriseId);
  const addLine = useAddLine(enterpriseId);
  const addCooperation = useAddCooperation(enterpriseId);
  const [honourForm] = Form.useForm();
  const [figuresForm] = Form.useForm();
  const [lineForm] = Form.useForm();
  const [coopForm] = Form.useForm();
  const p = profile.data;
  const editable = Boolean(p?.actions.includes('update'));

  const submit = (form: FormInstance, run: (v: any) => Promise<unknown>) => async (v: any) => {
    try {
      await run(v);
      form.resetFields();
      message.success(w('saved'));
    } catch (err) {
      onError(err, { form });
    }
  };
  const formOf = (form: FormInstance, run: (v: any) => Promise<unknown>, items: ReactNode, testId: string) =>
    editable ? (
      <Form form={form} layout="inline" onFinish={submit(form, run)} data-testid={testId} style={{ rowGap: 8 }}>
        {items}
        <Button htmlType="submit" type="primary">
          {w('add')}
        </Button>
      </Form>
    ) : null;
  const wan = (v: number | null | undefined) => (v == null ? null : String(v));

  return (
    <Tabs
      data-testid="enterprise-profile"
      items={[
        {
          key: 'honours',
          label: w('honours'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                loading={profile.isPending}
                dataSource={p?.honours ?? []}
                scroll={{ x: 520 }}
                columns={[
                  {
                    title: w('kind'),
                    dataIndex: 'kind',
                    render: (k: HonourKind) => <Tag color={k === 'little_giant' || k === 'single_champion' ? 'gold' : 'blue'}>{honourKindLabels[k][lang]}</Tag>,
                  },
                  { title: w('year'), dataIndex: 'year' },
                  { title: w('grantedOn'), dataIndex: 'grantedOn', render: (d) => d ?? '—' },
                  { title: w('issuer'), dataIndex: 'issuer', render: (d) => d ?? '—' },
                  { title: w('enteredBy'), dataIndex: 'enteredByName', render: (n, h) => [n, h.enteredInZoneName].filter(Boolean).join(' · ') || '—' },
                  ...(editable
                    ? [
                        {
                          title: '',
                          key: 'x',
                          render: (_: unknown, h: { id: string }) => (
                            <Button size="small" danger type="link" onClick={() => deleteHonour.mutateAsync(h.id).catch(onError)}>
                              {w('remove')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {formOf(
                honourForm,
                (v) => addHonour.mutateAsync({ kind: v.kind, year: v.year, grantedOn: day(v.grantedOn), issuer: v.issuer || null }),
                <>
                  <Form.Item name="kind" rules={[{ required: true }]}>
                    <Select
                      aria-label={w('kind')}
                      placeholder={w('kind')}
                      style={{ width: 190 }}
                      options={honourKinds.map((k) => ({ value: k, label: honourKindLabels[k][lang] }))}
                    />
                  </Form.Item>
                  <Form.Item name="year" rules={[{ required: true }]}>
                    <InputNumber aria-label={w('year')} placeholder={w('year')} min={1949} max={2100} />
                  </Form.Item>
                  <Form.Item name="grantedOn">
                    <DatePicker placeholder={w('grantedOn')} />
                  </Form.Item>
                  <Form.Item name="issuer">
                    <Input placeholder={w('issuer')} style={{ width: 150 }} />
                  </Form.Item>
                </>,
                'honour-form',
              )}
            </Space>
          ),
        },
        {
          key: 'figures',
          label: w('figures'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p?.figures ?? []}
                scroll={{ x: 900 }}
                columns={[
                  { title: w('year'), dataIndex: 'year', fixed: 'left' },
                  { title: w('output'), dataIndex: 'outputYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('revenue'), dataIndex: 'revenueYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('tax'), dataIndex: 'taxYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('landMu'), dataIndex: 'landMu', align: 'right', render: (v) => v ?? '—' },
                  { title: w('taxPerMu'), dataIndex: 'taxPerMuYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('energy'), dataIndex: 'energyTce', align: 'right', render: (v) => v ?? '—' },
                  { title: w('emissions'), dataIndex: 'emissionsTonnes', align: 'right', render: (v) => v ?? '—' },
                  { title: w('employees'), dataIndex: 'employees', align: 'right', render: (v) => v ?? '—' },
                  { title: w('rnd'), dataIndex: 'rndYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('valueAdded'), dataIndex: 'valueAddedYuan', align: 'right', render: (y) => formatMoney(y, locale) },
                  { title: w('source'), dataIndex: 'source', render: (s, f) => `${w(s === 'import' ? 'imported' : 'manual')} · ${f.enteredByName ?? '—'}` },
                ]}
              />
              {formOf(
                figuresForm,
                (v) =>
                  addFigures.mutateAsync({
                    year: v.year,
                    outputWan: wan(v.output),
                    revenueWan: wan(v.revenue),
                    taxWan: wan(v.tax),
                    landMu: v.landMu ?? null,
                    energyTce: v.energy ?? null,
                    emissionsTonnes: v.emissions ?? null,
                    employees: v.employees ?? null,
                    rndWan: wan(v.rnd),
                    valueAddedWan: wan(v.valueAdded),
                  }),
                <>
                  {(
                    [
                      ['year', true],
                      ['output', false],
                      ['revenue', false],
                      ['tax', false],
                      ['landMu', false],
                      ['energy', false],
                      ['emissions', false],
                      ['employees', false],
                      ['rnd', false],
                      ['valueAdded', false],
                    ] as const
                  ).map(([k, required]) => (
                    <Form.Item key={k} name={k} rules={required ? [{ required: true }] : []}>
                      <InputNumber aria-label={w(k)} placeholder={w(k)} style={{ width: 150 }} />
                    </Form.Item>
                  ))}
                </>,
                'figures-form',
              )}
            </Space>
          ),
        },
        {
          key: 'lines',
          label: w('lines'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p?.lines ?? []}
                columns={[
                  { title: w('lineName'), dataIndex: 'name' },
                  { title: w('products'), dataIndex: 'products', render: (v) => v ?? '—' },
                  { title: w('capacity'), dataIndex: 'capacity', render: (c, l) => (c == null ? '—' : `${c} ${l.capacityUnit ?? ''}`) },
                  { title: w('status'), dataIndex: 'status', render: (s: LineStatus) => lineStatusLabels[s][lang] },
                ]}
              />
              {formOf(
                lineForm,
                (v) => addLine.mutateAsync({ name: v.name, products: v.products || null, capacity: v.capacity ?? null, capacityUnit: v.capacityUnit || null }),
                <>
                  <Form.Item name="name" rules={[{ required: true }]}>
                    <Input placeholder={w('lineName')} />
                  </Form.Item>
                  <Form.Item name="products">
                    <Input placeholder={w('products')} />
                  </Form.Item>
                  <Form.Item name="capacity">
                    <InputNumber placeholder={w('capacity')} min={0} />
                  </Form.Item>
                  <Form.Item name="capacityUnit">
                    <Input placeholder={w('unit')} style={{ width: 90 }} />
                  </Form.Item>
                </>,
                'line-form',
              )}
            </Space>
          ),
        },
        {
          key: 'cooperations',
          label: w('cooperations'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p?.cooperations ?? []}
                scroll={{ x: 560 }}
                columns={[
                  { title: w('title'), dataIndex: 'title' },
                  { title: w('kind'), dataIndex: 'kind', render: (k: CooperationKind) => cooperationKindLabels[k][lang] },
                  { title: w('partner'), dataIndex: 'partnerName', render: (n, c) => `${n}（${partnerInstitutionKindLabels[c.partnerKind][lang]}）` },
                  { title: w('otherParties'), dataIndex: 'otherParties', render: (o: string[]) => o.join('、') || '—' },
                  { title: w('signedOn'), dataIndex: 'signedOn', render: (d) => d ?? '—' },
                ]}
              />
              {formOf(
                coopForm,
                (v) =>
                  addCooperation.mutateAsync({
                    kind: v.kind,
                    title: v.title,
                    partnerName: v.partnerName,
                    partnerKind: v.partnerKind,
                    signedOn: day(v.signedOn),
                    otherParties: v.otherParties
                      ? String(v.otherParties)
                          .split(/[、,，]/)
                          .map((x: string) => x.trim())
                          .filter(Boolean)
                      : [],
                  }),
                <>
                  <Form.Item name="kind" initialValue="joint_lab">
                    <Select
                      style={{ width: 150 }}
                      options={(Object.keys(cooperationKindLabels) as CooperationKind[]).map((k) => ({ value: k, label: cooperationKindLabels[k][lang] }))}
                    />
                  </Form.Item>
                  <Form.Item name="title" rules={[{ required: true }]}>
                    <Input placeholder={w('title')} />
                  </Form.Item>
                  <Form.Item name="partnerName" rules={[{ required: true }]}>
                    <Input placeholder={w('partner')} />
                  </Form.Item>
                  <Form.Item name="partnerKind" initialValue="university">
                    <Select
                      style={{ width: 110 }}
                      options={(['university', 'institute', 'other'] as const).map((k) => ({ value: k, label: partnerInstitutionKindLabels[k][lang] }))}
                    />
                  </Form.Item>
                  <Form.Item name="otherParties">
                    <Input placeholder={w('otherParties')} />
                  </Form.Item>
                  <Form.Item name="signedOn">
                    <DatePicker placeholder={w('signedOn')} />
                  </Form.Item>
                </>,
                'cooperation-form',
              )}
            </Space>
          ),
        },
        {
          key: 'land-efficiency',
          label: <LandEfficiencyTabLabel history={landEfficiency.data} />,
          children: <LandEfficiencyClasses history={landEfficiency.data} loading={landEfficiency.isLoading} />,
        },
        {
          key: 'placements',
          label: w('placements'),
          children: (
            <Table
              rowKey="linkId"
              size="small"
              pagination={false}
              dataSource={p?.placements ?? []}
              locale={{ emptyText: w('none') }}
              columns={[
                { title: w('chain'), dataIndex: 'chainName', render: (n, r) => <Link to={`/chains/${r.chainId}`}>{n}</Link> },
                { title: w('link'), dataIndex: 'linkName' },
                {
                  title: w('role'),
                  dataIndex: 'role',
                  render: (r: LinkRole) => <Tag color={r === 'leader' ? 'gold' : undefined}>{linkRoleLabels[r][lang]}</Tag>,
                },
                { title: w('zone'), dataIndex: 'zoneName' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
