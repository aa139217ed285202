import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { createDepartmentBody, departmentKinds, type Department } from '../../../../contract/org.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLabels } from '../../../lib/use-labels';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useCreateDepartment } from '../api/create-department';
import { useUpdateDepartment } from '../api/update-department';

/** What the modal is doing: creating a department in a zone, or editing one. */
export type DepartmentTarget = { mode: 'create'; zoneId: string } | { mode: 'edit'; department: Department };

export function DepartmentFormModal({ target, onClose }: { target: DepartmentTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useLabels();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string; kind: Department['kind'] }>();
  const createDepartment = useCreateDepartment();
  const updateDepartment = useUpdateDepartment();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(target.mode === 'edit' ? { name: target.department.name, kind: target.department.kind } : { kind: 'office' });
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const values = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!values) return;
    const callbacks = {
      onSuccess: () => {
        message.success(target.mode === 'create' ? t('common.created') : t('common.saved'));
        onClose();
      },
      onError: (error: Error) => handleError(error, { form, onReload: onClose }),
    };
    if (target.mode === 'create') createDepartment.mutate({ zoneId: target.zoneId, ...values }, callbacks);
    else updateDepartment.mutate({ id: target.department.id, version: target.department.version, ...values }, callbacks);
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target?.mode === 'edit' ? t('org.editDepartment') : t('org.createDepartment')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={createDepartment.isPending || updateDepartment.isPending}
      forceRender
    >
      <Form form={form} name="department-form" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('org.departmentName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createDepartmentBody.shape.name)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('org.departmentKind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={departmentKinds.map((k) => ({ value: k, label: labels.option('departmentKind', k) }))} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
