import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Input, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { SortOrder } from 'antd/es/table/interface';
import { enterpriseOperations, enterpriseSorts } from '../../../../contract/enterprises.ts';
import { industryLabel } from '../../../../contract/industries.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { operationUrl } from '../../../lib/api-client';
import { formatChinaDate } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useUrlParams } from '../../../lib/use-url-params';
import { useEnterprises } from '../api/list-enterprises';
import { EnterpriseFormModal } from '../components/enterprise-form-modal';
import { IndustrySelect } from '../components/industry-select';

type Sort = (typeof enterpriseSorts)[number];
const defaults = { q: undefined as string | undefined, industry: undefined as string | undefined, sort: 'name' as string, order: 'asc' as string, page: 1, pageSize: 20 };

/** 企业库: one record per enterprise, shared by every zone; search, filter and sort live in the address. */
export default function EnterprisesPage() {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const [params, setParams] = useUrlParams(defaults);
  const [creating, setCreating] = useState(false);
  const query = { q: params.q, industry: params.industry, sort: params.sort as Sort, order: params.order as 'asc' | 'desc' };
  const list = useEnterprises({ ...query, page: params.page, pageSize: params.pageSize });
  const sortOrder = (key: Sort): SortOrder | undefined => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : undefined);

  return (
    <div>
      <PageHeader
        title={t('enterprises.title')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              defaultValue={params.q}
              placeholder={t('enterprises.search')}
              onSearch={(v) => setParams({ q: v.trim() || undefined })}
              style={{ width: 260 }}
              aria-label={t('enterprises.search')}
            />
            <IndustrySelect
              value={params.industry}
              onChange={(industry) => setParams({ industry })}
              placeholder={t('enterprises.industryFilter')}
              style={{ width: 220 }}
            />
            <Button icon={<DownloadOutlined />} href={operationUrl(enterpriseOperations.export, { query })}>
              {t('enterprises.export')}
            </Button>
            {hasPermission('enterprise.create') && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('enterprises.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          onChange: (page, pageSize) => setParams({ page, pageSize }),
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = one?.order ? (one.columnKey as Sort) : 'name';
          if (key !== params.sort || (one?.order === 'descend' ? 'desc' : 'asc') !== params.order)
            setParams({ sort: key, order: one?.order === 'descend' ? 'desc' : 'asc' });
        }}
        columns={[
          { key: 'name', title: t('enterprises.name'), dataIndex: 'name', sorter: true, sortOrder: sortOrder('name'), render: (name, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link> },
          { title: t('enterprises.creditCode'), dataIndex: 'creditCode', render: (c) => c ?? <Tag>{t('enterprises.noCodeTag')}</Tag> },
          { title: t('enterprises.legalPerson'), dataIndex: 'legalPerson' },
          // The cell carries its unit (万元 or 亿元), so the header does not.
          { key: 'registeredCapital', title: t('enterprises.capitalColumn'), dataIndex: 'registeredCapitalYuan', align: 'right', sorter: true, sortOrder: sortOrder('registeredCapital'), render: (y) => formatMoney(y, locale) },
          { title: t('enterprises.industry'), dataIndex: 'industryCode', render: (code: string | null) => (code ? (industryLabel(code) ?? code) : '—') },
          { key: 'updatedAt', title: t('enterprises.updatedAt'), dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), render: (iso: string) => formatChinaDate(iso), responsive: ['md'] },
        ]}
      />
      <EnterpriseFormModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
