import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import { Link } from 'react-router';
import { creditCodeProblem, creditCodeReasons } from '../../../../contract/credit-code.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateEnterprise } from '../api/create-enterprise';
import { IndustrySelect } from './industry-select';

interface Values {
  name: string;
  creditCode?: string;
  noCreditCode?: boolean;
  legalPerson?: string;
  registeredCapitalWan?: string;
  industryCode?: string;
  regionCode?: string;
  address?: string;
}

/** New enterprise; the credit code is checked as it is typed, with the contract's own rule. */
export function EnterpriseFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateEnterprise();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const noCode = Form.useWatch('noCreditCode', form);
  const code = Form.useWatch('creditCode', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  // A refusal as a duplicate names the field and links the record that is already there; a name
  // that only looks alike (same trade name) may still be created on purpose.
  const [duplicate, setDuplicate] = useState<{ id: string; field: string; code: string } | null>(null);
  const problem = code ? creditCodeProblem(code) : null;
  // The code the server found taken stays marked until it is changed.
  const codeTaken = duplicate?.field === 'creditCode' && duplicate.code === code;

  const submit = async (allowSimilarName = false) => {
    // An invalid field is marked on the form; nothing to send (and no unhandled rejection).
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setDuplicate(null);
    try {
      const created = await create.mutateAsync({
        ...values,
        allowSimilarName: allowSimilarName || undefined,
        creditCode: values.noCreditCode ? undefined : values.creditCode,
        registeredCapitalWan: values.registeredCapitalWan || undefined,
        regionCode: values.regionCode || undefined,
      });
      form.resetFields();
      message.success(t('enterprises.created', { name: created.name }));
      onCreated?.(created.id);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'DUPLICATE' && typeof error.details.existingId === 'string') {
        setDuplicate({ id: error.details.existingId, field: error.fields[0]?.field ?? 'name', code });
        form.setFields(error.fields.map((f) => ({ name: f.field as keyof Values, errors: [f.reason] })));
      } else onError(error, { form });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={open} title={t('enterprises.create')} onCancel={onClose} onOk={() => submit()} confirmLoading={submitting} destroyOnHidden>
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={duplicate.field === 'creditCode' ? t('enterprises.duplicateCode') : t('enterprises.duplicateName')}
          action={
            <Space direction="vertical" size={4}>
              <Link to={`/enterprises/${duplicate.id}`} onClick={onClose}>
                {t('enterprises.openExisting')}
              </Link>
              {duplicate.field === 'name' && (
                <Button size="small" onClick={() => submit(true)}>
                  {t('enterprises.createAnyway')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Form form={form} layout="vertical" name="enterprise">
        <Form.Item name="name" label={t('enterprises.name')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('enterprises.creditCode')}
          validateStatus={codeTaken ? 'error' : !noCode && code ? (problem ? 'error' : 'success') : undefined}
          help={
            codeTaken
              ? t('enterprises.duplicateCode')
              : !noCode && code
                ? problem
                  ? creditCodeReasons[problem][locale === 'en-US' ? 1 : 0]
                  : t('enterprises.codeOk')
                : undefined
          }
          rules={[
            {
              validator: async (_r, v) =>
                !noCode && v && creditCodeProblem(v)
                  ? Promise.reject(new Error(creditCodeReasons[creditCodeProblem(v)!][locale === 'en-US' ? 1 : 0]))
                  : undefined,
            },
          ]}
        >
          <Input disabled={noCode} maxLength={20} placeholder="91140802XXXXXXXXXX" />
        </Form.Item>
        <Form.Item name="noCreditCode" valuePropName="checked">
          <Checkbox>{t('enterprises.noCreditCode')}</Checkbox>
        </Form.Item>
        <Form.Item name="legalPerson" label={t('enterprises.legalPerson')}>
          <Input />
        </Form.Item>
        <Form.Item name="registeredCapitalWan" label={t('enterprises.capital')} rules={[moneyRule(t('validation.money'))]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="industryCode" label={t('enterprises.industry')}>
          <IndustrySelect divisionsOnly />
        </Form.Item>
        <Form.Item name="regionCode" label={t('enterprises.region')}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')}>
          <Input />
        </Form.Item>
        <Typography.Text type="secondary">GB 32100-2015</Typography.Text>
      </Form>
    </Modal>
  );
}
