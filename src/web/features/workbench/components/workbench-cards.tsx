import { Card, Skeleton } from 'antd';
import type { Workbench } from '../../../../contract/workbench.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { MyTodoCard } from './my-todo-card';
import { PipelineEntriesCard } from './pipeline-entries-card';
import { ProjectEntriesCard } from './project-entries-card';
import { RecentChangesList } from './recent-changes-list';
import { ServicesTodoCard } from './services-todo-card';

export interface WorkbenchCardsProps {
  workbench: Workbench | undefined;
  pending: boolean;
  zoneId: string | null;
  changes: Workbench['recentChanges'];
  /** The enterprise-services worklist: not on a leader's 工作台, else when it has items, or always (the service officer, the 代办员). */
  services?: 'none' | 'whenAny' | 'always';
}

/**
 * The 工作台's to-do cards and what changed lately: a chunk of its own, so on a leader's 工作台,
 * where they sit under the 驾驶舱, it is fetched only when scrolled to.
 */
export function WorkbenchCards({ workbench, pending, zoneId, changes, services = 'none' }: WorkbenchCardsProps) {
  const { t } = useI18n();
  return (
    <div className="zd-no-print">
      {workbench?.dispatch && <MyTodoCard items={workbench.dispatch.todo.filter((item) => !zoneId || item.zoneId === zoneId)} />}
      {workbench?.services && services !== 'none' && (workbench.services.todo.length > 0 || services === 'always') && (
        <ServicesTodoCard entries={{ ...workbench.services, todo: workbench.services.todo.filter((item) => !zoneId || item.zoneId === zoneId) }} />
      )}
      {workbench?.pipeline && (
        <PipelineEntriesCard
          entries={{
            myLeads: workbench.pipeline.myLeads.filter((l) => !zoneId || l.zoneId === zoneId),
            followUpsDue: workbench.pipeline.followUpsDue.filter((l) => !zoneId || l.zoneId === zoneId),
          }}
        />
      )}
      {workbench?.projects && (
        <ProjectEntriesCard
          entries={{
            overdueMilestones: workbench.projects.overdueMilestones,
            reportsDue: workbench.projects.reportsDue.filter((r) => !zoneId || r.zoneId === zoneId),
          }}
        />
      )}
      <Card title={t('workbench.recentChanges')} size="small" style={{ marginTop: 24 }}>
        {pending ? <Skeleton active /> : <RecentChangesList entries={changes} />}
      </Card>
    </div>
  );
}
