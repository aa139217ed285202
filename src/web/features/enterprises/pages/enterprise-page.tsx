import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, List, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { stageLabels, statusLabels, type LeadStage, type LeadStatus } from '../../../../contract/pipeline-enums.ts';
import { EnterpriseProfileTabs } from '../../../components/enterprise-profile/enterprise-profile-tabs';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddContact } from '../api/add-contact';
import { useEnterprisePage } from '../api/get-enterprise-page';
import { useMergeEnterprise } from '../api/merge-enterprise';
import { withoutUnit } from '../../../lib/money-label';
import { auditStageLabels } from '../../../../contract/audit-labels.ts';

/** The enterprise page: its master data, contacts, and its leads and projects in the caller's zones. */
export default function EnterprisePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const page = useEnterprisePage(id);
  const addContact = useAddContact(id);
  const merge = useMergeEnterprise(id);
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const lang = locale === 'en-US' ? 1 : 0;

  if (page.isPending) return <Skeleton active />;
  if (page.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={page.error.message} />;
  const { enterprise: e, contacts, leads, projects, duplicates } = page.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {e.name} {e.noCreditCode && <Tag>{t('enterprises.noCodeTag')}</Tag>}
      </Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('enterprises.creditCode')}>{e.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.legalPerson')}>{e.legalPerson ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={withoutUnit(t('enterprises.capital'))}>{formatMoney(e.registeredCapitalYuan, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.industry')}>{page.data.industryLabel ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.region')}>{page.data.regionName ?? e.regionCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.address')}>{e.address ?? '—'}</Descriptions.Item>
      </Descriptions>

      <Card size="small">
        <EnterpriseProfileTabs enterpriseId={e.id} />
      </Card>

      <Card size="small" title={t('enterprises.leads')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={leads}
          columns={[
            { title: t('leads.code'), dataIndex: 'code' },
            { title: t('leads.name'), dataIndex: 'name', render: (n, l) => <Link to={`/leads/${l.id}`}>{n}</Link> },
            { title: t('leads.stage'), dataIndex: 'stage', render: (s: LeadStage) => stageLabels[s]?.[lang] ?? s },
            { title: t('leads.status'), dataIndex: 'status', render: (s: LeadStatus) => statusLabels[s]?.[lang] ?? s },
            { title: withoutUnit(t('leads.plannedInvestment')), dataIndex: 'amountYuan', align: 'right', render: (y) => formatMoney(y, locale) },
            { title: t('org.zone'), dataIndex: 'zoneName' },
          ]}
        />
      </Card>
      <Card size="small" title={t('enterprises.projects')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={projects}
          columns={[
            { title: t('leads.name'), dataIndex: 'name', render: (n, p) => <Link to={`/projects/${p.id}`}>{n}</Link> },
            { title: t('leads.stage'), dataIndex: 'stage', render: (s: string) => auditStageLabels[s]?.[lang] ?? s },
            { title: withoutUnit(t('leads.plannedInvestment')), dataIndex: 'amountYuan', align: 'right', render: (y) => formatMoney(y, locale) },
            { title: t('org.zone'), dataIndex: 'zoneName' },
          ]}
        />
      </Card>
      <Card size="small" title={t('enterprises.contacts')}>
        <List
          dataSource={contacts}
          renderItem={(c) => (
            <List.Item>
              {c.name} {c.title && <Tag>{c.title}</Tag>} {c.phone} {c.email}
            </List.Item>
          )}
        />
        {e.actions.includes('addContact') && (
          <Form
            form={form}
            layout="inline"
            onFinish={async (v) => {
              try {
                await addContact.mutateAsync(v);
                form.resetFields();
              } catch (err) {
                onError(err, { form });
              }
            }}
          >
            <Form.Item name="name" rules={[{ required: true }]}>
              <Input placeholder={t('enterprises.contactName')} />
            </Form.Item>
            <Form.Item name="title">
              <Input placeholder={t('enterprises.contactTitle')} />
            </Form.Item>
            <Form.Item name="phone">
              <Input placeholder={t('enterprises.phone')} />
            </Form.Item>
            <Form.Item name="email">
              <Input placeholder={t('enterprises.email')} />
            </Form.Item>
            <Button htmlType="submit">{t('enterprises.addContact')}</Button>
          </Form>
        )}
      </Card>
      {duplicates.length > 0 && (
        <Card size="small" title={t('enterprises.duplicates')}>
          <List
            dataSource={duplicates}
            renderItem={(d) => (
              <List.Item
                actions={
                  e.actions.includes('merge')
                    ? [
                        <Button
                          key="merge"
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: t('enterprises.merge'),
                              content: t('enterprises.mergeConfirm', { name: d.name }),
                              onOk: async () => {
                                try {
                                  await merge.mutateAsync({ duplicateId: d.id, version: e.version });
                                  message.success(t('enterprises.merged'));
                                } catch (err) {
                                  onError(err);
                                }
                              },
                            })
                          }
                        >
                          {t('enterprises.merge')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Link to={`/enterprises/${d.id}`}>{d.name}</Link> {d.creditCode}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
