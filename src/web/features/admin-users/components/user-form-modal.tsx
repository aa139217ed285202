import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { roles, regionScopedRoles, type Role } from '../../../../contract/roles.ts';
import { createUserBody, type User } from '../../../../contract/users.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLabels } from '../../../lib/use-labels';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useCreateUser } from '../api/create-user';
import { useDepartments } from '../api/list-departments';
import { useRegions } from '../api/list-regions';
import { useUpdateUser } from '../api/update-user';

interface FormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  zoneIds: string[];
  regionCode?: string;
  departmentId?: string;
  title?: string;
  phone?: string;
}

const emptyToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);

/**
 * Create or edit a user. The role decides the scope fields: zone roles pick zones (and a department in
 * them), city/province viewers pick a region of that level, system admins need neither.
 */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useLabels();
  const { me } = useSession();
  const [form] = Form.useForm<FormValues>();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const regions = useRegions();
  const departments = useDepartments();

  const role = Form.useWatch('role', form);
  const zoneIds = Form.useWatch('zoneIds', form) ?? [];
  const regionScoped = role ? regionScopedRoles.includes(role) : false;
  const zoneScoped = Boolean(role) && !regionScoped && role !== 'system_admin';
  const regionLevel = role === 'province_viewer' ? 'province' : 'city';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            zoneIds: user.zoneIds,
            regionCode: user.regionCode ?? undefined,
            departmentId: user.departmentId ?? undefined,
            title: user.title ?? undefined,
            phone: user.phone ?? undefined,
          }
        : { role: 'investment_officer', zoneIds: [] },
    );
  }, [open, user, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!v) return;
    const scope = {
      zoneIds: zoneScoped ? v.zoneIds : [],
      regionCode: regionScoped ? (v.regionCode ?? null) : null,
      departmentId: zoneScoped ? (v.departmentId ?? null) : null,
    };
    const details = { displayName: v.displayName.trim(), role: v.role, title: emptyToNull(v.title), phone: emptyToNull(v.phone), ...scope };
    const callbacks = {
      onSuccess: () => {
        message.success(user ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: Error) => handleError(error, { form, onReload: onClose }),
    };
    if (user) updateUser.mutate({ id: user.id, version: user.version, ...details }, callbacks);
    else createUser.mutate({ username: v.username.trim(), password: v.password, ...details }, callbacks);
  };

  const departmentOptions = (departments.data ?? [])
    .filter((d) => zoneIds.includes(d.zoneId))
    .map((d) => ({ value: d.id, label: `${me.zones.find((z) => z.id === d.zoneId)?.shortName ?? ''} · ${d.name}` }));

  return (
    <Modal
      open={open}
      title={user ? t('users.edit') : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={createUser.isPending || updateUser.isPending}
      width={560}
      // Keep the form mounted so its instance stays connected between openings.
      forceRender
    >
      <Form form={form} name="user-form" layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('validation.required') }, zodRule(createUserBody.shape.username)]}>
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createUserBody.shape.displayName)]}>
          <Input />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('users.password')} rules={[{ required: true, message: t('validation.required') }, zodRule(createUserBody.shape.password)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={roles.map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        {role === 'system_admin' && <Alert type="info" showIcon title={t('users.allZonesHint')} style={{ marginBottom: 16 }} />}
        {zoneScoped && (
          <>
            <Form.Item name="zoneIds" label={t('users.zones')} rules={[{ required: true, type: 'array', min: 1, message: t('users.zonesRequired') }]}>
              <Select mode="multiple" optionFilterProp="label" options={me.zones.map((z) => ({ value: z.id, label: z.shortName }))} />
            </Form.Item>
            <Form.Item name="departmentId" label={t('users.department')}>
              <Select allowClear optionFilterProp="label" options={departmentOptions} loading={departments.isPending} />
            </Form.Item>
          </>
        )}
        {regionScoped && (
          <Form.Item name="regionCode" label={t('users.region')} rules={[{ required: true, message: t('users.regionRequired') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={regions.isPending}
              options={(regions.data ?? []).filter((r) => r.level === regionLevel).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('users.title_')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[zodRule(createUserBody.shape.phone)]}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
