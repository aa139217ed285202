import { App, Alert, Form, Input, Modal } from 'antd';
import { changePasswordBody } from '../../../../contract/auth.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useChangePassword } from '../api/change-password';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码. When `forced` (the account must change its password first) it cannot be dismissed, and
 * it closes by itself once the session no longer demands it.
 */
export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useChangePassword();
  const handleError = useApiErrorHandler();
  const zodRule = useZodRule();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!values) return;
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={mutation.isPending}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
      <Form form={form} name="change-password" layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true, message: t('validation.required') }, zodRule(changePasswordBody.shape.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* Lets Enter submit the form from any field. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
