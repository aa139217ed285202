import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Popconfirm, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { DispatchImportReport } from '../../../../contract/project-dispatch-sheet.ts';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useDispatchImport } from '../api/dispatch-sheet';
import { useZonesWithParks } from '../api/list-zones';
import { useProjectsI18n } from '../i18n';

/** 导入调度表: upload, check (row report), then "import the valid rows" or "import all" — or discard. */
export default function DispatchImportPage() {
  const { t } = useProjectsI18n();
  const { zoneId } = useCurrentZone();
  const zones = useZonesWithParks();
  const onError = useApiErrorHandler();
  const [zone, setZone] = useState<string | undefined>(zoneId ?? undefined);
  const [period, setPeriod] = useState<Dayjs>(dayjs().subtract(1, 'month').startOf('month'));
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DispatchImportReport | null>(null);
  /** A refusal of the whole file (wrong headers, not .xlsx, too many rows): its reasons stay on the page. */
  const [failure, setFailure] = useState<string[] | null>(null);
  const run = useDispatchImport();
  const chosen = zone ?? (zones.data?.length === 1 ? zones.data[0].id : undefined);
  const kind = zones.data?.find((z) => z.id === chosen)?.reportPeriod ?? 'month';

  const send = (mode?: 'all' | 'valid') => {
    if (!file || !chosen) return;
    setFailure(null);
    run.mutate(
      { file, zoneId: chosen, period: period.format('YYYY-MM-DD'), mode },
      {
        onSuccess: setReport,
        onError: (e) => (isApiError(e) && e.fields.length ? setFailure(e.fields.map((f) => f.reason)) : onError(e)),
      },
    );
  };
  const reset = () => {
    setFailure(null);
    setFile(null);
    setReport(null);
  };
  const vars = (r: DispatchImportReport) => ({
    created: r.plan.projectsCreated,
    updated: r.plan.projectsUpdated,
    enterprises: r.plan.enterprisesCreated,
    reports: r.plan.reportsWritten,
  });

  return (
    <div>
      <Typography.Title level={4}>{t('sheet.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sheet.importIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('sheet.zone')}>
            <Select
              style={{ width: 180 }}
              value={chosen}
              onChange={(z) => {
                setZone(z);
                setReport(null);
              }}
              options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))}
            />
          </Form.Item>
          <Form.Item label={t('sheet.period')} tooltip={t('sheet.periodHint')}>
            <DatePicker
              picker={kind === 'month' ? 'month' : 'date'}
              value={period}
              allowClear={false}
              onChange={(d) => {
                if (d) setPeriod(d);
                setReport(null);
              }}
            />
          </Form.Item>
        </Form>
        <Upload.Dragger
          style={{ marginTop: 16 }}
          accept=".xlsx"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            return false;
          }}
          onRemove={reset}
          data-testid="sheet-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('sheet.choose')}</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" disabled={!file || !chosen || run.isPending} loading={run.isPending && !run.variables?.mode} onClick={() => send()}>
            {t('sheet.check')}
          </Button>
        </Space>
        {run.isPending && (
          <div style={{ marginTop: 16 }}>
            <Progress percent={99} status="active" showInfo={false} />
            <Typography.Text type="secondary">
              {run.variables?.mode && run.rowsRead === 0 ? t('sheet.writing') : t('sheet.reading', { rows: run.rowsRead })}
            </Typography.Text>
          </div>
        )}
      </Card>

      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure.join('；')} data-testid="sheet-failure" />}
      {report && (
        <Card size="small" data-testid="sheet-report">
          {report.committed ? (
            <Alert type="success" showIcon message={t('sheet.done', vars(report))} />
          ) : (
            <>
              <Alert
                type={report.errorCount ? 'warning' : 'success'}
                showIcon
                message={t('sheet.summary', { total: report.totalRows, valid: report.validRows, errors: report.errorRows })}
                description={`${report.periodLabel} · ${t('sheet.plan', vars(report))}`}
              />
              <Space style={{ margin: '16px 0' }} wrap>
                <Button
                  type="primary"
                  disabled={report.validRows === 0 || run.isPending}
                  loading={run.isPending && run.variables?.mode === 'valid'}
                  onClick={() => send('valid')}
                >
                  {t('sheet.importValid')}
                </Button>
                <Popconfirm title={t('sheet.importAllHint')} onConfirm={() => send('all')} disabled={report.errorCount > 0}>
                  <Button disabled={report.errorCount > 0 || run.isPending} loading={run.isPending && run.variables?.mode === 'all'}>
                    {t('sheet.importAll')}
                  </Button>
                </Popconfirm>
                <Button onClick={reset}>{t('sheet.discard')}</Button>
              </Space>
              <div style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t('sheet.columns')}：</Typography.Text>
                {report.columns.map((c) => (
                  <Tag key={c.header} color={c.field ? 'blue' : undefined}>
                    {c.header}
                    {c.field ? '' : t('sheet.ignored')}
                  </Tag>
                ))}
              </div>
              {report.errors.length > 0 && (
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
                  dataSource={report.errors}
                  pagination={{ pageSize: 20 }}
                  footer={report.errorCount > report.errors.length ? () => t('sheet.moreErrors', { n: report.errors.length }) : undefined}
                  columns={[
                    { title: t('sheet.row'), dataIndex: 'row', width: 80 },
                    { title: t('sheet.column'), dataIndex: 'column', width: 200 },
                    { title: t('sheet.reason'), dataIndex: 'reason' },
                  ]}
                />
              )}
            </>
          )}
        </Card>
      )}
    </div>
  );
}
