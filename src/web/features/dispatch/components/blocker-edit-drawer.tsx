import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { DateField } from '../../../components/date-field';
import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { BlockerTitleAndCategoryFields } from './blocker-fields';
import { useBlockerPatchForm } from './use-blocker-patch-form';
import { useDispatchLabels } from './use-dispatch-labels';
import { ZoneAssigneeSelect, ZoneDepartmentSelect } from './zone-selects';

interface Values {
  title: string;
  category: string;
  description?: string | null;
  departmentId?: string | null;
  responsibleUserId?: string | null;
  deadlineOn: string;
  status: 'open' | 'resolving';
}

/**
 * 编辑堵点: its facts, responsible department and person, deadline and 待解决/推进中, sent with the
 * version read. The server's field errors (e.g. a deadline before the raised date) land on the fields;
 * a version conflict offers to reload.
 */
export function BlockerEditDrawer({ blocker, open, onClose, onReload }: { blocker: BlockerDetail; open: boolean; onClose: () => void; onReload: () => void }) {
  const { t } = useI18n();
  const label = useDispatchLabels();
  const { form, submit: save, saving } = useBlockerPatchForm<Values>(blocker, {
    open,
    onClose,
    onReload,
    initialValues: () => ({
      title: blocker.title,
      category: blocker.category,
      description: blocker.description,
      departmentId: blocker.departmentId,
      responsibleUserId: blocker.responsibleUserId,
      deadlineOn: blocker.deadlineOn,
      status: blocker.status === 'resolving' ? 'resolving' : 'open',
    }),
  });
  const submit = () =>
    save((values) => ({
      title: values.title,
      category: values.category as never,
      description: values.description || null,
      departmentId: values.departmentId ?? null,
      responsibleUserId: values.responsibleUserId ?? null,
      deadlineOn: values.deadlineOn,
      status: values.status,
    }));
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('dispatch.editTitle')}
      destroyOnHidden={false}
      forceRender
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} name="blocker-edit" layout="vertical" onFinish={submit}>
        <BlockerTitleAndCategoryFields />
        <Form.Item name="status" label={t('dispatch.status')} rules={required}>
          <Select options={(['open', 'resolving'] as const).map((s) => ({ value: s, label: label('status', s) }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('dispatch.department')}>
          <ZoneDepartmentSelect zoneId={open ? blocker.zoneId : null} />
        </Form.Item>
        <Form.Item name="responsibleUserId" label={t('dispatch.responsible')}>
          <ZoneAssigneeSelect zoneId={open ? blocker.zoneId : null} />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('dispatch.deadlineOn')} rules={required} extra={`${t('dispatch.raisedOn')}：${blocker.raisedOn}`}>
          <DateField />
        </Form.Item>
        <Form.Item name="description" label={t('dispatch.description')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
