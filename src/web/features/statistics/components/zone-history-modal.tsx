import { Modal, Table, Tag } from 'antd';
import { assessmentGradeLabels, type AssessmentGrade } from '../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useResults } from '../api/list-results';
import { gradeColor } from './grade-color';

/** A zone's results by year, recomputations included (the superseded ones marked). */
export function ZoneHistoryModal({ of, onClose }: { of: { zoneId: string; zoneName: string } | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const results = useResults(of ? { zoneId: of.zoneId, history: 'true' } : null);
  return (
    <Modal open={!!of} onCancel={onClose} footer={null} width={640} title={of ? t('assess.historyOf', { zone: of.zoneName }) : ''}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={results.isLoading}
        dataSource={results.data ?? []}
        scroll={{ x: 520 }}
        data-testid="assess-history"
        columns={[
          { title: t('assess.year'), dataIndex: 'year', width: 80 },
          { title: t('assess.score'), dataIndex: 'score', align: 'right', width: 80 },
          {
            title: t('assess.grade'),
            dataIndex: 'grade',
            render: (g: AssessmentGrade) => <Tag color={gradeColor[g]}>{assessmentGradeLabels[g][locale === 'en-US' ? 1 : 0]}</Tag>,
          },
          { title: t('assess.schemeVersion'), dataIndex: 'schemeVersion', width: 90 },
          {
            title: '',
            dataIndex: 'current',
            render: (c: boolean) => (c ? <Tag color="green">{t('assess.current')}</Tag> : <Tag>{t('assess.superseded')}</Tag>),
          },
          { title: t('assess.computedAt'), dataIndex: 'computedAt', render: (v: string) => formatDateTime(v, locale) },
        ]}
      />
    </Modal>
  );
}
