import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { useFlagHistory } from '../api/flag-history';
import { useProjectsI18n } from '../i18n';
import { flagColors, useFlagReasonText } from './flag-tag';

const dotColor = { green: 'green', yellow: 'orange', red: 'red' } as const;

/** 红黄绿灯变化: each change of the flag, newest first, with the day and the reasons of the new flag. */
export function FlagHistoryPanel({ project }: { project: ProjectDetail }) {
  const { t } = useProjectsI18n();
  const reasonText = useFlagReasonText();
  const history = useFlagHistory(project.id, `${project.updatedAt}:${project.flag}`);
  if (history.isPending) return <Skeleton active />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('flagHistory.empty')} />;
  return (
    <Timeline
      data-testid="flag-history"
      items={items.map((e) => ({
        color: dotColor[e.toFlag],
        content: (
          <div data-flag={e.toFlag}>
            <Typography.Text type="secondary">{e.on}</Typography.Text>{' '}
            {e.fromFlag ? <Tag color={flagColors[e.fromFlag]}>{t(`flag.${e.fromFlag}`)}</Tag> : <Tag>{t('flagHistory.first')}</Tag>}→{' '}
            <Tag color={flagColors[e.toFlag]}>{t(`flag.${e.toFlag}`)}</Tag>
            {e.reasons.length > 0 && <div>{e.reasons.map(reasonText).join('；')}</div>}
          </div>
        ),
      }))}
    />
  );
}
