import { Card, Col, Empty, List, Row, Tag } from 'antd';
import { Link } from 'react-router';
import type { ProjectWorkbench } from '../../../../contract/projects.ts';
import { useI18n } from '../../../i18n/use-i18n';

/** 项目 on the 工作台: my overdue milestones and the progress reports I still owe. */
export function ProjectEntriesCard({ entries }: { entries: ProjectWorkbench }) {
  const { t } = useI18n();
  return (
    <Row gutter={16} style={{ marginTop: 24 }}>
      <Col xs={24} lg={12}>
        <Card title={t('workbench.projectOverdue')} size="small">
          {entries.overdueMilestones.length === 0 ? (
            <Empty />
          ) : (
            <List
              size="small"
              dataSource={entries.overdueMilestones}
              renderItem={(m) => (
                <List.Item extra={<Tag color="red">{t('workbench.projectDaysOverdue', { days: m.daysOverdue })}</Tag>}>
                  <Link to={`/projects/${m.projectId}`}>{m.projectName}</Link> · {m.milestone}（{m.plannedOn}）
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={t('workbench.projectReportsDue')}
          size="small"
          extra={entries.reportsDue.length > 0 && <Link to="/project-batch">{t('workbench.projectFileNow')}</Link>}
        >
          {entries.reportsDue.length === 0 ? (
            <Empty />
          ) : (
            <List
              size="small"
              dataSource={entries.reportsDue}
              renderItem={(r) => (
                <List.Item extra={`${r.periodStart} ~ ${r.periodEnd}`}>
                  <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
