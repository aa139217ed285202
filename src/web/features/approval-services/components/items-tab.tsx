import { useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Space, Table } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateItem } from '../api/create-item';
import { useItems } from '../api/list-items';

interface Values {
  code?: string;
  name: string;
  department: string;
  statutoryDays?: number | null;
  promisedDays?: number | null;
  legalBasis?: string;
}

/** 赋权事项: the zone's catalogue of delegated powers (searchable), add one or import the list. */
export function ItemsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const [q, setQ] = useState('');
  const items = useItems(listZone, q);
  const create = useCreateItem();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const manage = hasPermission('approval_service.catalogue');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      { zoneId: zoneId!, ...v, code: v.code || null, legalBasis: v.legalBasis || null },
      { onSuccess: () => (message.success(t('common.created')), setOpen(false), form.resetFields()), onError: (e) => handleError(e, { form }) },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('approvals.search')} onSearch={setQ} style={{ width: 240, maxWidth: '100%' }} />
        {manage && (
          <>
            <Button type="primary" icon={<PlusOutlined />} disabled={!zoneId} onClick={() => setOpen(true)}>
              {t('approvals.newItem')}
            </Button>
            <Link to="/approval-services/import">
              <Button icon={<UploadOutlined />}>{t('approvals.import')}</Button>
            </Link>
          </>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={items.isLoading}
        dataSource={items.data ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          { title: t('approvals.code'), dataIndex: 'code', width: 110 },
          { title: t('approvals.item'), dataIndex: 'name' },
          { title: t('approvals.department'), dataIndex: 'department', width: 160 },
          { title: t('approvals.statutoryDays'), dataIndex: 'statutoryDays', width: 110 },
          { title: t('approvals.promisedDays'), dataIndex: 'promisedDays', width: 110 },
          { title: t('approvals.cases'), dataIndex: 'caseCount', width: 70 },
        ]}
      />
      <Modal
        open={open}
        title={t('approvals.newItem')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} name="item-form" layout="vertical">
          <Form.Item name="name" label={t('approvals.item')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="code" label={t('approvals.code')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="department" label={t('approvals.department')} rules={required}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="statutoryDays" label={t('approvals.statutoryDays')}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="promisedDays" label={t('approvals.promisedDays')}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </div>
  );
}
