import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { Blocker } from '../../../../contract/dispatch.ts';
import { batchErrorText } from '../../../components/batch-bar';
import { useI18n } from '../../../i18n/use-i18n';
import { useBatchAssignBlockers } from '../api/batch-assign-blockers';
import { useBatchResolveBlockers } from '../api/batch-resolve-blockers';
import { ZoneAssigneeSelect, ZoneDepartmentSelect } from './zone-selects';

export type BlockerBatchAction = 'assign' | 'resolve';

interface Values {
  responsibleUserId?: string;
  departmentId?: string;
  resolution?: string;
}

/**
 * 批量转办 (责任人, 责任单位) or 批量销号 of the selected blockers, each with the version the board
 * read. All or nothing: a refused batch names the refused rows and keeps the selection.
 */
export function BlockerBatchModal({
  action,
  blockers,
  onClose,
  onDone,
}: {
  action: BlockerBatchAction | null;
  blockers: Blocker[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const assign = useBatchAssignBlockers();
  const resolve = useBatchResolveBlockers();
  const open = action !== null;
  const zoneIds = [...new Set(blockers.map((b) => b.zoneId))];
  // People and departments are a zone's: a reassignment takes blockers of one zone.
  const zoneId = zoneIds.length === 1 ? zoneIds[0] : null;
  const items = blockers.map((b) => ({ id: b.id, version: b.version }));
  const titleOf = (id: string) => blockers.find((b) => b.id === id)?.title ?? id;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const done = {
    onSuccess: (r: { updated: number }) => {
      message.success(t('common.batchDone', { count: r.updated }));
      onClose();
      onDone();
    },
    onError: (e: unknown) => {
      message.error(batchErrorText(e, t, titleOf));
      onClose();
    },
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (action === 'assign') assign.mutate({ items, responsibleUserId: v.responsibleUserId || undefined, departmentId: v.departmentId || undefined }, done);
    else resolve.mutate({ items, resolution: v.resolution ?? '' }, done);
  };

  return (
    <Modal
      open={open}
      title={`${action === 'resolve' ? t('dispatch.batchResolve') : t('dispatch.batchAssign')}（${t('common.selected', { count: blockers.length })}）`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: action === 'assign' && zoneId === null }}
      confirmLoading={assign.isPending || resolve.isPending}
      forceRender
    >
      <Form form={form} name="blocker-batch" layout="vertical" onFinish={submit}>
        {action === 'assign' && zoneId === null && <Alert type="warning" showIcon title={t('dispatch.batchOneZone')} style={{ marginBottom: 16 }} />}
        {action === 'assign' && (
          <>
            <Alert type="info" showIcon title={t('dispatch.batchAssignHint')} style={{ marginBottom: 16 }} />
            <Form.Item
              name="responsibleUserId"
              label={t('dispatch.responsible')}
              dependencies={['departmentId']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v) => (v || getFieldValue('departmentId') ? undefined : Promise.reject(new Error(t('dispatch.batchNothing')))),
                }),
              ]}
            >
              <ZoneAssigneeSelect zoneId={open ? zoneId : null} />
            </Form.Item>
            <Form.Item name="departmentId" label={t('dispatch.department')}>
              <ZoneDepartmentSelect zoneId={open ? zoneId : null} />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && (
          <Form.Item name="resolution" label={t('dispatch.resolution')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
