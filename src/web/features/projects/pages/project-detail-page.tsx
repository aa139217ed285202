import { useState } from 'react';
import { DetailBreadcrumb } from '../../../components/detail-breadcrumb';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { RecordHistoryDrawer, type RecordHistoryTarget } from '../../../components/record-history-drawer';
import { useProject } from '../api/get-project';
import { AnnualPlanPanel } from '../components/annual-plan-panel';
import { ApprovalsPanel } from '../components/approvals-panel';
import { FlagHistoryPanel } from '../components/flag-history-panel';
import { FlagTag } from '../components/flag-tag';
import { PhasesPanel } from '../components/phases-panel';
import { LandPanel } from '../components/land-panel';
import { MilestonesPanel } from '../components/milestones-panel';
import { Money } from '../components/money';
import { ReportsPanel } from '../components/reports-panel';
import { StagePanel } from '../components/stage-panel';
import { useProjectsI18n } from '../i18n';
import { withoutUnit } from '../../../lib/money-label';

/** 项目详情: summary, stage timeline, milestones (Gantt), approvals with clocks, reports and photos, 标准地, history. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, shellT } = useProjectsI18n();
  const navigate = useNavigate();
  const project = useProject(id);
  const [history, setHistory] = useState<RecordHistoryTarget | null>(null);

  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <Result status="warning" title={shellT('common.loadFailed')} subTitle={project.error.message} />;
  const p = project.data;
  const reload = () => void project.refetch();

  return (
    <div>
      <DetailBreadcrumb trail={[{ label: shellT('menu.projects'), to: '/projects' }]} current={p.name} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">
            {p.name}
          </Typography.Title>
          <FlagTag flag={p.flag} reasons={p.flagReasons} />
          <Tag color="blue">{t(`stage.${p.stage}`)}</Tag>
          <Tag>{t(`level.${p.level}`)}</Tag>
        </Space>
        <Space>
          {p.actions.includes('update') && <Button onClick={() => navigate(`/projects/${p.id}/edit`)}>{t('detail.edit')}</Button>}
          <Button
            icon={<HistoryOutlined />}
            onClick={() => setHistory({ entityType: 'project' as RecordHistoryTarget['entityType'], entityId: p.id, name: p.name })}
          >
            {t('detail.history')}
          </Button>
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('field.zone')}>
            {p.zoneName}
            {p.parkName ? ` · ${p.parkName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.investor')}>{p.investorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.sector')}>
            {p.sectorText ?? '—'}
            {p.chainLinkText ? ` · ${p.chainLinkText}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={withoutUnit(t('field.total'))}>
            <Money yuan={p.totalInvestmentYuan} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.invested')}>
            <Money yuan={p.investedTotalYuan} /> {p.percentOfTotal != null && `(${p.percentOfTotal}%)`}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.ytd')}>
            <Money yuan={p.ytdYuan} />{' '}
            {p.annualPlanYuan != null && (
              <>
                / <Money yuan={p.annualPlanYuan} /> ({p.percentOfAnnualPlan}%)
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.nature')}>{t(`nature.${p.nature}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.landMu')}>{p.landMu ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.capacity')}>{p.capacityAmount != null ? `${p.capacityAmount} ${p.capacityUnit ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.leader')}>{p.leader?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.department')}>{p.department?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.officer')}>{p.officer?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.taskForce')}>
            {p.taskForce || p.taskForceMembers.length
              ? `${p.taskForce ?? ''}${p.taskForce && p.taskForceMembers.length ? '：' : ''}${p.taskForceMembers.map((m) => m.name).join('、')}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.content')} span={3}>
            {p.constructionContent ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <PhasesPanel project={p} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'stage', label: t('detail.stage'), children: <StagePanel project={p} onReload={reload} /> },
            { key: 'milestones', label: t('detail.milestones'), children: <MilestonesPanel project={p} onReload={reload} /> },
            { key: 'approvals', label: t('detail.approvals'), children: <ApprovalsPanel project={p} onReload={reload} /> },
            { key: 'reports', label: t('detail.reports'), children: <ReportsPanel project={p} /> },
            { key: 'plans', label: t('plan.tab'), children: <AnnualPlanPanel project={p} onReload={reload} /> },
            { key: 'land', label: t('detail.land'), children: <LandPanel project={p} onReload={reload} /> },
            { key: 'flags', label: t('flagHistory.tab'), children: <FlagHistoryPanel project={p} /> },
          ]}
        />
      </Card>
      <RecordHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
