import { Card, Col, Row, Statistic } from 'antd';
import type { Workbench } from '../../../../contract/workbench.ts';
import { useI18n } from '../../../i18n/use-i18n';

type ZoneSummary = Workbench['zones'][number];

/** One zone on the 工作台: its short name and how many parks, departments and users it has. */
export function ZoneSummaryCard({ zone }: { zone: ZoneSummary }) {
  const { t } = useI18n();
  return (
    <Card title={zone.shortName} extra={<span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{zone.name}</span>} size="small">
      <Row gutter={8}>
        <Col span={8}>
          <Statistic title={t('workbench.parks')} value={zone.parks} />
        </Col>
        <Col span={8}>
          <Statistic title={t('workbench.departments')} value={zone.departments} />
        </Col>
        <Col span={8}>
          <Statistic title={t('workbench.users')} value={zone.users} />
        </Col>
      </Row>
    </Card>
  );
}
