import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Segmented, Space, Table, Typography, Upload } from 'antd';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { uploadImport, useCommitImport, useDiscardImport } from '../api/ledger-import';

/** Import of leads or enterprises: upload with progress, the row error report, then the choice. */
export default function LedgerImportPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { zoneId } = useCurrentZone();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [kind, setKind] = useState<'leads' | 'enterprises'>('leads');
  const [progress, setProgress] = useState<{ uploaded: number; rowsRead: number; phase: string } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const commit = useCommitImport();
  const discard = useDiscardImport();

  const start = async (file: File) => {
    setSummary(null);
    setDone(null);
    setProgress({ uploaded: 0, rowsRead: 0, phase: 'uploading' });
    try {
      setSummary(await uploadImport(file, { kind, zoneId, csrf: me.csrfToken, locale, onProgress: setProgress }));
    } catch (error) {
      onError(error);
    } finally {
      setProgress(null);
    }
  };

  const finish = async (mode: 'all' | 'valid') => {
    if (!summary) return;
    try {
      const result = await commit.mutateAsync({ id: summary.id, mode });
      const c = result.committed!;
      setDone(t('import.done', { leads: c.leadsCreated, created: c.enterprisesCreated, matched: c.enterprisesMatched }));
      setSummary(null);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as 'leads' | 'enterprises')}
        options={[
          { value: 'leads', label: t('import.kind.leads') },
          { value: 'enterprises', label: t('import.kind.enterprises') },
        ]}
      />
      <Typography.Text type="secondary">{t('import.template')}</Typography.Text>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (start(file), false)}>
        <Button type="primary" loading={Boolean(progress)}>
          {t('import.choose')}
        </Button>
      </Upload>
      {progress && (
        <Card size="small">
          <Progress percent={Math.round(progress.uploaded * 100)} />
          <Typography.Text>
            {progress.phase === 'uploading'
              ? t('import.uploading', { percent: Math.round(progress.uploaded * 100) })
              : t('import.reading', { rows: progress.rowsRead })}
          </Typography.Text>
        </Card>
      )}
      {done && <Alert type="success" message={done} showIcon />}
      {summary && (
        <Card size="small" title={summary.fileName}>
          <Alert
            type={summary.errorCount ? 'warning' : 'success'}
            showIcon
            message={t('import.summary', { total: summary.totalRows, valid: summary.validRows, errors: summary.errorCount })}
            style={{ marginBottom: 12 }}
          />
          {summary.errors.length > 0 && (
            <Table
              rowKey={(e) => `${e.row}-${e.column}`}
              size="small"
              dataSource={summary.errors}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 200 },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
          <Space style={{ marginTop: 12 }}>
            {summary.errorCount === 0 ? (
              <Button type="primary" loading={commit.isPending} onClick={() => finish('all')}>
                {t('import.importAll')}
              </Button>
            ) : (
              <Button type="primary" disabled={summary.validRows === 0} loading={commit.isPending} onClick={() => finish('valid')}>
                {t('import.importValid')}
              </Button>
            )}
            <Button
              onClick={async () => {
                await discard.mutateAsync(summary.id);
                setSummary(null);
                message.info(t('import.discarded'));
              }}
            >
              {t('import.importNothing')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
