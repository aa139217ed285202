import { useState } from 'react';
import { App, Button, Checkbox, Form, Image, Input, InputNumber, Select, Space, Table } from 'antd';
import { MoneyInput } from '../../../components/money-input';
import { FilePicker } from '../../../components/file-picker';
import { periodLabel, periodOf, previousPeriod } from '../../../../contract/periods.ts';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateReport } from '../api/create-report';
import { useUploadPhoto } from '../api/upload-photo';
import { useProjectsI18n } from '../i18n';
import { Money } from './money';
import { chinaToday } from '../../../lib/format-date-time';
import { withoutUnit } from '../../../lib/money-label';

type Report = ProjectDetail['reports'][number];

/** 进度填报: the history with computed YTD / since start / percentages, a form for a new period, and photos. */
export function ReportsPanel({ project }: { project: ProjectDetail }) {
  const { t } = useProjectsI18n();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const create = useCreateReport(project.id);
  const upload = useUploadPhoto(project.id);
  const [form] = Form.useForm();
  const [byCumulative, setByCumulative] = useState(false);
  const kind = project.reportPeriod;
  const today = chinaToday();
  const reported = new Set(project.reports.map((r) => r.periodStart));
  const periods: string[] = [];
  for (let p = periodOf(kind, today); periods.length < 6; p = previousPeriod(kind, p.start)) if (!reported.has(p.start)) periods.push(p.start);

  const submit = (v: Record<string, unknown>) => {
    const body = {
      periodStart: v.periodStart as string,
      ...(byCumulative ? { cumulativeWan: v.amount as string } : { investedWan: v.amount as string }),
      percentComplete: (v.percentComplete as number | undefined) ?? null,
      progressText: (v.progressText as string | undefined) || null,
      problems: (v.problems as string | undefined) || null,
    };
    create.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        message.success(t('report.submitted'));
      },
      onError: (e) => {
        // The server names investedWan/cumulativeWan; the form shows one amount field.
        if (isApiError(e) && e.fields.length) {
          form.setFields(e.fields.map((f) => ({ name: ['investedWan', 'cumulativeWan'].includes(f.field) ? 'amount' : f.field, errors: [f.reason] })));
          message.error(e.message);
        } else onError(e);
      },
    });
  };

  return (
    <>
      {project.actions.includes('report') && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }} initialValues={{ periodStart: periods[0] }}>
          <Form.Item name="periodStart" label={t('report.period')} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} options={periods.map((p) => ({ value: p, label: periodLabel(kind, p, locale) }))} data-testid="report-period" />
          </Form.Item>
          <Form.Item name="amount" label={byCumulative ? t('report.cumulative') : t('report.invested')} rules={[{ required: true }]}>
            <MoneyInput style={{ width: 180 }} data-testid="report-amount" />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={byCumulative} onChange={(e) => setByCumulative(e.target.checked)}>
              {t('report.byCumulative')}
            </Checkbox>
          </Form.Item>
          <Form.Item name="percentComplete" label={t('field.percentComplete')}>
            <InputNumber min={0} max={100} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="progressText" label={t('report.progress')}>
            <Input style={{ width: 220 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="problems" label={t('report.problems')}>
            <Input style={{ width: 200 }} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="report-submit">
            {t('report.new')}
          </Button>
        </Form>
      )}
      <Table<Report>
        size="small"
        rowKey="id"
        dataSource={project.reports}
        pagination={{ pageSize: 12 }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('report.period'), key: 'period', width: 120, render: (_, r) => periodLabel(r.periodKind, r.periodStart, locale) },
          { title: withoutUnit(t('report.invested')), key: 'invested', align: 'right', render: (_, r) => <Money yuan={r.investedYuan} /> },
          { title: t('field.ytd'), key: 'ytd', align: 'right', render: (_, r) => <Money yuan={r.ytdYuan} /> },
          { title: t('field.invested'), key: 'since', align: 'right', render: (_, r) => <Money yuan={r.sinceStartYuan} /> },
          { title: t('field.pctPlan'), key: 'pp', width: 90, render: (_, r) => (r.percentOfAnnualPlan == null ? '—' : `${r.percentOfAnnualPlan}%`) },
          { title: t('field.pctTotal'), key: 'pt', width: 90, render: (_, r) => (r.percentOfTotal == null ? '—' : `${r.percentOfTotal}%`) },
          { title: t('field.percentComplete'), dataIndex: 'percentComplete', key: 'pc', width: 90 },
          { title: t('report.progress'), dataIndex: 'progressText', key: 'text' },
          { title: t('report.problems'), dataIndex: 'problems', key: 'problems' },
          {
            title: t('detail.photos'),
            key: 'photos',
            width: 200,
            render: (_, r) => {
              const photos = project.photos.filter((ph) => ph.reportId === r.id);
              const busy = upload.isPending && upload.variables?.reportId === r.id;
              return (
                <Space size={4} wrap data-testid={`report-photos-${r.periodStart}`}>
                  <Image.PreviewGroup>
                    {photos.map((ph) => (
                      <Image
                        key={ph.id}
                        src={ph.url}
                        width={48}
                        height={36}
                        style={{ objectFit: 'cover' }}
                        alt={ph.caption ?? periodLabel(r.periodKind, r.periodStart, locale)}
                      />
                    ))}
                  </Image.PreviewGroup>
                  {project.actions.includes('uploadPhoto') && (
                    <FilePicker
                      accept="image/jpeg,image/png,image/webp"
                      size="small"
                      iconOnly
                      label={t('photo.attach')}
                      title={`${t('photo.attach')} (${t('photo.hint')})`}
                      loading={busy}
                      testId={`report-photo-upload-${r.periodStart}`}
                      onPick={(file) =>
                        upload.mutate({ file, reportId: r.id }, { onSuccess: () => void message.success(t('photo.attached')), onError: (e) => onError(e) })
                      }
                    />
                  )}
                  {photos.length === 0 && !project.actions.includes('uploadPhoto') && '—'}
                </Space>
              );
            },
          },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 16 }}>
        {project.actions.includes('uploadPhoto') && (
          <FilePicker
            accept="image/jpeg,image/png,image/webp"
            label={t('photo.upload')}
            loading={upload.isPending}
            onPick={(file) => upload.mutate({ file }, { onError: (e) => onError(e) })}
          >
            {' '}
            <span style={{ color: '#999' }}>{t('photo.hint')}</span>
          </FilePicker>
        )}
        <Image.PreviewGroup>
          <Space wrap>
            {project.photos.map((p) => (
              <Image key={p.id} src={p.url} width={120} height={90} style={{ objectFit: 'cover' }} alt={p.caption ?? ''} />
            ))}
          </Space>
        </Image.PreviewGroup>
      </Space>
    </>
  );
}
