import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Tag } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import type { ReserveEntry } from '../../../../contract/services/funding.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateApplication } from '../api/create-application';
import { useCreateReserve } from '../api/create-reserve';
import { useProgrammes } from '../api/list-programmes';
import { useProjectOptions } from '../api/list-project-options';
import { useReserve } from '../api/list-reserve';
import { useUpdateReserve } from '../api/update-reserve';

interface Values {
  projectId?: string;
  name?: string;
  totalInvestmentWan?: number | null;
  preliminaryDone?: boolean;
  feasibilityDone?: boolean;
  reportDone?: boolean;
  programmeIds?: string[];
  note?: string;
}

/** 项目储备库: entries from projects or by name, their readiness and fitting programmes; 申报 starts an application. */
export function ReserveTab({ zoneId }: { zoneId: string | null }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const reserve = useReserve(zoneId);
  const programmes = useProgrammes(zoneId);
  const projects = useProjectOptions(zoneId);
  const create = useCreateReserve();
  const update = useUpdateReserve();
  const apply = useCreateApplication();
  const [applying, setApplying] = useState<ReserveEntry | null>(null);
  const [applyForm] = Form.useForm<{ programmeId: string; askedWan: number }>();
  const manage = hasPermission('funding.manage');
  const programmeOptions = (programmes.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` }));

  useEffect(() => {
    if (applying) applyForm.resetFields();
  }, [applying, applyForm]);

  const submitApply = async () => {
    const v = await applyForm.validateFields().catch(() => null);
    if (!v || !applying) return;
    apply.mutate(
      { reserveId: applying.id, ...v },
      { onSuccess: () => (message.success(t('common.created')), setApplying(null)), onError: (e) => handleError(e, { form: applyForm }) },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];
  const done = (v: boolean, label: string) => <Tag color={v ? 'success' : 'default'}>{label}</Tag>;

  return (
    <>
      <ListTab<ReserveEntry, Values>
        rows={reserve.data}
        loading={reserve.isLoading}
        scrollX={980}
        canEdit={manage}
        canAdd={Boolean(zoneId)}
        newLabel={t('funding.newReserve')}
        editLabel={(r) => r.name}
        newTestId="funding-new-reserve"
        formName="reserve-form"
        drawerWidth={640}
        saving={create.isPending || update.isPending}
        onReload={() => reserve.refetch()}
        initialValues={(editing) =>
          editing === 'new'
            ? {}
            : {
                name: editing.name,
                totalInvestmentWan: editing.totalInvestmentYuan == null ? null : editing.totalInvestmentYuan / 10_000,
                preliminaryDone: editing.preliminaryDone,
                feasibilityDone: editing.feasibilityDone,
                reportDone: editing.reportDone,
                programmeIds: editing.programmes.map((p) => p.id),
                note: editing.note ?? undefined,
              }
        }
        save={(v, editing) => {
          const body = { ...v, name: v.name || undefined, note: v.note || null };
          return editing === 'new'
            ? create.mutateAsync({ zoneId: zoneId!, ...body, projectId: v.projectId ?? null })
            : update.mutateAsync({ id: editing.id, version: editing.version, ...body });
        }}
        columns={(edit) => [
          { title: t('funding.reserveName'), dataIndex: 'name', render: (v: string, r) => (manage ? <a onClick={() => edit(r)}>{v}</a> : v) },
          { title: t('funding.totalInvestment'), dataIndex: 'totalInvestmentYuan', width: 120, render: (v: number | null) => formatMoney(v, locale) },
          {
            title: t('funding.readiness'),
            key: 'readiness',
            width: 250,
            render: (_: unknown, r) => (
              <Space size={2} wrap>
                {done(r.preliminaryDone, t('funding.preliminary'))}
                {done(r.feasibilityDone, t('funding.feasibility'))}
                {done(r.reportDone, t('funding.report'))}
              </Space>
            ),
          },
          { title: t('funding.fits'), key: 'fits', width: 260, render: (_: unknown, r) => r.programmes.map((p) => p.name).join('；') || '—' },
          { title: t('funding.addedOn'), dataIndex: 'addedOn', width: 110 },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, r: ReserveEntry) => (
                    <Button size="small" type="link" onClick={() => setApplying(r)}>
                      {t('funding.apply')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      >
        {(editing) => (
          <>
            {editing === 'new' && (
              <Form.Item name="projectId" label={t('funding.fromProject')} extra={t('funding.fromProjectHint')}>
                <Select allowClear showSearch optionFilterProp="label" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
            )}
            <Form.Item name="name" label={t('funding.reserveName')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="totalInvestmentWan" label={t('funding.totalInvestment')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Row>
              {(['preliminaryDone', 'feasibilityDone', 'reportDone'] as const).map((k) => (
                <Col key={k} xs={24} sm={8}>
                  <Form.Item name={k} valuePropName="checked">
                    <Checkbox>
                      {t(k === 'preliminaryDone' ? 'funding.preliminary' : k === 'feasibilityDone' ? 'funding.feasibility' : 'funding.report')}
                    </Checkbox>
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item name="programmeIds" label={t('funding.fits')}>
              <Select mode="multiple" options={programmeOptions} optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="note" label={t('funding.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </ListTab>
      <Modal
        open={applying !== null}
        title={`${t('funding.applyTitle')}：${applying?.name ?? ''}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submitApply}
        onCancel={() => setApplying(null)}
        confirmLoading={apply.isPending}
        forceRender
      >
        <Form form={applyForm} name="apply-form" layout="vertical">
          <Form.Item name="programmeId" label={t('funding.programme')} rules={required}>
            <Select options={programmeOptions} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="askedWan" label={t('funding.askedWan')} rules={required}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
