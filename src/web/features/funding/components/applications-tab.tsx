import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { applicationStatuses, type ApplicationStatus } from '../../../../contract/services/enums.ts';
import type { FundingApplication } from '../../../../contract/services/funding.ts';
import { applicationStatusLabels } from '../../../../contract/services/labels.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useApplications } from '../api/list-applications';
import { useUpdateApplication } from '../api/update-application';
import { labelOf } from './labels';
import { DateField } from '../../../components/date-field';

const statusColor: Record<ApplicationStatus, string> = {
  planning: 'default',
  submitted: 'processing',
  review: 'warning',
  approved: 'success',
  disbursed: 'green',
};
const dateField: Record<ApplicationStatus, 'submittedOn' | 'approvedOn' | 'disbursedOn' | null> = {
  planning: null,
  submitted: 'submittedOn',
  review: null,
  approved: 'approvedOn',
  disbursed: 'disbursedOn',
};
const next = (s: ApplicationStatus) => applicationStatuses[applicationStatuses.indexOf(s) + 1] as ApplicationStatus | undefined;

/** 资金申报: applications with their status; one button moves each to the next status (下达 asks for the amount granted). */
export function ApplicationsTab({ zoneId }: { zoneId: string | null }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const applications = useApplications(zoneId);
  const update = useUpdateApplication();
  const [advancing, setAdvancing] = useState<FundingApplication | null>(null);
  const [form] = Form.useForm<{ date?: string; grantedWan?: number; note?: string }>();
  const manage = hasPermission('funding.manage');
  const target = advancing ? next(advancing.status) : undefined;

  useEffect(() => {
    if (!advancing) return;
    form.resetFields();
    form.setFieldsValue({ date: chinaToday(), grantedWan: advancing.grantedYuan == null ? undefined : advancing.grantedYuan / 10_000 });
  }, [advancing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !advancing || !target) return;
    const field = dateField[target];
    update.mutate(
      {
        id: advancing.id,
        version: advancing.version,
        status: target,
        ...(field ? { [field]: v.date } : {}),
        ...(target === 'approved' ? { grantedWan: v.grantedWan } : {}),
        ...(v.note ? { note: v.note } : {}),
      },
      {
        onSuccess: () => (message.success(t('common.saved')), setAdvancing(null)),
        onError: (e) => handleError(e, { form, onReload: () => applications.refetch() }),
      },
    );
  };

  return (
    <div>
      <Table
        size="small"
        rowKey="id"
        loading={applications.isLoading}
        dataSource={applications.data ?? []}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('funding.reserveName'), dataIndex: 'reserveName' },
          { title: t('funding.programme'), dataIndex: 'programmeName', width: 220 },
          { title: t('funding.deadlineOn'), dataIndex: 'deadlineOn', width: 110 },
          {
            title: t('funding.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: ApplicationStatus) => <Tag color={statusColor[v]}>{labelOf(applicationStatusLabels[v], locale)}</Tag>,
          },
          { title: t('funding.asked'), dataIndex: 'askedYuan', width: 110, render: (v: number) => formatMoney(v, locale) },
          { title: t('funding.granted'), dataIndex: 'grantedYuan', width: 110, render: (v: number | null) => formatMoney(v, locale) },
          { title: t('funding.owner'), dataIndex: 'ownerName', width: 90 },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 140,
                  render: (_: unknown, a: FundingApplication) => {
                    const n = next(a.status);
                    return n ? (
                      <Button size="small" type="link" onClick={() => setAdvancing(a)} data-testid={`advance-${a.id}`}>
                        {t('funding.advance', { status: labelOf(applicationStatusLabels[n], locale) })}
                      </Button>
                    ) : (
                      <Tag>{t('funding.finished')}</Tag>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={advancing !== null}
        title={t('funding.advanceTitle', { name: advancing?.reserveName ?? '' })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setAdvancing(null)}
        confirmLoading={update.isPending}
        forceRender
      >
        <Form form={form} name="advance-form" layout="vertical">
          {target && dateField[target] && (
            <Form.Item name="date" label={t('funding.statusDate')}>
              <DateField notAfter={chinaToday()} allowClear={false} />
            </Form.Item>
          )}
          {target === 'approved' && (
            <Form.Item name="grantedWan" label={t('funding.grantedWan')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('funding.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
