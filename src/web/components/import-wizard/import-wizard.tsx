import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import type { ImportKind, ImportSummary } from '../../../contract/imports.ts';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api-error';
import { useSession } from '../../lib/session-context';
import { useApiErrorHandler } from '../../lib/use-api-error-handler';
import { FilePicker } from '../file-picker';
import { uploadImport, useCommitImport, useDiscardImport, useRemapImport, type UploadProgress } from './api';
import { wizardText, type WizardKey } from './strings';

export interface ImportWizardProps {
  kind: ImportKind;
  zoneId: string | null;
  /** Importer parameters sent with the upload (the dispatch sheet's period). */
  params?: { period?: string };
  /** Upload not possible yet (e.g. no zone chosen). */
  disabled?: boolean;
  /** What the valid rows would write, in the page's words (from `summary.plan`). */
  describePlan?: (summary: ImportSummary) => string | undefined;
  /** What the commit wrote, in the page's words (from `summary.committed`). */
  describeResult: (summary: ImportSummary) => string;
  onCommitted?: (summary: ImportSummary) => void;
}

/**
 * The one import flow of the web, on the staged-import engine (docs/imports.md): upload once with
 * progress, the column mapping (changeable: the staged rows are checked again), the row report,
 * then "import the valid rows" / "import all" or discard, and what was written.
 */
export function ImportWizard({ kind, zoneId, params, disabled, describePlan, describeResult, onCommitted }: ImportWizardProps) {
  const { locale } = useI18n();
  const w = (key: WizardKey, vars?: Record<string, string | number>) => wizardText(locale, key, vars);
  const { me } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Map<number, string | null>>(new Map());
  const remap = useRemapImport();
  const commit = useCommitImport(onCommitted);
  const discard = useDiscardImport();
  const done = summary?.status === 'committed';

  const show = (next: ImportSummary | null) => {
    setSummary(next);
    setMapping(new Map());
  };
  const refused = (error: unknown) => (isApiError(error) && error.fields.length ? setFailure(error.fields.map((f) => f.reason)) : onError(error));

  const start = async (file: File) => {
    show(null);
    setFailure(null);
    setProgress({ uploaded: 0, phase: 'uploading', rowsRead: 0 });
    try {
      show(await uploadImport(file, { kind, zoneId, params, csrf: me.csrfToken, locale, onProgress: setProgress }));
    } catch (error) {
      refused(error);
    } finally {
      setProgress(null);
    }
  };
  const applyMapping = () =>
    summary &&
    remap.mutate(
      { id: summary.id, columns: [...mapping].map(([index, field]) => ({ index, field })) },
      { onSuccess: show, onError: refused },
    );
  const finish = (mode: 'all' | 'valid') => summary && commit.mutate({ id: summary.id, mode }, { onSuccess: show, onError: refused });
  const drop = () =>
    summary &&
    discard.mutate(summary.id, {
      onSuccess: () => {
        show(null);
        message.info(w('discarded'));
      },
      onError: (error) => onError(error),
    });

  const fieldOf = (c: ImportSummary['columns'][number]) => (mapping.has(c.index) ? mapping.get(c.index)! : c.field);
  const current = done ? 3 : summary ? 2 : 0;
  const busy = Boolean(progress) || remap.isPending || commit.isPending || discard.isPending;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`import-wizard-${kind}`}>
      <Steps
        size="small"
        current={current}
        items={[{ title: w('stepUpload') }, { title: w('stepMapping') }, { title: w('stepPreview') }, { title: w('stepDone') }]}
      />
      {!summary || done ? (
        <FilePicker accept=".xlsx" dragger label={w('choose')} hint={w('chooseHint')} disabled={disabled || busy} onPick={start} testId="import-upload" />
      ) : null}
      {progress && (
        <Card size="small">
          <Progress percent={Math.round(progress.uploaded * 100)} status="active" />
          <Typography.Text type="secondary">
            {progress.phase === 'uploading' ? w('uploading', { percent: Math.round(progress.uploaded * 100) }) : w('reading', { rows: progress.rowsRead })}
          </Typography.Text>
        </Card>
      )}
      {commit.isPending && <Progress percent={99} status="active" showInfo={false} format={() => w('committing')} />}
      {failure && <Alert type="error" showIcon message={failure.join('；')} data-testid="import-failure" />}
      {done && summary && <Alert type="success" showIcon message={w('done')} description={describeResult(summary)} data-testid="import-done" />}
      {summary && !done && (
        <Card size="small" title={summary.fileName} data-testid="import-preview">
          <Alert
            type={summary.errorCount ? 'warning' : 'success'}
            showIcon
            message={w('summary', { total: summary.totalRows, valid: summary.validRows, errors: summary.errorRows })}
            description={describePlan?.(summary)}
            style={{ marginBottom: 12 }}
          />
          <Typography.Text strong>{w('mapping')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {w('mappingHint')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            dataSource={summary.columns}
            style={{ marginBottom: 8 }}
            columns={[
              { title: w('header'), dataIndex: 'header', width: 200 },
              { title: w('sample'), dataIndex: 'sample', render: (s: string[]) => s.map((v, i) => <Tag key={i}>{v}</Tag>) },
              {
                title: w('field'),
                width: 240,
                render: (_, c) => (
                  <Select
                    style={{ width: '100%' }}
                    size="small"
                    value={fieldOf(c) ?? ''}
                    data-testid={`import-map-${c.index}`}
                    onChange={(v: string) => setMapping(new Map(mapping).set(c.index, v || null))}
                    options={[
                      { value: '', label: w('ignore') },
                      ...summary.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（${w('required')}）` : f.label })),
                    ]}
                  />
                ),
              },
            ]}
          />
          <Button disabled={mapping.size === 0 || busy} loading={remap.isPending} onClick={applyMapping} style={{ marginBottom: 12 }}>
            {w('remap')}
          </Button>
          {summary.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
              dataSource={summary.errors}
              pagination={{ pageSize: 20 }}
              footer={summary.errorCount > summary.errors.length ? () => w('moreErrors', { n: summary.errors.length }) : undefined}
              columns={[
                { title: w('row'), dataIndex: 'row', width: 80 },
                { title: w('column'), dataIndex: 'column', width: 200 },
                { title: w('reason'), dataIndex: 'reason' },
              ]}
            />
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" disabled={summary.validRows === 0 || busy} loading={commit.isPending && commit.variables?.mode === 'valid'} onClick={() => finish('valid')}>
              {w('importValid')}
            </Button>
            <Popconfirm title={w('importAllHint')} onConfirm={() => finish('all')} disabled={summary.errorCount > 0}>
              <Button disabled={summary.errorCount > 0 || busy} loading={commit.isPending && commit.variables?.mode === 'all'}>
                {w('importAll')}
              </Button>
            </Popconfirm>
            <Button onClick={drop} loading={discard.isPending} disabled={busy}>
              {w('discard')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
