import { useState } from 'react';
import { App, Alert, Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  figureFieldLabels,
  gradeLabels,
  grades,
  indicatorCatalogue,
  type IndicatorKey,
  type LandEfficiencyResult,
} from '../../../../contract/land-efficiency.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useServerPagination } from '../../../lib/use-server-pagination';
import { landEfficiencyExportUrl } from '../api/export-url';
import { useLandEfficiencyResults, type ResultsParams } from '../api/list-results';
import { useRunEvaluation } from '../api/run-evaluation';
import { GradeTag, gradeColours } from './grade-tag';

const r2 = (v: number | null | undefined) => (v == null ? '—' : (Math.round(v * 100) / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

/** 评价结果: the run's counts and benchmarks, the table (rank, score, class, indicators), filter, search, pages, export, run. */
export function ResultsTab({ zoneId, year, canRun }: { zoneId: string; year: number; canRun: boolean }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [params, setParams] = useState<ResultsParams & { page: number; pageSize: number }>({ zoneId, year, page: 1, pageSize: 20, sort: 'rank', order: 'asc' });
  const query = { ...params, zoneId, year };
  const results = useLandEfficiencyResults(query);
  const run = useRunEvaluation();
  const pagination = useServerPagination(params, setParams, results.data?.total);
  const last = results.data?.run ?? null;
  const keys = (last?.config.indicators ?? []).map((i) => i.key as IndicatorKey);

  const start = () => {
    const go = async () => {
      try {
        const done = await run.mutateAsync({ zoneId, year });
        message.success(t('le.runDone', done.counts));
      } catch (err) {
        onError(err);
      }
    };
    if (!last) return go();
    modal.confirm({ title: t('le.rerun'), content: t('le.runConfirm', { year }), onOk: go });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select
            style={{ width: 150 }}
            value={params.grade ?? ''}
            data-testid="le-grade-filter"
            onChange={(g) => setParams((p) => ({ ...p, grade: (g || undefined) as never, page: 1 }))}
            options={[
              { value: '', label: t('le.allGrades') },
              ...grades.map((g) => ({ value: g, label: gradeLabels[g][lang] })),
              { value: 'incomplete', label: gradeLabels.incomplete[lang] },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('le.search')}
            style={{ width: 220 }}
            data-testid="le-search"
            onSearch={(q) => setParams((p) => ({ ...p, q: q || undefined, page: 1 }))}
          />
        </Space>
        <Space wrap>
          {canRun && (
            <Button type="primary" icon={<PlayCircleOutlined />} loading={run.isPending} onClick={start} data-testid="le-run">
              {last ? t('le.rerun') : t('le.run')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={landEfficiencyExportUrl(query)} disabled={!last} data-testid="le-export">
            {t('le.export')}
          </Button>
        </Space>
      </Space>
      {last ? (
        <Alert
          type="info"
          showIcon
          message={
            <Space wrap size="small" data-testid="le-counts">
              {grades.map((g) => (
                <Tag key={g} color={gradeColours[g]}>
                  {gradeLabels[g][lang]} {last.counts[g]}
                </Tag>
              ))}
              <Tag>
                {gradeLabels.incomplete[lang]} {last.counts.incomplete}
              </Tag>
              <Typography.Text type="secondary">
                {t('le.lastRun', { at: formatDateTime(last.createdAt, locale), by: last.runByName ?? 'system', n: last.enterpriseCount })}
              </Typography.Text>
            </Space>
          }
          description={
            <Typography.Text type="secondary">
              {t('le.benchmark')}：
              {keys.map((k) => `${indicatorCatalogue[k].label[lang]} ${r2(last.benchmarks[k])} ${indicatorCatalogue[k].unit[lang]}`).join('；')}
            </Typography.Text>
          }
        />
      ) : (
        !results.isLoading && <Empty description={<span>{t('le.notRun', { year })}<br />{t('le.notRunHint')}</span>} />
      )}
      {last && (
        <Table<LandEfficiencyResult>
          rowKey="enterpriseId"
          size="small"
          data-testid="le-results"
          loading={results.isFetching}
          dataSource={results.data?.items}
          pagination={pagination}
          scroll={{ x: 900 }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = (s?.columnKey as string) || 'rank';
            setParams((p) => ({ ...p, sort: s?.order ? (field as never) : 'rank', order: s?.order === 'descend' ? 'desc' : 'asc', page: 1 }));
          }}
          columns={[
            { key: 'rank', title: t('le.col.rank'), dataIndex: 'rank', width: 64, sorter: true, render: (v) => v ?? '—' },
            {
              key: 'name',
              title: t('le.col.enterprise'),
              dataIndex: 'enterpriseName',
              sorter: true,
              fixed: 'left',
              width: 220,
              render: (name, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/enterprises/${r.enterpriseId}`}>{name}</Link>
                  {r.creditCode && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.creditCode}</Typography.Text>}
                </Space>
              ),
            },
            { key: 'landMu', title: t('le.col.land'), dataIndex: 'landMu', align: 'right', sorter: true, render: (v) => r2(v) },
            { key: 'tax', title: t('le.col.tax'), dataIndex: 'taxYuan', align: 'right', render: (v) => (v == null ? '—' : formatMoney(v, locale)) },
            ...keys.map((k) => ({
              key: `v-${k}`,
              title: `${indicatorCatalogue[k].label[lang]}（${indicatorCatalogue[k].unit[lang]}）`,
              align: 'right' as const,
              render: (_: unknown, r: LandEfficiencyResult) => (
                <span title={r.scores[k] == null ? undefined : String(r.scores[k])}>
                  {r2(r.values[k])}
                  {r.scores[k] != null && <Typography.Text type="secondary"> / {r2(r.scores[k])}</Typography.Text>}
                </span>
              ),
            })),
            { key: 'score', title: t('le.col.score'), dataIndex: 'score', align: 'right', sorter: true, render: (v) => (v == null ? '—' : <b>{r2(v)}</b>) },
            {
              key: 'grade',
              title: t('le.col.grade'),
              dataIndex: 'grade',
              width: 150,
              render: (g, r) => (
                <Space direction="vertical" size={0}>
                  <GradeTag grade={g} />
                  {r.missing.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('le.missing', { fields: r.missing.map((m) => figureFieldLabels[m][lang]).join(lang ? ', ' : '、') })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
