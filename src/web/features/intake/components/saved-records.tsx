import { Button, List, Result, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { IntakeCommitResponse } from '../../../../contract/intake.ts';
import { useI18n } from '../../../i18n/use-i18n';

const pathOf = { project: '/projects', lead: '/leads', enterprise: '/enterprises' } as const;

/** What a commit saved, each record linked to its page. */
export function SavedRecords(props: { saved: IntakeCommitResponse; onAgain: () => void }) {
  const { t } = useI18n();
  const kindLabel = (k: keyof typeof pathOf) => t(k === 'project' ? 'intake.kind.project' : k === 'lead' ? 'intake.kind.lead' : 'intake.recordKind.enterprise');
  return (
    <Result
      status="success"
      title={t('intake.savedTitle')}
      subTitle={`${t('intake.savedSub', { count: props.saved.records.length })}${props.saved.trips.length ? ` · ${t('intake.tripsSaved', { count: props.saved.trips.length })}` : ''}${props.saved.figures ? ` · ${t('intake.figuresSaved', { count: props.saved.figures })}` : ''}${props.saved.reports.length ? ` · ${t('intake.savedReports', { count: props.saved.reports.length })}` : ''}`}
      extra={<Button onClick={props.onAgain}>{t('intake.again')}</Button>}
    >
      <List
        data-testid="saved-records"
        size="small"
        dataSource={props.saved.records}
        renderItem={(r) => (
          <List.Item>
            <Space size={4}>
              <Tag>{kindLabel(r.kind)}</Tag>
              <Tag color={r.action === 'create' ? 'green' : 'orange'}>{t(r.action === 'create' ? 'intake.saved.create' : 'intake.saved.update')}</Tag>
              <Link to={`${pathOf[r.kind]}/${r.id}`}>{r.name}</Link>
            </Space>
          </List.Item>
        )}
      />
    </Result>
  );
}
