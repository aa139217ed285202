import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { factorKinds } from '../../../../contract/services/enums.ts';
import { factorKindLabels, factorStatusLabels, type FactorRequest } from '../../../../contract/services/factors.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { factorsExportUrl } from '../api/export-url';
import { useCreateFactor, useFactors, useRaiseFactor, useResolveFactor } from '../api/factors';
import { DateField } from '../../../components/date-field';

const statusColor = { open: 'warning', resolved: 'success', raised: 'error' } as const;

/** 要素保障: the zone's requests; resolve one with its outcome, or raise an unresolved one as a 堵点 in one step. */
export default function FactorsPage() {
  const { t, locale } = useI18n();
  const l = (pair: readonly [string, string]) => pair[locale === 'en-US' ? 1 : 0];
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const current = useCurrentZone();
  const listZone = current.zoneId;
  const writeZone = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const factors = useFactors(listZone);
  const create = useCreateFactor();
  const resolve = useResolveFactor();
  const raise = useRaiseFactor();
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ f: FactorRequest; action: 'resolve' | 'raise' } | null>(null);
  const [form] = Form.useForm<{ kind: FactorRequest['kind']; description: string; quantity?: string; neededBy?: string }>();
  const [actForm] = Form.useForm<{ outcome?: string; deadlineOn?: string }>();

  useEffect(() => {
    if (creating) form.setFieldsValue({ kind: 'power', description: '', quantity: undefined, neededBy: undefined });
  }, [creating, form]);
  useEffect(() => {
    if (acting) actForm.setFieldsValue({ outcome: undefined, deadlineOn: chinaToday() });
  }, [acting, actForm]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !writeZone) return;
    create.mutate(
      { zoneId: writeZone, ...v, quantity: v.quantity || null, neededBy: v.neededBy || null },
      { onSuccess: () => (message.success(t('common.created')), setCreating(false)), onError: (e) => handleError(e, { form }) },
    );
  };
  const submitAct = async () => {
    const v = await actForm.validateFields().catch(() => null);
    if (!v || !acting) return;
    const done = { onSuccess: () => (message.success(t('common.saved')), setActing(null)), onError: (e: Error) => handleError(e, { form: actForm }) };
    if (acting.action === 'resolve') resolve.mutate({ id: acting.f.id, version: acting.f.version, outcome: v.outcome! }, done);
    else raise.mutate({ id: acting.f.id, version: acting.f.version, deadlineOn: v.deadlineOn! }, done);
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <div>
      <PageHeader
        title={t('factors.title')}
        extra={
          <Space wrap>
            {hasPermission('factor.manage') && (
              <Button type="primary" icon={<PlusOutlined />} disabled={!writeZone} onClick={() => setCreating(true)}>
                {t('factors.new')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={factorsExportUrl(listZone)} data-testid="factors-export">
              {t('factors.export')}
            </Button>
          </Space>
        }
      />
      <Table
        size="small"
        rowKey="id"
        loading={factors.isLoading}
        dataSource={factors.data ?? []}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('factors.kind'), dataIndex: 'kind', width: 80, render: (k: FactorRequest['kind']) => <Tag>{l(factorKindLabels[k])}</Tag> },
          { title: t('factors.project'), dataIndex: 'projectName', width: 200 },
          { title: t('factors.description'), dataIndex: 'description' },
          { title: t('factors.quantity'), dataIndex: 'quantity', width: 110 },
          { title: t('factors.requestedOn'), dataIndex: 'requestedOn', width: 110 },
          {
            title: t('factors.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: FactorRequest['status']) => <Tag color={statusColor[s]}>{l(factorStatusLabels[s])}</Tag>,
          },
          { title: t('factors.outcome'), dataIndex: 'outcome', width: 200 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, f: FactorRequest) =>
              f.blockerId ? (
                <Link to={`/dispatch/blockers/${f.blockerId}`}>{t('factors.blocker')}</Link>
              ) : (
                <Space size={0}>
                  {f.actions.includes('resolve') && (
                    <Button size="small" type="link" onClick={() => setActing({ f, action: 'resolve' })}>
                      {t('factors.resolve')}
                    </Button>
                  )}
                  {f.actions.includes('raise') && (
                    <Button size="small" type="link" danger onClick={() => setActing({ f, action: 'raise' })}>
                      {t('factors.raise')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('factors.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} name="factor-form" layout="vertical">
          <Form.Item name="kind" label={t('factors.kind')} rules={required}>
            <Select options={factorKinds.map((k) => ({ value: k, label: l(factorKindLabels[k]) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('factors.description')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="quantity" label={t('factors.quantity')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="neededBy" label={t('factors.neededBy')}>
            <DateField />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={acting !== null}
        title={acting?.action === 'raise' ? t('factors.raiseTitle', { name: acting.f.description }) : t('factors.resolve')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submitAct}
        onCancel={() => setActing(null)}
        confirmLoading={resolve.isPending || raise.isPending}
        forceRender
      >
        <Form form={actForm} name="factor-act-form" layout="vertical">
          {acting?.action === 'resolve' ? (
            <Form.Item name="outcome" label={t('factors.outcome')} rules={required}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          ) : (
            <Form.Item name="deadlineOn" label={t('factors.deadlineOn')} rules={required}>
              <DateField notBefore={chinaToday()} allowClear={false} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
