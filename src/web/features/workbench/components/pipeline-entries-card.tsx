import { Link } from 'react-router';
import { Card, Col, Empty, List, Row, Tag } from 'antd';
import type { PipelineWorkbench } from '../../../../contract/leads.ts';
import { stageLabels } from '../../../../contract/pipeline-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';

type Brief = PipelineWorkbench['myLeads'][number];

/** 招商 on the workbench: my open leads and the follow-ups due within a week (overdue in red). */
export function PipelineEntriesCard({ entries }: { entries: PipelineWorkbench }) {
  const { t, locale } = useI18n();
  const item = (l: Brief) => (
    <List.Item>
      <Link to={`/leads/${l.id}`}>{l.name}</Link> <Tag>{stageLabels[l.stage][locale === 'en-US' ? 1 : 0]}</Tag>
      <span style={{ color: l.overdue ? '#cf1322' : '#888', marginLeft: 8 }}>
        {l.nextStepOn ?? ''} {l.nextStep ?? ''}
      </span>
    </List.Item>
  );
  return (
    <Row gutter={16} style={{ marginTop: 24 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workbench.myLeads')}>
          {entries.myLeads.length ? <List size="small" dataSource={entries.myLeads} renderItem={item} /> : <Empty description={t('common.empty')} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workbench.followUpsDue')}>
          {entries.followUpsDue.length ? <List size="small" dataSource={entries.followUpsDue} renderItem={item} /> : <Empty description={t('common.empty')} />}
        </Card>
      </Col>
    </Row>
  );
}
