import { useEffect, useState } from 'react';
import { Button, DatePicker, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAssignees } from '../api/list-assignees';
import { useSaveApprovals } from '../api/project-mutations';
import { useProjectsI18n } from '../i18n';
import { LandToStartText } from './phases-panel';
import { PersonPicker } from '../../../components/person-picker';

type Approval = ProjectDetail['approvals'][number];

/** 审批事项 with their working-day clocks against the promised and statutory limits. */
export function ApprovalsPanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useProjectsI18n();
  const save = useSaveApprovals(project.id);
  const onError = useApiErrorHandler();
  const agents = useAssignees(project.zoneId);
  const editable = project.actions.includes('editApprovals');
  const [rows, setRows] = useState<(Approval & { agentUserId?: string | null })[]>([]);
  useEffect(() => setRows(project.approvals.map((a) => ({ ...a, agentUserId: a.agent?.id ?? null }))), [project.approvals]);
  const set = (id: string, patch: Partial<Approval & { agentUserId: string | null }>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const date = (r: Approval, field: 'filedOn' | 'grantedOn') =>
    editable ? (
      <DatePicker
        size="small"
        value={r[field] ? dayjs(r[field]) : null}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => set(r.id, { [field]: d ? d.format('YYYY-MM-DD') : null })}
      />
    ) : (
      (r[field] ?? '—')
    );

  return (
    <>
      <Typography.Paragraph type="secondary">
        {project.landToStart && (
          <strong>
            {t('phase.landToStartTitle')}：<LandToStartText value={project.landToStart} />　
          </strong>
        )}
        {t('detail.approvalsLimit', { statutory: project.approvalsStatutoryWorkdays, promised: project.approvalsPromisedWorkdays })}
      </Typography.Paragraph>
      <Table<Approval>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        columns={[
          { title: t('settings.approvalName'), dataIndex: 'name', key: 'name' },
          { title: t('approval.agency'), dataIndex: 'agency', key: 'agency', width: 110 },
          { title: t('approval.statutory'), dataIndex: 'statutoryDays', key: 'statutory', width: 110 },
          { title: t('approval.promised'), dataIndex: 'promisedDays', key: 'promised', width: 110 },
          {
            title: t('approval.agent'),
            key: 'agent',
            width: 120,
            render: (_, r) =>
              editable ? (
                <PersonPicker
                  size="small"
                  style={{ width: 110 }}
                  placeholder=""
                  value={(r as { agentUserId?: string | null }).agentUserId ?? undefined}
                  onChange={(v) => set(r.id, { agentUserId: v ?? null })}
                  people={agents.data}
                />
              ) : (
                (r.agent?.name ?? '—')
              ),
          },
          { title: t('approval.filed'), key: 'filed', width: 140, render: (_, r) => date(r, 'filedOn') },
          { title: t('approval.granted'), key: 'granted', width: 140, render: (_, r) => date(r, 'grantedOn') },
          {
            title: t('approval.elapsed'),
            key: 'clock',
            width: 120,
            render: (_, r) =>
              r.clock === 'not_filed' ? (
                <Tag>{t('approval.notFiled')}</Tag>
              ) : (
                <Tag color={r.overStatutory ? 'error' : r.overPromised ? 'warning' : r.clock === 'done' ? 'success' : 'processing'}>
                  {r.workdaysElapsed} · {t(r.clock === 'done' ? 'approval.done' : 'approval.running')}
                </Tag>
              ),
          },
        ]}
      />
      {editable && (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                items: rows.map((r) => ({
                  id: r.id,
                  version: r.version,
                  name: r.name,
                  agency: r.agency,
                  statutoryDays: r.statutoryDays,
                  promisedDays: r.promisedDays,
                  agentUserId: (r as { agentUserId?: string | null }).agentUserId ?? null,
                  filedOn: r.filedOn,
                  grantedOn: r.grantedOn,
                })),
              },
              { onError: (e) => onError(e, { onReload }) },
            )
          }
        >
          {t('approval.save')}
        </Button>
      )}
    </>
  );
}
