import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreatePartnership } from '../api/create-partnership';
import { usePartnerships } from '../api/list-partnerships';

interface Values {
  school: string;
  programme: string;
  classSize?: number | null;
  startsOn?: string;
  enterpriseId?: string;
}

/** 校企合作: schools, their 订单式培养 classes and the enterprises they train for. */
export function PartnershipsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const partnerships = usePartnerships(listZone);
  const create = useCreatePartnership();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const { enterpriseId, ...rest } = v;
    create.mutate(
      { zoneId: zoneId!, ...rest, startsOn: v.startsOn || null, classSize: v.classSize ?? null, enterpriseIds: enterpriseId ? [enterpriseId] : [] },
      { onSuccess: () => (message.success(t('common.created')), setOpen(false)), onError: (e) => handleError(e, { form }) },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <div>
      {hasPermission('hiring.manage') && (
        <Button type="primary" icon={<PlusOutlined />} disabled={!zoneId} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('hiring.newPartnership')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={partnerships.isLoading}
        dataSource={partnerships.data ?? []}
        scroll={{ x: 760 }}
        pagination={false}
        columns={[
          { title: t('hiring.school'), dataIndex: 'school', width: 180 },
          { title: t('hiring.programme'), dataIndex: 'programme' },
          { title: t('hiring.classSize'), dataIndex: 'classSize', width: 100 },
          { title: t('hiring.startsOn'), dataIndex: 'startsOn', width: 110 },
          { title: t('hiring.partnerEnterprises'), key: 'e', width: 260, render: (_: unknown, h) => h.enterprises.map((e) => e.name).join('；') || '—' },
        ]}
      />
      <Modal
        open={open}
        title={t('hiring.newPartnership')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} name="partnership-form" layout="vertical">
          <Form.Item name="school" label={t('hiring.school')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="programme" label={t('hiring.programme')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="classSize" label={t('hiring.classSize')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('hiring.startsOn')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('hiring.partnerEnterprises')}>
            <EnterprisePicker />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
