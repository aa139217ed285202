import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { signingEventKinds } from '../../../../contract/pipeline-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateSigningEvent, useSigningEvents, type SigningEvent } from '../api/signing-events';

type Kind = (typeof signingEventKinds)[number];

/**
 * 签约活动: the ceremonies (签约仪式) and campaign batches (三个一批) agreements are signed at. An
 * agreement names its event; a re-signing at a later event is not counted again (decision 009).
 */
export default function SigningEventsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { zoneId, zones } = useCurrentZone();
  const { hasPermission } = useSession();
  const events = useSigningEvents(zoneId);
  const create = useCreateSigningEvent();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ zoneId?: string; name: string; kind: Kind; heldOn: Dayjs }>();
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.shortName ?? '—';
  const kindLabel = (k: Kind) => t(`signingEvents.kind.${k}`);
  const chooseZone = !zoneId && zones.length > 1;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    try {
      await create.mutateAsync({
        zoneId: zoneId ?? (zones.length === 1 ? zones[0].id : v.zoneId),
        name: v.name.trim(),
        kind: v.kind,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
      });
      message.success(t('common.created'));
      form.resetFields();
      setOpen(false);
    } catch (error) {
      onError(error, { form });
    }
  };

  if (events.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={events.error.message} />;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('signingEvents.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signingEvents.hint')}</Typography.Text>
        </div>
        {hasPermission('lead.update') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('signingEvents.create')}
          </Button>
        )}
      </Space>
      <Table<SigningEvent>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        dataSource={events.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('signingEvents.empty') }}
        columns={[
          { title: t('signingEvents.heldOn'), dataIndex: 'heldOn', width: 130 },
          { title: t('signingEvents.name'), dataIndex: 'name' },
          {
            title: t('signingEvents.kindField'),
            dataIndex: 'kind',
            width: 160,
            render: (k: Kind) => <Tag color={k === 'campaign' ? 'purple' : 'blue'}>{kindLabel(k)}</Tag>,
          },
          ...(zones.length > 1 ? [{ title: t('signingEvents.zone'), dataIndex: 'zoneId', width: 160, render: zoneName }] : []),
        ]}
      />
      <Modal open={open} title={t('signingEvents.create')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="signing-event" initialValues={{ kind: 'ceremony', heldOn: dayjs() }} onFinish={submit}>
          {chooseZone && (
            <Form.Item name="zoneId" label={t('signingEvents.zone')} rules={[{ required: true }]}>
              <Select options={zones.map((z) => ({ value: z.id, label: z.shortName }))} />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('signingEvents.name')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
            <Input autoFocus placeholder="汾东经开区重点项目集中签约仪式" />
          </Form.Item>
          <Form.Item name="kind" label={t('signingEvents.kindField')} rules={[{ required: true }]}>
            <Select options={signingEventKinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('signingEvents.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      </Modal>
    </div>
  );
}
