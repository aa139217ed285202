import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { createParkBody } from '../../../../contract/org.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useZodRule } from '../../../lib/use-zod-rule';
import { useCreatePark, type Park } from '../api/create-park';
import { useUpdatePark } from '../api/update-park';

/** What the modal is doing: adding a park to a zone, or renaming a park. */
export type ParkTarget = { mode: 'add'; zoneId: string } | { mode: 'rename'; park: Park };

export function ParkNameModal({ target, onClose }: { target: ParkTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const zodRule = useZodRule();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string }>();
  const createPark = useCreatePark();
  const updatePark = useUpdatePark();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ name: target.mode === 'rename' ? target.park.name : '' });
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const valid = await form.validateFields().catch(() => null);
    // antd already marks the invalid fields.
    if (!valid) return;
    const { name } = valid;
    const callbacks = {
      onSuccess: () => {
        message.success(target.mode === 'add' ? t('common.created') : t('common.saved'));
        onClose();
      },
      onError: (error: Error) => handleError(error, { form, onReload: onClose }),
    };
    if (target.mode === 'add') createPark.mutate({ zoneId: target.zoneId, name }, callbacks);
    else updatePark.mutate({ id: target.park.id, version: target.park.version, name }, callbacks);
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target?.mode === 'rename' ? t('org.renamePark') : t('org.addPark')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={createPark.isPending || updatePark.isPending}
      forceRender
    >
      <Form form={form} name="park-form" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('org.parkName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createParkBody.shape.name)]}>
          <Input autoFocus />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
