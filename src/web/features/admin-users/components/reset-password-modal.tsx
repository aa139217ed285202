import { App, Form, Input, Modal } from 'antd';
import { resetPasswordBody, type User } from '../../../../contract/users.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useResetUserPassword } from '../api/reset-user-password';

/** An admin sets a new password; the server makes the user change it at the next login. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const reset = useResetUserPassword();

  const submit = async () => {
    if (!user) return;
    const valid = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!valid) return;
    const { password } = valid;
    reset.mutate(
      { id: user.id, version: user.version, password },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => handleError(error, { form, onReload: onClose }),
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} name="reset-password" layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="password" label={t('auth.newPassword')} rules={[{ required: true, message: t('validation.required') }, zodRule(resetPasswordBody.shape.password)]}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
