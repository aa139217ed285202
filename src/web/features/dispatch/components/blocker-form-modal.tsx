import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { DateField } from '../../../components/date-field';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateBlocker } from '../api/create-blocker';
import { useAssignees } from '../api/list-assignees';
import { useProjectOptions } from '../api/list-project-options';
import { BlockerTitleAndCategoryFields } from './blocker-fields';
import { ZoneDepartmentSelect } from './zone-selects';
import { PersonPicker } from '../../../components/person-picker';

interface Values {
  zoneId: string;
  projectId?: string;
  title: string;
  category: string;
  raisedOn?: string;
  deadlineOn: string;
  departmentId?: string;
  responsibleUserId?: string;
  description?: string;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 提出堵点: on a project of the zone, with category, dates and the responsible person. */
export function BlockerFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const current = useCurrentZone();
  const [form] = Form.useForm<Values>();
  const zoneId = Form.useWatch('zoneId', form) ?? null;
  const raisedOn = Form.useWatch('raisedOn', form) ?? undefined;
  const projects = useProjectOptions(zoneId);
  const people = useAssignees(zoneId);
  const create = useCreateBlocker();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ zoneId: current.zoneId ?? current.zones[0]?.id, category: 'land', raisedOn: today() });
  }, [open, form, current.zoneId, current.zones]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      {
        ...values,
        description: values.description || null,
        projectId: values.projectId ?? null,
        // Left empty: the server takes the project's 责任单位.
        departmentId: values.departmentId,
        responsibleUserId: values.responsibleUserId ?? null,
        category: values.category as never,
      },
      {
        onSuccess: (created) => {
          message.success(t('common.created'));
          onCreated(created.id);
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Modal
      open={open}
      title={t('dispatch.raise')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
      width={640}
    >
      <Form form={form} name="blocker-form" layout="vertical" onFinish={submit}>
        <Form.Item name="zoneId" label={t('dispatch.zone')} rules={required}>
          <Select options={current.zones.map((z) => ({ value: z.id, label: z.shortName }))} />
        </Form.Item>
        <Form.Item name="projectId" label={t('dispatch.project')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={projects.isPending && Boolean(zoneId)}
            options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <BlockerTitleAndCategoryFields />
        <Form.Item name="raisedOn" label={t('dispatch.raisedOn')} rules={required}>
          <DateField notAfter={today()} />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('dispatch.deadlineOn')} rules={required}>
          <DateField notBefore={raisedOn} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('dispatch.department')} extra={t('dispatch.departmentFromProject')}>
          <ZoneDepartmentSelect zoneId={zoneId} />
        </Form.Item>
        <Form.Item name="responsibleUserId" label={t('dispatch.responsible')}>
          <PersonPicker people={people.data} loading={people.isPending && zoneId != null} />
        </Form.Item>
        <Form.Item name="description" label={t('dispatch.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
