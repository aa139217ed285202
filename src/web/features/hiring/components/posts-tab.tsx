import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { postCategories, type PostCategory } from '../../../../contract/services/enums.ts';
import type { HiringPost } from '../../../../contract/services/hiring.ts';
import { postCategoryLabels } from '../../../../contract/services/labels.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreatePost } from '../api/create-post';
import { demandUrl } from '../api/demand-url';
import { usePosts } from '../api/list-posts';
import { useUpdatePost } from '../api/update-post';

interface Values {
  enterpriseId: string;
  sector: string;
  position: string;
  category: PostCategory;
  headcount: number;
  filled?: number;
  payMinYuan?: number | null;
  payMaxYuan?: number | null;
  requirements?: string;
  deadlineOn?: string;
}

const label = (c: PostCategory, en: boolean) => postCategoryLabels[c][en ? 1 : 0];

/** 岗位需求: the enterprises' posts, with filled against headcount; post, edit, export the demand list. */
export function PostsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const posts = usePosts(listZone);
  const create = useCreatePost();
  const update = useUpdatePost();
  const [editing, setEditing] = useState<HiringPost | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const manage = hasPermission('hiring.manage');

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ category: 'skilled_worker', headcount: 1 });
    else
      form.setFieldsValue({
        ...editing,
        requirements: editing.requirements ?? undefined,
        deadlineOn: editing.deadlineOn ?? undefined,
      });
  }, [editing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const body = {
      ...v,
      requirements: v.requirements || null,
      deadlineOn: v.deadlineOn || null,
      payMinYuan: v.payMinYuan ?? null,
      payMaxYuan: v.payMaxYuan ?? null,
    };
    const done = { onSuccess: () => (message.success(t('common.saved')), setEditing(null)), onError: (e: Error) => handleError(e, { form }) };
    if (editing === 'new') create.mutate({ zoneId: zoneId!, ...body }, done);
    else update.mutate({ id: editing.id, version: editing.version, ...body }, done);
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!zoneId} onClick={() => setEditing('new')} data-testid="hiring-new-post">
            {t('hiring.newPost')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={demandUrl({ zoneId: listZone ?? undefined })} data-testid="hiring-export-demand">
          {t('hiring.exportDemand')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={posts.isLoading}
        dataSource={posts.data ?? []}
        scroll={{ x: 980 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('hiring.enterprise'), dataIndex: 'enterpriseName', width: 220 },
          { title: t('hiring.sector'), dataIndex: 'sector', width: 90 },
          { title: t('hiring.position'), dataIndex: 'position', render: (v: string, p) => (manage ? <a onClick={() => setEditing(p)}>{v}</a> : v) },
          { title: t('hiring.category'), dataIndex: 'category', width: 100, render: (c: PostCategory) => <Tag>{label(c, en)}</Tag> },
          { title: `${t('hiring.filled')} / ${t('hiring.headcount')}`, key: 'count', width: 110, render: (_: unknown, p) => `${p.filled} / ${p.headcount}` },
          {
            title: t('hiring.pay'),
            key: 'pay',
            width: 120,
            render: (_: unknown, p) => (p.payMinYuan == null && p.payMaxYuan == null ? t('hiring.negotiable') : `${p.payMinYuan ?? ''}–${p.payMaxYuan ?? ''}`),
          },
          { title: t('hiring.deadlineOn'), dataIndex: 'deadlineOn', width: 110 },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'hiring.newPost' : 'hiring.editPost')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setEditing(null)}
        confirmLoading={create.isPending || update.isPending}
        forceRender
        width={640}
      >
        <Form form={form} name="post-form" layout="vertical">
          <Form.Item name="enterpriseId" label={t('hiring.enterprise')} rules={required}>
            <EnterprisePicker current={editing && editing !== 'new' ? { id: editing.enterpriseId, name: editing.enterpriseName } : null} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="sector" label={t('hiring.sector')} rules={required}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="category" label={t('hiring.category')} rules={required}>
                <Select options={postCategories.map((c) => ({ value: c, label: label(c, en) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="position" label={t('hiring.position')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="headcount" label={t('hiring.headcount')} rules={required}>
                <InputNumber min={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="filled" label={t('hiring.filled')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="payMinYuan" label={t('hiring.payMin')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="payMaxYuan" label={t('hiring.payMax')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="requirements" label={t('hiring.requirements')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="deadlineOn" label={t('hiring.deadlineOn')}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
