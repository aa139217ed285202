import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { fairKinds, type FairKind } from '../../../../contract/services/enums.ts';
import type { HiringFair } from '../../../../contract/services/hiring.ts';
import { fairKindLabels } from '../../../../contract/services/labels.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateFair } from '../api/create-fair';
import { demandUrl } from '../api/demand-url';
import { useFairs } from '../api/list-fairs';
import { usePosts } from '../api/list-posts';
import { useUpdateFair } from '../api/update-fair';

interface Values {
  name: string;
  heldOn: string;
  place?: string;
  kind: FairKind;
  applicants?: number;
  hires?: number;
  postIds?: string[];
}

/** 招聘会: 专场, 外出, 线上; the posts offered (the enterprises attending follow), applicants and hires. */
export function FairsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const fairs = useFairs(listZone);
  const posts = usePosts(zoneId ?? listZone);
  const create = useCreateFair();
  const update = useUpdateFair();
  const [editing, setEditing] = useState<HiringFair | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const manage = hasPermission('hiring.manage');

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ heldOn: chinaToday(), kind: 'special', applicants: 0, hires: 0 });
    else form.setFieldsValue({ ...editing, place: editing.place ?? undefined });
  }, [editing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const body = { ...v, place: v.place || null };
    const done = { onSuccess: () => (message.success(t('common.saved')), setEditing(null)), onError: (e: Error) => handleError(e, { form }) };
    if (editing === 'new') create.mutate({ zoneId: zoneId!, ...body }, done);
    else update.mutate({ id: editing.id, version: editing.version, ...body }, done);
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <div>
      {manage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!zoneId}
          onClick={() => setEditing('new')}
          style={{ marginBottom: 12 }}
          data-testid="hiring-new-fair"
        >
          {t('hiring.newFair')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={fairs.isLoading}
        dataSource={fairs.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('hiring.fairName'), dataIndex: 'name', render: (v: string, f) => (manage ? <a onClick={() => setEditing(f)}>{v}</a> : v) },
          { title: t('hiring.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('hiring.kind'), dataIndex: 'kind', width: 80, render: (k: FairKind) => <Tag>{fairKindLabels[k][en ? 1 : 0]}</Tag> },
          { title: t('hiring.enterprises'), dataIndex: 'enterprises', width: 70 },
          { title: t('hiring.positions'), dataIndex: 'positionsOffered', width: 70 },
          { title: t('hiring.applicants'), dataIndex: 'applicants', width: 90 },
          { title: t('hiring.hires'), dataIndex: 'hires', width: 90 },
          {
            title: t('hiring.fairExport'),
            key: 'export',
            width: 90,
            render: (_: unknown, f) => (
              <Button size="small" type="link" href={demandUrl({ fairId: f.id })}>
                .xlsx
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'hiring.newFair' : 'hiring.editFair')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setEditing(null)}
        confirmLoading={create.isPending || update.isPending}
        forceRender
        width={640}
      >
        <Form form={form} name="fair-form" layout="vertical">
          <Form.Item name="name" label={t('hiring.fairName')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="heldOn" label={t('hiring.heldOn')} rules={required}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="kind" label={t('hiring.kind')} rules={required}>
                <Select options={fairKinds.map((k) => ({ value: k, label: fairKindLabels[k][en ? 1 : 0] }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="place" label={t('hiring.place')}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="applicants" label={t('hiring.applicants')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="hires" label={t('hiring.hires')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="postIds" label={t('hiring.postsOffered')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.enterpriseName} · ${p.position}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
