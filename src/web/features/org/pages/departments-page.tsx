import { useState } from 'react';
import { Alert, Button, Select, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Department } from '../../../../contract/org.ts';
import { HistoryButton } from '../../../components/history-button';
import { PageHeader } from '../../../components/page-header';
import { RecordHistoryDrawer, type RecordHistoryTarget } from '../../../components/record-history-drawer';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useLabels } from '../../../lib/use-labels';
import { useDepartments } from '../api/list-departments';
import { DepartmentFormModal, type DepartmentTarget } from '../components/department-form-modal';

/** 部门管理: the departments of one zone (the switcher's, or the first), created and edited here. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { hasPermission } = useSession();
  const current = useCurrentZone();
  const [pickedZoneId, setPickedZoneId] = useState<string | null>(null);
  const zoneId = pickedZoneId ?? current.zoneId ?? current.zones[0]?.id ?? null;
  const departments = useDepartments(zoneId);
  const [target, setTarget] = useState<DepartmentTarget | null>(null);
  const [history, setHistory] = useState<RecordHistoryTarget | null>(null);

  const columns: TableColumnsType<Department> = [
    { title: t('org.departmentName'), dataIndex: 'name' },
    { title: t('org.departmentKind'), dataIndex: 'kind', render: (kind: string) => labels.option('departmentKind', kind) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, department) => (
        <Space size={0}>
          {department.actions.includes('update') && (
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', department })}>
              {t('common.edit')}
            </Button>
          )}
          <HistoryButton
            actions={department.actions}
            target={{ entityType: 'department', entityId: department.id, name: department.name }}
            onOpen={setHistory}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('org.departmentsTitle')}
        extra={
          <Space>
            <Select
              aria-label={t('org.zone')}
              placeholder={t('org.selectZone')}
              style={{ width: 180 }}
              value={zoneId ?? undefined}
              onChange={(value: string) => setPickedZoneId(value)}
              options={current.zones.map((z) => ({ value: z.id, label: z.shortName }))}
            />
            {hasPermission('department.manage') && zoneId && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', zoneId })}>
                {t('org.createDepartment')}
              </Button>
            )}
          </Space>
        }
      />
      {departments.isError && <Alert type="error" showIcon title={departments.error.message} style={{ marginBottom: 16 }} />}
      <Table<Department> rowKey="id" columns={columns} dataSource={departments.data} loading={departments.isPending && Boolean(zoneId)} pagination={false} />
      <DepartmentFormModal target={target} onClose={() => setTarget(null)} />
      <RecordHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
