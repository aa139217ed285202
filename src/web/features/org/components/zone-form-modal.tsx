import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { createZoneBody, reportPeriods, zoneKinds, type Zone } from '../../../../contract/org.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLabels } from '../../../lib/use-labels';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useCreateZone } from '../api/create-zone';
import { useRegions } from '../api/list-regions';
import { useUpdateZone } from '../api/update-zone';

interface FormValues {
  code: string;
  name: string;
  shortName: string;
  kind: Zone['kind'];
  regionCode: string;
  reportPeriod: Zone['reportPeriod'];
}

/** New zone (code and region are fixed once created) or edit of an existing one. */
export function ZoneFormModal({ open, zone, onClose }: { open: boolean; zone: Zone | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useLabels();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const createZone = useCreateZone();
  const updateZone = useUpdateZone();
  const regions = useRegions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(zone ? { ...zone } : { kind: 'etdz', reportPeriod: 'month' });
  }, [open, zone, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!v) return;
    const callbacks = {
      onSuccess: () => {
        message.success(zone ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: Error) => handleError(error, { form, onReload: onClose }),
    };
    if (zone) updateZone.mutate({ id: zone.id, version: zone.version, name: v.name, shortName: v.shortName, kind: v.kind, reportPeriod: v.reportPeriod }, callbacks);
    else createZone.mutate(v, callbacks);
  };

  return (
    <Modal
      open={open}
      title={zone ? t('org.editZone') : t('org.createZone')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={createZone.isPending || updateZone.isPending}
      forceRender
    >
      <Form form={form} name="zone-form" layout="vertical" onFinish={submit}>
        <Form.Item name="code" label={t('org.zoneCode')} rules={[{ required: true, message: t('validation.required') }, zodRule(createZoneBody.shape.code)]}>
          <Input disabled={Boolean(zone)} />
        </Form.Item>
        <Form.Item name="name" label={t('org.zoneName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createZoneBody.shape.name)]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.zoneShortName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createZoneBody.shape.shortName)]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('org.zoneKind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={zoneKinds.map((k) => ({ value: k, label: labels.option('zoneKind', k) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('org.zoneRegion')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            disabled={Boolean(zone)}
            showSearch
            optionFilterProp="label"
            loading={regions.isPending}
            options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          />
        </Form.Item>
        <Form.Item name="reportPeriod" label={t('org.reportPeriod')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={reportPeriods.map((p) => ({ value: p, label: labels.option('reportPeriod', p) }))} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
