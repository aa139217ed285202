import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { regionScopedRoles, roles, type Role } from '../../../../contract/roles.ts';
import { grantLoginBody, type User } from '../../../../contract/users.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLabels } from '../../../lib/use-labels';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useGrantLogin } from '../api/grant-login';

interface FormValues {
  username: string;
  password: string;
  role: Role;
}

/** The roles a person record can take here: it keeps its zones, so a zone role (a region needs the full edit). */
const zoneRoles = roles.filter((r) => r !== 'system_admin' && !regionScopedRoles.includes(r));

/**
 * 开通登录: an admin gives a person record a login name, a first password (changed at the first
 * sign-in) and a role; the record keeps its id, so what the import linked to it stays linked.
 */
export function GrantLoginModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<FormValues>();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const grant = useGrantLogin();

  const submit = async () => {
    if (!user) return;
    const valid = await form.validateFields().catch(() => null);
    if (!valid) return;
    grant.mutate(
      { id: user.id, version: user.version, ...valid },
      {
        onSuccess: (saved) => {
          message.success(t('users.loginGranted', { name: saved.displayName, username: saved.username }));
          onClose();
        },
        onError: (error) => handleError(error, { form, onReload: onClose }),
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.grantLoginTitle', { name: user.displayName }) : ''}
      okText={t('users.grantLogin')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('users.grantLoginHint')} />
      <Form
        form={form}
        name="grant-login"
        layout="vertical"
        preserve={false}
        initialValues={{ role: user && zoneRoles.includes(user.role) ? user.role : 'viewer' }}
        onFinish={submit}
      >
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('validation.required') }, zodRule(grantLoginBody.shape.username)]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true, message: t('validation.required') }, zodRule(grantLoginBody.shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={zoneRoles.map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
