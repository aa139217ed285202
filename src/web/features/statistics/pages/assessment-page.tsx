import { useState } from 'react';
import { App, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import type { AssessmentResult } from '../../../../contract/statistics.ts';
import { assessmentGradeLabels, assessmentMeasureLabels, indicatorByCode, type AssessmentGrade } from '../../../../contract/statistics-indicators.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { chinaToday, formatDateTime } from '../../../lib/format-date-time';
import { useComputeResults } from '../api/compute-results';
import { assessmentExportUrl } from '../api/export-url';
import { useResults } from '../api/list-results';
import { useSchemes } from '../api/list-schemes';
import { gradeColor } from '../components/grade-color';
import { SchemeDrawer } from '../components/scheme-drawer';
import { ZoneHistoryModal } from '../components/zone-history-modal';

/** 开发区考核: the year's results (rank, score, grade, item scores), each zone's years, the scheme and its export. */
export default function AssessmentPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [editing, setEditing] = useState(false);
  const [historyOf, setHistoryOf] = useState<{ zoneId: string; zoneName: string } | null>(null);
  const schemes = useSchemes();
  const results = useResults({ year });
  const compute = useComputeResults();
  const scheme = schemes.data?.find((s) => s.year === year);
  const canEdit = schemes.data?.[0]?.canEdit ?? false;
  const years = Array.from(new Set([thisYear, ...(schemes.data ?? []).map((s) => s.year), thisYear - 1, thisYear - 2])).sort((a, b) => b - a);
  const grade = (g: AssessmentGrade) => assessmentGradeLabels[g][locale === 'en-US' ? 1 : 0];
  const itemTitle = (code: string, measure: keyof typeof assessmentMeasureLabels) => {
    const ind = indicatorByCode.get(code);
    return `${ind ? (locale === 'en-US' ? ind.en : ind.zh) : code} · ${assessmentMeasureLabels[measure][locale === 'en-US' ? 1 : 0]}`;
  };

  return (
    <div>
      <PageHeader
        title={t('assess.title')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              aria-label={t('assess.year')}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="assess-edit-scheme">
                {scheme ? t('assess.editScheme') : t('assess.newScheme')}
              </Button>
            )}
            {canEdit && scheme && (
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                loading={compute.isPending}
                data-testid="assess-compute"
                onClick={() =>
                  compute.mutate({ year }, { onSuccess: (r) => message.success(t('assess.computed', { n: r.computed })), onError: (e) => onError(e) })
                }
              >
                {t('assess.compute')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={assessmentExportUrl(year)} disabled={!results.data?.length}>
              {t('assess.export')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('assess.intro')}</Typography.Paragraph>
      {scheme && (
        <Typography.Paragraph>
          {t('assess.scheme')}：{scheme.name}（{scheme.items.map((i) => `${itemTitle(i.code, i.measure)} ${i.weight}`).join('；')}）
        </Typography.Paragraph>
      )}
      {!scheme && !schemes.isLoading && <Empty description={t('assess.noScheme')} />}
      <Table<AssessmentResult>
        rowKey="id"
        size="small"
        loading={results.isLoading}
        dataSource={results.data ?? []}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: t('assess.noResults') }}
        data-testid="assess-results"
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey={(i) => `${i.code}:${i.measure}`}
              pagination={false}
              dataSource={r.items}
              columns={[
                { title: t('assess.item'), render: (_, i) => itemTitle(i.code, i.measure) },
                { title: t('assess.weight'), dataIndex: 'weight', align: 'right' },
                { title: t('assess.target'), dataIndex: 'target', align: 'right' },
                { title: t('assess.actual'), dataIndex: 'actual', align: 'right', render: (v: number | null) => (v == null ? '—' : v) },
                { title: t('assess.itemScore'), dataIndex: 'score', align: 'right' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('assess.rank'), key: 'rank', width: 60, render: (_, __, i) => i + 1 },
          {
            title: t('assess.zone'),
            dataIndex: 'zoneName',
            sorter: (a, b) => a.zoneName.localeCompare(b.zoneName, 'zh-CN'),
            render: (name: string, r) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setHistoryOf({ zoneId: r.zoneId, zoneName: name })}>
                {name}
              </Button>
            ),
          },
          { title: t('assess.score'), dataIndex: 'score', align: 'right', width: 90, sorter: (a, b) => a.score - b.score, defaultSortOrder: 'descend' },
          {
            title: t('assess.grade'),
            dataIndex: 'grade',
            width: 100,
            filters: (Object.keys(gradeColor) as AssessmentGrade[]).map((g) => ({ text: grade(g), value: g })),
            onFilter: (v, r) => r.grade === v,
            render: (g: AssessmentGrade) => <Tag color={gradeColor[g]}>{grade(g)}</Tag>,
          },
          { title: t('assess.computedAt'), dataIndex: 'computedAt', responsive: ['md'], render: (v: string) => formatDateTime(v, locale) },
        ]}
      />
      {editing && <SchemeDrawer year={year} scheme={scheme ?? schemes.data?.[0] ?? null} isNew={!scheme} onClose={() => setEditing(false)} />}
      <ZoneHistoryModal of={historyOf} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
