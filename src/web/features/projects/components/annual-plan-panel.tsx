import { useEffect } from 'react';
import { App, Button, Form, InputNumber, Space, Table, Typography } from 'antd';
import { MoneyInput } from '../../../components/money-input';
import dayjs from 'dayjs';
import { fromYuan } from '../../../../contract/money.ts';
import type { ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveAnnualPlan } from '../api/project-mutations';
import { useProjectsI18n } from '../i18n';
import { Money } from './money';
import { withoutUnit } from '../../../lib/money-label';

type Plan = ProjectDetail['annualPlans'][number];

/** 年度投资计划: one plan per year in 万元; picking a year loads its plan (and its version) into the form. */
export function AnnualPlanPanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t, shellT } = useProjectsI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveAnnualPlan(project.id);
  const [form] = Form.useForm<{ year: number; planWan?: string }>();
  const editable = project.actions.includes('update');
  const year: number | undefined = Form.useWatch('year', form);
  const current = project.annualPlans.find((p) => p.year === year);
  const plans = [...project.annualPlans].sort((a, b) => b.year - a.year);

  // The amount follows the chosen year (and a reload after a conflict).
  const storedYuan = current?.planYuan;
  const storedVersion = current?.version;
  useEffect(() => {
    form.setFieldValue('planWan', storedYuan == null ? undefined : fromYuan(storedYuan, 'wan'));
  }, [year, storedYuan, storedVersion, form]);

  const submit = (v: { year: number; planWan?: string }) =>
    save.mutate(
      { year: v.year, planWan: v.planWan ?? '', version: current?.version },
      {
        onSuccess: () => void message.success(shellT('common.saved')),
        onError: (e) => onError(e, { form, onReload }),
      },
    );

  return (
    <>
      {editable && (
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ year: dayjs().year() }} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="year" label={t('plan.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} data-testid="plan-year" />
          </Form.Item>
          <Form.Item name="planWan" label={t('plan.amount')} rules={[{ required: true }]}>
            <MoneyInput style={{ width: 200 }} data-testid="plan-amount" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">
            {current ? t('plan.update') : t('plan.set')}
          </Button>
        </Form>
      )}
      <Table<Plan>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={plans}
        locale={{ emptyText: t('plan.empty') }}
        onRow={(r) => (editable ? { onClick: () => form.setFieldValue('year', r.year), style: { cursor: 'pointer' } } : {})}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', key: 'year', width: 100 },
          { title: withoutUnit(t('plan.amount')), key: 'plan', align: 'right', render: (_, r) => <Money yuan={r.planYuan} /> },
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_, r) =>
              editable ? (
                <Button size="small" type="link" onClick={() => form.setFieldValue('year', r.year)}>
                  {t('detail.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('plan.hint')}</Typography.Text>
      </Space>
    </>
  );
}
