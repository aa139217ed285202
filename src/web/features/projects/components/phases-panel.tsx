import { Card, Table, Tag, Typography } from 'antd';
import type { LandToStart, ProjectDetail } from '../../../../contract/projects.ts';
import { useProjectsI18n } from '../i18n';
import { Money } from './money';

type Phase = ProjectDetail['phases'][number];

/** "21 / 107 个工作日 · 拿地即开工": land to start against the zone's statutory figure, its promise and the mark. */
export function LandToStartText({ value }: { value: LandToStart | null }) {
  const { t } = useProjectsI18n();
  if (!value) return <>—</>;
  return (
    <span data-testid="land-to-start">
      <Typography.Text type={value.overStatutory ? 'danger' : undefined}>
        {t('phase.landToStart', { n: value.workdays, statutory: value.statutoryDays })}
      </Typography.Text>
      {value.promisedDays != null && (
        <Typography.Text type={value.overPromised ? 'warning' : 'secondary'}> {t('phase.promised', { n: value.promisedDays })}</Typography.Text>
      )}
      {!value.started && <Typography.Text type="secondary"> {t('phase.running')}</Typography.Text>}
      {value.immediateStart && (
        <>
          {' · '}
          <Tag color="green" data-testid="immediate-start">
            {t('phase.immediate')}
          </Tag>
        </>
      )}
    </span>
  );
}

/** 分期建设: each phase's stage, dates, money and land-to-start working days (N = the zone's 拿地即开工 days). */
export function PhasesPanel({ project }: { project: ProjectDetail }) {
  const { t } = useProjectsI18n();
  if (project.phases.length === 0) return null;
  const n = project.phases.find((ph) => ph.landToStart)?.landToStart?.immediateStartDays;
  return (
    <Card size="small" title={t('phase.title')} style={{ marginBottom: 16 }}>
      <Table<Phase>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 860 }}
        dataSource={project.phases}
        columns={[
          { title: t('phase.name'), dataIndex: 'name', key: 'name', width: 64, fixed: 'left' },
          { title: t('phase.landToStartTitle'), key: 'landToStart', width: 230, render: (_, ph) => <LandToStartText value={ph.landToStart} /> },
          { title: t('field.stage'), key: 'stage', width: 80, render: (_, ph) => <Tag>{t(`stage.${ph.stage}`)}</Tag> },
          { title: t('phase.landOn'), dataIndex: 'landOn', key: 'landOn', width: 105, render: (v: string | null) => v ?? '—' },
          { title: t('phase.actualStartOn'), dataIndex: 'actualStartOn', key: 'start', width: 105, render: (v: string | null) => v ?? '—' },
          { title: t('phase.productionOn'), dataIndex: 'productionOn', key: 'production', width: 105, render: (v: string | null) => v ?? '—' },
          {
            title: t('phase.money'),
            key: 'money',
            width: 170,
            render: (_, ph) => (
              <>
                {ph.investedYuan != null ? <Money yuan={ph.investedYuan} /> : '—'} / {ph.investmentYuan != null ? <Money yuan={ph.investmentYuan} /> : '—'}
              </>
            ),
          },
        ]}
      />
      {n != null && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('phase.rule', { n })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
