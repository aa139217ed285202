import { Button, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { postCategories, type PostCategory } from '../../../../contract/services/enums.ts';
import type { HiringPost } from '../../../../contract/services/hiring.ts';
import { postCategoryLabels } from '../../../../contract/services/labels.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useCreatePost } from '../api/create-post';
import { demandUrl } from '../api/demand-url';
import { usePosts } from '../api/list-posts';
import { useUpdatePost } from '../api/update-post';
import { DateField } from '../../../components/date-field';

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
  const { hasPermission } = useSession();
  const posts = usePosts(listZone);
  const create = useCreatePost();
  const update = useUpdatePost();
  const manage = hasPermission('hiring.manage');
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<HiringPost, Values>
      rows={posts.data}
      loading={posts.isLoading}
      scrollX={980}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('hiring.newPost')}
      editLabel={() => t('hiring.editPost')}
      newTestId="hiring-new-post"
      toolbar={
        <Button icon={<DownloadOutlined />} href={demandUrl({ zoneId: listZone ?? undefined })} data-testid="hiring-export-demand">
          {t('hiring.exportDemand')}
        </Button>
      }
      formName="post-form"
      drawerWidth={640}
      saving={create.isPending || update.isPending}
      onReload={() => posts.refetch()}
      initialValues={(editing) =>
        editing === 'new'
          ? { category: 'skilled_worker', headcount: 1 }
          : { ...editing, requirements: editing.requirements ?? undefined, deadlineOn: editing.deadlineOn ?? undefined }
      }
      save={(v, editing) => {
        const body = {
          ...v,
          requirements: v.requirements || null,
          deadlineOn: v.deadlineOn || null,
          payMinYuan: v.payMinYuan ?? null,
          payMaxYuan: v.payMaxYuan ?? null,
        };
        return editing === 'new' ? create.mutateAsync({ zoneId: zoneId!, ...body }) : update.mutateAsync({ id: editing.id, version: editing.version, ...body });
      }}
      columns={(edit) => [
        { title: t('hiring.enterprise'), dataIndex: 'enterpriseName', width: 220 },
        { title: t('hiring.sector'), dataIndex: 'sector', width: 90 },
        { title: t('hiring.position'), dataIndex: 'position', render: (v: string, p) => (manage ? <a onClick={() => edit(p)}>{v}</a> : v) },
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
    >
      {(editing) => (
        <>
          <Form.Item name="enterpriseId" label={t('hiring.enterprise')} rules={required}>
            <EnterprisePicker current={editing !== 'new' ? { id: editing.enterpriseId, name: editing.enterpriseName } : null} />
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
            <DateField />
          </Form.Item>
        </>
      )}
    </ListTab>
  );
}
