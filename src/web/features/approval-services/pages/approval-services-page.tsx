import { useState } from 'react';
import { Button, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useWorklist } from '../api/get-worklist';
import { useCases } from '../api/list-cases';
import { CaseFormModal } from '../components/case-form-modal';
import { CasesTable } from '../components/cases-table';
import { ItemsTab } from '../components/items-tab';

/** 审批服务: the agent's worklist, all cases of the zone, and the 赋权事项 catalogue. */
export default function ApprovalServicesPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const { hasPermission } = useSession();
  const listZone = current.zoneId;
  const writeZone = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const worklist = useWorklist();
  const cases = useCases(listZone);
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('approvals.title')}
        extra={
          hasPermission('approval_service.handle') && (
            <Button type="primary" icon={<PlusOutlined />} disabled={!writeZone} onClick={() => setCreating(true)} data-testid="approvals-new-case">
              {t('approvals.newCase')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          { key: 'worklist', label: t('approvals.tab.worklist'), children: <CasesTable cases={worklist.data ?? []} loading={worklist.isLoading} /> },
          { key: 'cases', label: t('approvals.tab.cases'), children: <CasesTable cases={cases.data ?? []} loading={cases.isLoading} /> },
          { key: 'items', label: t('approvals.tab.items'), children: <ItemsTab zoneId={writeZone} listZone={listZone} /> },
        ]}
      />
      <CaseFormModal zoneId={writeZone} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
