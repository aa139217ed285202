import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { DateField } from '../../../components/date-field';
import { caseModes } from '../../../../contract/services/enums.ts';
import { caseModeLabels } from '../../../../contract/services/labels.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateCase } from '../api/create-case';
import { useItems } from '../api/list-items';
import { usePeople, useProjectChecklist, useProjectOptions } from '../api/project-options';
import { PersonPicker } from '../../../components/person-picker';

interface Values {
  itemId: string;
  mode: 'promise' | 'full_agency';
  applicant: string;
  projectId?: string;
  projectApprovalId?: string;
  agentUserId?: string;
  acceptedOn: string;
}

/** 受理办件: the item, the mode, the applicant, optionally the project and its checklist item; the agent for 全代办. */
export function CaseFormModal({ zoneId, open, onClose }: { zoneId: string | null; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const projectId = Form.useWatch('projectId', form) ?? null;
  const items = useItems(zoneId);
  const projects = useProjectOptions(zoneId);
  const checklist = useProjectChecklist(projectId);
  const people = usePeople(zoneId);
  const create = useCreateCase();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ mode: 'full_agency', acceptedOn: chinaToday(), agentUserId: me.user.role === 'approval_agent' ? me.user.id : undefined });
  }, [open, form, me]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !zoneId) return;
    create.mutate(
      { zoneId, ...v, projectId: v.projectId ?? null, projectApprovalId: v.projectApprovalId ?? null, agentUserId: v.agentUserId ?? null },
      { onSuccess: () => (message.success(t('common.created')), onClose()), onError: (e) => handleError(e, { form }) },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Modal
      open={open}
      title={t('approvals.newCase')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
      width={640}
    >
      <Form form={form} name="case-form" layout="vertical">
        <Form.Item name="itemId" label={t('approvals.item')} rules={required}>
          <Select showSearch optionFilterProp="label" options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.department}）` }))} />
        </Form.Item>
        <Form.Item name="mode" label={t('approvals.mode')} rules={required}>
          <Select options={caseModes.map((m) => ({ value: m, label: caseModeLabels[m][locale === 'en-US' ? 1 : 0] }))} />
        </Form.Item>
        <Form.Item name="applicant" label={t('approvals.applicant')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="projectId" label={t('approvals.project')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={() => form.setFieldValue('projectApprovalId', undefined)}
          />
        </Form.Item>
        <Form.Item name="projectApprovalId" label={t('approvals.checklistItem')} extra={t('approvals.checklistHint')}>
          <Select
            allowClear
            disabled={!projectId}
            options={(checklist.data ?? []).filter((a) => !a.grantedOn).map((a) => ({ value: a.id, label: `${a.name}${a.agency ? `（${a.agency}）` : ''}` }))}
          />
        </Form.Item>
        <Form.Item name="agentUserId" label={t('approvals.agent')}>
          <PersonPicker people={people.data} />
        </Form.Item>
        <Form.Item name="acceptedOn" label={t('approvals.acceptedOn')} rules={required}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
