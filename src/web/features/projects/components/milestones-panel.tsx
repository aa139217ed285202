import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Input, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveMilestones } from '../api/project-mutations';
import { useProjectsI18n } from '../i18n';
import { chinaToday } from '../../../lib/format-date-time';

type Row = {
  key: string;
  id?: string;
  version?: number;
  name: string;
  stage?: string | null;
  plannedOn: string | null;
  actualOn: string | null;
  slippageDays?: number | null;
  overdue?: boolean;
};
const DAY = 86_400_000;

/** 节点计划: editable planned/actual dates and a simple Gantt of plan (grey) against actual (green) or overdue (red). */
export function MilestonesPanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useProjectsI18n();
  const { message } = App.useApp();
  const save = useSaveMilestones(project.id);
  const onError = useApiErrorHandler();
  const editable = project.actions.includes('planMilestones');
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows(project.milestones.map((m) => ({ ...m, key: m.id }))), [project.milestones]);
  const set = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const dates = rows.flatMap((r) => [r.plannedOn, r.actualOn]).filter(Boolean) as string[];
  const today = chinaToday();
  const min = Math.min(...[...dates, today].map((d) => Date.parse(d)));
  const max = Math.max(...[...dates, today].map((d) => Date.parse(d))) + DAY;
  const pos = (d: string) => `${((Date.parse(d) - min) / (max - min)) * 100}%`;

  return (
    <>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: t('settings.milestoneName'),
            key: 'name',
            width: 140,
            render: (_, r) => (editable ? <Input value={r.name} onChange={(e) => set(r.key, { name: e.target.value })} /> : r.name),
          },
          {
            title: t('milestone.planned'),
            key: 'planned',
            width: 150,
            render: (_, r, i) =>
              editable ? (
                <DatePicker
                  data-testid={`milestone-planned-${i}`}
                  value={r.plannedOn ? dayjs(r.plannedOn) : null}
                  onChange={(d) => set(r.key, { plannedOn: d ? d.format('YYYY-MM-DD') : null })}
                />
              ) : (
                (r.plannedOn ?? '—')
              ),
          },
          {
            title: t('milestone.actual'),
            key: 'actual',
            width: 150,
            render: (_, r) =>
              editable ? (
                <DatePicker
                  value={r.actualOn ? dayjs(r.actualOn) : null}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  onChange={(d) => set(r.key, { actualOn: d ? d.format('YYYY-MM-DD') : null })}
                />
              ) : (
                (r.actualOn ?? '—')
              ),
          },
          {
            title: t('milestone.slippage'),
            key: 'slip',
            width: 110,
            render: (_, r) =>
              r.overdue ? (
                <Tag color="error">
                  {t('milestone.overdue')} {r.slippageDays}
                </Tag>
              ) : r.slippageDays != null ? (
                <Tag color={r.slippageDays > 0 ? 'warning' : 'success'}>{r.slippageDays}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t('milestone.gantt'),
            key: 'gantt',
            render: (_, r) => (
              <div style={{ position: 'relative', height: 14, background: '#fafafa' }}>
                <div style={{ position: 'absolute', left: pos(today), top: 0, bottom: 0, width: 1, background: '#1677ff' }} />
                {r.plannedOn && (
                  <Tooltip title={`${t('milestone.planned')} ${r.plannedOn}`}>
                    <div style={{ position: 'absolute', left: pos(r.plannedOn), top: 2, width: 8, height: 10, background: '#bfbfbf', borderRadius: 2 }} />
                  </Tooltip>
                )}
                {r.plannedOn && (r.actualOn || r.overdue) && (
                  <div
                    style={{
                      position: 'absolute',
                      left: pos(r.actualOn && r.actualOn < r.plannedOn ? r.actualOn : r.plannedOn),
                      width: `calc(${pos(r.actualOn ?? today)} - ${pos(r.actualOn && r.actualOn < r.plannedOn ? r.actualOn : r.plannedOn)})`,
                      top: 5,
                      height: 4,
                      background: r.overdue ? '#ff4d4f' : '#52c41a',
                    }}
                  />
                )}
              </div>
            ),
          },
        ]}
      />
      {editable && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setRows((rs) => [...rs, { key: `new-${rs.length}`, name: '', plannedOn: null, actualOn: null }])}>{t('milestone.add')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="milestones-save"
            onClick={() =>
              save.mutate(
                {
                  items: rows.map((r) => ({
                    id: r.id,
                    version: r.version,
                    name: r.name,
                    stage: r.stage ?? null,
                    plannedOn: r.plannedOn,
                    actualOn: r.actualOn,
                  })),
                },
                { onSuccess: () => void message.success(t('milestone.saved')), onError: (e) => onError(e, { onReload }) },
              )
            }
          >
            {t('milestone.save')}
          </Button>
        </Space>
      )}
    </>
  );
}
