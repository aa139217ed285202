import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateContact } from '../api/create-contact';
import { useContacts } from '../api/list-contacts';
import { useProgrammes } from '../api/list-programmes';

interface Values {
  contactedOn: string;
  department: string;
  person?: string;
  subject: string;
  nextStep?: string;
  programmeId?: string;
}

/** 对接记录: contacts with upper departments (who, when, what, next step). */
export function ContactsTab({ zoneId }: { zoneId: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const contacts = useContacts(zoneId);
  const programmes = useProgrammes(zoneId);
  const create = useCreateContact();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ contactedOn: chinaToday() });
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      { zoneId: zoneId!, ...v, person: v.person || null, nextStep: v.nextStep || null, programmeId: v.programmeId ?? null },
      { onSuccess: () => (message.success(t('common.created')), setOpen(false)), onError: (e) => handleError(e, { form }) },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <div>
      {hasPermission('funding.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!zoneId}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
          data-testid="funding-new-contact"
        >
          {t('funding.newContact')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={contacts.isLoading}
        dataSource={contacts.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('funding.contactedOn'), dataIndex: 'contactedOn', width: 110 },
          { title: t('funding.contactDepartment'), dataIndex: 'department', width: 160 },
          { title: t('funding.person'), dataIndex: 'person', width: 90 },
          { title: t('funding.subject'), dataIndex: 'subject' },
          { title: t('funding.nextStep'), dataIndex: 'nextStep', width: 180 },
          { title: t('funding.programme'), dataIndex: 'programmeName', width: 200 },
          { title: t('funding.recordedBy'), dataIndex: 'recordedByName', width: 90 },
        ]}
      />
      <Modal
        open={open}
        title={t('funding.newContact')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} name="contact-form" layout="vertical">
          <Form.Item name="contactedOn" label={t('funding.contactedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="department" label={t('funding.contactDepartment')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="person" label={t('funding.person')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="subject" label={t('funding.subject')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('funding.nextStep')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="programmeId" label={t('funding.programme')}>
            <Select allowClear options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
