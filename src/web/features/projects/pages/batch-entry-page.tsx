import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { periodLabel, periodOf, previousPeriod } from '../../../../contract/periods.ts';
import { isApiError } from '../../../lib/api-error';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useBatch, useSubmitBatch, type BatchGrid } from '../api/batch';
import { FlagTag } from '../components/flag-tag';
import { Money } from '../components/money';
import { useProjectsI18n } from '../i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { withoutUnit } from '../../../lib/money-label';

type Entry = { investedWan?: string; percentComplete?: number | null; progressText?: string; problems?: string };

/** 批量填报: one period for all of my projects in one grid; all rows are saved or none. */
export default function BatchEntryPage() {
  const { t, locale } = useProjectsI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { zoneId, zones } = useCurrentZone();
  const zone = zoneId ?? zones[0]?.id ?? null;
  const [periodStart, setPeriodStart] = useState<string | undefined>();
  const grid = useBatch(zone, periodStart);
  const submit = useSubmitBatch();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setEntries({});
    setErrors({});
  }, [zone, grid.data?.periodStart]);

  const data = grid.data;
  const kind = data?.periodKind ?? 'month';
  const choices: string[] = [];
  for (let p = periodOf(kind, chinaToday()); choices.length < 6; p = previousPeriod(kind, p.start)) choices.push(p.start);
  const open = (data?.rows ?? []).filter((r) => !r.report);
  const set = (id: string, patch: Entry) => setEntries((e) => ({ ...e, [id]: { ...e[id], ...patch } }));
  const err = (id: string, field: string) => errors[`${id}.${field}`];

  const onSubmit = () => {
    const rows = open.filter((r) => entries[r.projectId]?.investedWan != null && entries[r.projectId]?.investedWan !== '');
    if (!data || rows.length === 0) return;
    submit.mutate(
      { zoneId: data.zoneId, periodStart: data.periodStart, rows: rows.map((r) => ({ projectId: r.projectId, ...entries[r.projectId] })) },
      {
        onSuccess: (res) => message.success(t('batch.done', { n: res.created })),
        onError: (e) => {
          if (isApiError(e) && e.fields.length) {
            // rows.N.field → the cell of that row.
            setErrors(
              Object.fromEntries(
                e.fields.map((f) => {
                  const [, index, field] = f.field.split('.');
                  return [`${rows[Number(index)]?.projectId}.${field}`, f.reason];
                }),
              ),
            );
            message.error(e.message);
          } else onError(e);
        },
      },
    );
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('batch.title')}
        </Typography.Title>
        <Space>
          {t('batch.period')}
          <Select
            style={{ width: 160 }}
            value={data?.periodStart}
            onChange={setPeriodStart}
            options={choices.map((c) => ({ value: c, label: periodLabel(kind, c, locale) }))}
          />
          <Button type="primary" onClick={onSubmit} loading={submit.isPending} disabled={open.length === 0}>
            {t('batch.submit')}
          </Button>
        </Space>
      </Space>
      {data && data.rows.length === 0 ? (
        <Empty description={t('batch.empty')} />
      ) : (
        <Table<BatchGrid['rows'][number]>
          rowKey="projectId"
          size="small"
          loading={grid.isPending}
          dataSource={data?.rows ?? []}
          pagination={false}
          scroll={{ x: 1000, y: 600 }}
          columns={[
            { title: '', key: 'flag', width: 70, render: (_, r) => <FlagTag flag={r.flag} reasons={[]} /> },
            { title: t('field.name'), dataIndex: 'name', key: 'name', width: 260 },
            { title: t('batch.before'), key: 'before', width: 120, align: 'right', render: (_, r) => <Money yuan={r.investedBeforeYuan} /> },
            {
              title: withoutUnit(t('report.invested')),
              key: 'invested',
              width: 140,
              render: (_, r) =>
                r.report ? (
                  <Money yuan={r.report.investedYuan} />
                ) : (
                  <InputNumber<string>
                    min="0"
                    stringMode
                    status={err(r.projectId, 'investedWan') ? 'error' : undefined}
                    title={err(r.projectId, 'investedWan')}
                    value={entries[r.projectId]?.investedWan}
                    onChange={(v) => set(r.projectId, { investedWan: v ?? undefined })}
                  />
                ),
            },
            {
              title: t('field.percentComplete'),
              key: 'pct',
              width: 100,
              render: (_, r) =>
                r.report ? (
                  r.report.percentComplete
                ) : (
                  <InputNumber
                    min={0}
                    max={100}
                    placeholder={r.lastPercentComplete == null ? '' : String(r.lastPercentComplete)}
                    status={err(r.projectId, 'percentComplete') ? 'error' : undefined}
                    title={err(r.projectId, 'percentComplete')}
                    value={entries[r.projectId]?.percentComplete ?? undefined}
                    onChange={(v) => set(r.projectId, { percentComplete: v })}
                  />
                ),
            },
            {
              title: t('report.progress'),
              key: 'text',
              render: (_, r) =>
                r.report ? (
                  r.report.progressText
                ) : (
                  <Input value={entries[r.projectId]?.progressText} onChange={(e) => set(r.projectId, { progressText: e.target.value })} />
                ),
            },
            {
              title: t('report.problems'),
              key: 'problems',
              render: (_, r) =>
                r.report ? (
                  r.report.problems
                ) : (
                  <Input value={entries[r.projectId]?.problems} onChange={(e) => set(r.projectId, { problems: e.target.value })} />
                ),
            },
          ]}
        />
      )}
      {Object.keys(errors).length > 0 && <Alert type="error" style={{ marginTop: 12 }} title={Object.values(errors).join('；')} />}
    </div>
  );
}
