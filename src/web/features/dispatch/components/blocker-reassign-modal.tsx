import { useEffect } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useUpdateBlocker } from '../api/update-blocker';
import { ZoneAssigneeSelect, ZoneDepartmentSelect } from './zone-selects';

interface Values {
  responsibleUserId: string;
  departmentId?: string | null;
}

/** 转交: hands the blocker to another responsible person (and department); the server records 转办 and notifies them. */
export function BlockerReassignModal({
  blocker,
  open,
  onClose,
  onReload,
}: {
  blocker: BlockerDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const update = useUpdateBlocker();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ departmentId: blocker.departmentId });
    // Only when opened: a refetch in the background must not wipe the choice being made.
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    update.mutate(
      {
        id: blocker.id,
        version: blocker.version,
        responsibleUserId: values.responsibleUserId,
        ...(values.departmentId !== blocker.departmentId ? { departmentId: values.departmentId ?? null } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) =>
          handleError(error, {
            form,
            onReload: () => {
              onClose();
              onReload();
            },
          }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('dispatch.reassignTitle')}
      okText={t('dispatch.reassign')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('dispatch.reassignHint')} style={{ marginBottom: 16 }} />
      <Form form={form} name="blocker-reassign" layout="vertical" onFinish={submit}>
        <Form.Item
          name="responsibleUserId"
          label={t('dispatch.responsible')}
          extra={blocker.responsibleName ? `${t('dispatch.responsible')}：${blocker.responsibleName}` : undefined}
          rules={[
            { required: true, message: t('validation.required') },
            { validator: async (_r, v) => (v && v === blocker.responsibleUserId ? Promise.reject(new Error(t('dispatch.reassignSame'))) : undefined) },
          ]}
        >
          <ZoneAssigneeSelect zoneId={open ? blocker.zoneId : null} allowClear={false} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('dispatch.department')}>
          <ZoneDepartmentSelect zoneId={open ? blocker.zoneId : null} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
