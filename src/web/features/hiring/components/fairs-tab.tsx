import { Button, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { fairKinds, type FairKind } from '../../../../contract/services/enums.ts';
import type { HiringFair } from '../../../../contract/services/hiring.ts';
import { fairKindLabels } from '../../../../contract/services/labels.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateFair } from '../api/create-fair';
import { demandUrl } from '../api/demand-url';
import { useFairs } from '../api/list-fairs';
import { usePosts } from '../api/list-posts';
import { useUpdateFair } from '../api/update-fair';
import { DateField } from '../../../components/date-field';

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
  const { hasPermission } = useSession();
  const fairs = useFairs(listZone);
  const posts = usePosts(zoneId ?? listZone);
  const create = useCreateFair();
  const update = useUpdateFair();
  const manage = hasPermission('hiring.manage');
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<HiringFair, Values>
      rows={fairs.data}
      loading={fairs.isLoading}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('hiring.newFair')}
      editLabel={() => t('hiring.editFair')}
      newTestId="hiring-new-fair"
      formName="fair-form"
      drawerWidth={640}
      saving={create.isPending || update.isPending}
      onReload={() => fairs.refetch()}
      initialValues={(editing) =>
        editing === 'new' ? { heldOn: chinaToday(), kind: 'special', applicants: 0, hires: 0 } : { ...editing, place: editing.place ?? undefined }
      }
      save={(v, editing) => {
        const body = { ...v, place: v.place || null };
        return editing === 'new' ? create.mutateAsync({ zoneId: zoneId!, ...body }) : update.mutateAsync({ id: editing.id, version: editing.version, ...body });
      }}
      columns={(edit) => [
        { title: t('hiring.fairName'), dataIndex: 'name', render: (v: string, f) => (manage ? <a onClick={() => edit(f)}>{v}</a> : v) },
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
    >
      {() => (
        <>
          <Form.Item name="name" label={t('hiring.fairName')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="heldOn" label={t('hiring.heldOn')} rules={required}>
                <DateField />
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
        </>
      )}
    </ListTab>
  );
}
