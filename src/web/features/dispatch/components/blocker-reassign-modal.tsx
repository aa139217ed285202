import { Alert, Form, Modal } from 'antd';
import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useBlockerPatchForm } from './use-blocker-patch-form';
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
  const { form, submit: save, saving } = useBlockerPatchForm<Values>(blocker, {
    open,
    onClose,
    onReload,
    initialValues: () => ({ departmentId: blocker.departmentId }),
  });
  const submit = () =>
    save((values) => ({
      responsibleUserId: values.responsibleUserId,
      ...(values.departmentId !== blocker.departmentId ? { departmentId: values.departmentId ?? null } : {}),
    }));

  return (
    <Modal
      open={open}
      title={t('dispatch.reassignTitle')}
      okText={t('dispatch.reassign')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
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
