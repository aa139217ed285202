import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import { leadMethods } from '../../../../contract/pipeline-enums.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateLead } from '../api/create-lead';
import { useLeadDuplicates } from '../api/lead-duplicates';
import { DuplicateLeadsAlert } from './duplicate-leads';
import { pipelineLabels } from './labels';

/** A new lead: project name, method and the basics; the rest is edited on its page. */
export function LeadFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  const { zoneId, zones } = useCurrentZone();
  const [form] = Form.useForm();
  const create = useCreateLead();
  const onError = useApiErrorHandler();
  // The duplicate check as the person types: the server refuses the same on save unless overridden.
  const name = Form.useWatch('name', form) as string | undefined;
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | undefined;
  const chosenZone = Form.useWatch('zoneId', form) as string | undefined;
  const targetZone = zoneId ?? (zones.length === 1 ? zones[0].id : chosenZone);
  const duplicates = useLeadDuplicates({ zoneId: targetZone, name, enterpriseId }, open && Boolean(targetZone));
  const found = duplicates.data ?? [];
  const allowDuplicate = Form.useWatch('allowDuplicate', form) as boolean | undefined;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const lead = await create.mutateAsync({
        ...(found.length && v.allowDuplicate ? { allowDuplicate: true, duplicateReason: v.duplicateReason } : {}),
        zoneId: zoneId ?? (zones.length === 1 ? zones[0].id : v.zoneId),
        name: v.name,
        method: v.method,
        enterpriseId: v.enterpriseId || undefined,
        sector: v.sector || undefined,
        chainLink: v.chainLink || undefined,
        plannedInvestmentWan: v.plannedInvestmentWan == null ? undefined : String(v.plannedInvestmentWan),
        likelihood: v.likelihood ?? undefined,
        nextStep: v.nextStep || undefined,
      });
      form.resetFields();
      onCreated(lead.id);
    } catch (error) {
      onError(error, { form });
      void duplicates.refetch();
    }
  };

  return (
    <Modal open={open} title={t('leads.create')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="lead" initialValues={{ method: 'chain' }}>
        {!zoneId && zones.length > 1 && (
          <Form.Item name="zoneId" label="开发区 / Zone" rules={[{ required: true }]}>
            <Select options={zones.map((z) => ({ value: z.id, label: z.shortName }))} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('leads.name')}
          rules={[{ required: true }]}
          validateStatus={found.length ? 'warning' : undefined}
          help={found.length ? t('leads.dup.help') : undefined}
        >
          <Input />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('leads.investor')}>
          <EnterprisePicker />
        </Form.Item>
        {found.length > 0 && (
          <>
            <DuplicateLeadsAlert duplicates={found} />
            <Form.Item name="allowDuplicate" valuePropName="checked">
              <Checkbox data-testid="lead-duplicate-allow">{t('leads.dup.allow')}</Checkbox>
            </Form.Item>
            {allowDuplicate && (
              <Form.Item name="duplicateReason" label={t('leads.dup.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="method" label={t('leads.method')} rules={[{ required: true }]}>
          <Select options={leadMethods.map((m) => ({ value: m, label: labels.method(m) }))} />
        </Form.Item>
        <Form.Item name="sector" label={t('leads.sector')}>
          <Input />
        </Form.Item>
        <Form.Item name="chainLink" label={t('leads.chainLink')}>
          <Input />
        </Form.Item>
        <Form.Item name="plannedInvestmentWan" label={t('leads.plannedInvestment')} rules={[moneyRule(t('validation.money'))]}>
          <MoneyInput style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="likelihood" label={t('leads.likelihood')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('leads.nextStep')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
