import { Space, Table, Tag } from 'antd';
import { gradeLabels, grades } from '../../../../contract/land-efficiency.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useLandEfficiencyRuns } from '../api/list-runs';
import { gradeColours } from './grade-tag';

/** 评价记录: every run of the year, newest first (a re-run replaced the results; the log keeps what moved). */
export function RunsTab({ zoneId, year }: { zoneId: string; year: number }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const runs = useLandEfficiencyRuns(zoneId, year);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={runs.isLoading}
      dataSource={runs.data}
      pagination={false}
      locale={{ emptyText: t('le.runs.empty') }}
      columns={[
        { title: t('le.runs.at'), dataIndex: 'createdAt', render: (v) => formatDateTime(v, locale) },
        { title: t('le.runs.by'), dataIndex: 'runByName', render: (v) => v ?? 'system' },
        { title: t('le.runs.count'), dataIndex: 'enterpriseCount', align: 'right' },
        {
          title: t('le.col.grade'),
          dataIndex: 'counts',
          render: (c) => (
            <Space wrap size={4}>
              {grades.map((g) => (
                <Tag key={g} color={gradeColours[g]}>
                  {g} {c[g]}
                </Tag>
              ))}
              <Tag>
                {gradeLabels.incomplete[lang]} {c.incomplete}
              </Tag>
            </Space>
          ),
        },
      ]}
    />
  );
}
