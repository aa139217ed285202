import { useEffect, useState } from 'react';
import { App, Form, InputNumber, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useDispatchSettings, usePutDispatchSettings } from '../api/dispatch-settings';

/**
 * 超期升级设置: how many working days an overdue blocker waits at a level before escalating, per zone
 * (zone leaders and admins). A zone without its own row runs on the default (version 0); the first
 * save creates the row, later saves name the version read.
 */
export function EscalationSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const current = useCurrentZone();
  const [zoneId, setZoneId] = useState<string | null>(null);
  const settings = useDispatchSettings(open ? zoneId : null);
  const put = usePutDispatchSettings();
  const [form] = Form.useForm<{ escalationWorkdays: number }>();

  useEffect(() => {
    if (open) setZoneId(current.zoneId ?? current.zones[0]?.id ?? null);
  }, [open, current.zoneId, current.zones]);
  useEffect(() => {
    if (open && settings.data) form.setFieldsValue({ escalationWorkdays: settings.data.escalationWorkdays });
  }, [open, settings.data, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !zoneId || !settings.data) return;
    put.mutate(
      { zoneId, escalationWorkdays: values.escalationWorkdays, version: settings.data.version > 0 ? settings.data.version : undefined },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => handleError(error, { form, onReload: () => settings.refetch() }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('dispatch.settings')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={put.isPending}
      okButtonProps={{ disabled: !settings.data }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('dispatch.escalationHint')}</Typography.Paragraph>
      <Form form={form} name="escalation-settings" layout="vertical" onFinish={submit}>
        <Form.Item label={t('dispatch.zone')}>
          <Select
            aria-label={t('dispatch.zone')}
            value={zoneId}
            onChange={setZoneId}
            options={current.zones.map((z) => ({ value: z.id, label: z.shortName }))}
          />
        </Form.Item>
        {settings.isPending && zoneId ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <Form.Item
            label={
              <Space>
                {t('dispatch.escalationWorkdays')}
                {settings.data?.version === 0 && <Tag>{t('dispatch.defaultSetting')}</Tag>}
              </Space>
            }
          >
            <Space>
              <Form.Item name="escalationWorkdays" noStyle rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber aria-label={t('dispatch.escalationWorkdays')} min={1} max={60} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <span>{t('dispatch.workdays')}</span>
            </Space>
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
