import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useEnterprises } from '../api/list-enterprises';
import { EnterpriseFormModal } from '../components/enterprise-form-modal';

/** 企业库: one record per enterprise, shared by every zone. */
export default function EnterprisesPage() {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useEnterprises({ q: q || undefined, page, pageSize: 20 });

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('enterprises.title')}
        </Typography.Title>
        <Space>
          <Input.Search allowClear placeholder={t('enterprises.search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 280 }} />
          {hasPermission('enterprise.create') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('enterprises.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('enterprises.name'), dataIndex: 'name', render: (name, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link> },
          { title: t('enterprises.creditCode'), dataIndex: 'creditCode', render: (c) => c ?? <Tag>{t('enterprises.noCodeTag')}</Tag> },
          { title: t('enterprises.legalPerson'), dataIndex: 'legalPerson' },
          { title: t('enterprises.capital'), dataIndex: 'registeredCapitalYuan', align: 'right', render: (y) => formatMoney(y, locale) },
          { title: t('enterprises.industry'), dataIndex: 'industryCode' },
        ]}
      />
      <EnterpriseFormModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
