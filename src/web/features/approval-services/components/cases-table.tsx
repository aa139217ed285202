import { useEffect, useState } from 'react';
import { App, Button, Form, Modal, Select, Table, Tag } from 'antd';
import { DateField } from '../../../components/date-field';
import { stepsOf, type ApprovalCase } from '../../../../contract/services/approval-services.ts';
import { caseLevelLabels, caseModeLabels, caseStepLabels } from '../../../../contract/services/labels.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAdvanceCase } from '../api/advance-case';

const nextStep = (c: ApprovalCase) => {
  const steps: readonly string[] = stepsOf[c.mode];
  return steps[steps.indexOf(c.step) + 1];
};

/** Cases with their clock (working days left, overdue in red), level and owner; one button moves a case to its next step. */
export function CasesTable({ cases, loading }: { cases: ApprovalCase[]; loading: boolean }) {
  const { t, locale } = useI18n();
  const l = (pair: readonly [string, string] | undefined) => (pair ? pair[locale === 'en-US' ? 1 : 0] : '—');
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const advance = useAdvanceCase();
  const [advancing, setAdvancing] = useState<ApprovalCase | null>(null);
  const [form] = Form.useForm<{ on: string; inspectionResult?: 'passed' | 'failed' }>();
  const target = advancing ? nextStep(advancing) : undefined;

  useEffect(() => {
    if (advancing) form.setFieldsValue({ on: chinaToday(), inspectionResult: undefined });
  }, [advancing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !advancing || !target) return;
    advance.mutate(
      { id: advancing.id, version: advancing.version, step: target as ApprovalCase['step'], on: v.on, inspectionResult: v.inspectionResult },
      { onSuccess: () => (message.success(t('common.saved')), setAdvancing(null)), onError: (e) => handleError(e, { form }) },
    );
  };

  return (
    <>
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={cases}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('approvals.empty') }}
        columns={[
          { title: t('approvals.item'), dataIndex: 'itemName', width: 200 },
          { title: t('approvals.applicant'), dataIndex: 'applicant' },
          { title: t('approvals.mode'), dataIndex: 'mode', width: 80, render: (m: ApprovalCase['mode']) => <Tag>{l(caseModeLabels[m])}</Tag> },
          { title: t('approvals.step'), dataIndex: 'step', width: 90, render: (s: string) => l(caseStepLabels[s]) },
          {
            title: t('approvals.checklistItem'),
            key: 'checklist',
            width: 200,
            render: (_: unknown, c) => (c.projectName ? `${c.projectName} · ${c.projectApprovalName ?? '—'}` : '—'),
          },
          { title: t('approvals.dueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('approvals.left'),
            dataIndex: 'workdaysLeft',
            width: 120,
            render: (v: number | null, c) =>
              !c.open ? (
                <Tag color="success">{t('approvals.closed')}</Tag>
              ) : v == null ? (
                '—'
              ) : v < 0 ? (
                <Tag color="error">{t('approvals.overdue', { days: -v })}</Tag>
              ) : (
                v
              ),
          },
          { title: t('approvals.level'), dataIndex: 'level', width: 90, render: (v: ApprovalCase['level']) => l(caseLevelLabels[v]) },
          { title: t('approvals.owner'), dataIndex: 'ownerName', width: 80 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, c) => {
              const n = nextStep(c);
              return c.actions.includes('advance') && n ? (
                <Button size="small" type="link" onClick={() => setAdvancing(c)}>
                  {t('approvals.advance', { step: l(caseStepLabels[n]) })}
                </Button>
              ) : null;
            },
          },
        ]}
      />
      <Modal
        open={advancing !== null}
        title={t('approvals.advanceTitle', { name: advancing ? `${advancing.itemName}（${advancing.applicant}）` : '' })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setAdvancing(null)}
        confirmLoading={advance.isPending}
        forceRender
      >
        <Form form={form} name="advance-case-form" layout="vertical">
          <Form.Item name="on" label={t('approvals.on')}>
            <DateField />
          </Form.Item>
          {target === 'inspected' && (
            <Form.Item name="inspectionResult" label={t('approvals.inspectionResult')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select
                options={[
                  { value: 'passed', label: t('approvals.passed') },
                  { value: 'failed', label: t('approvals.failed') },
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
