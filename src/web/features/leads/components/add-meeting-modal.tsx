import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { ApiError, isApiError } from '../../../lib/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLeads } from '../api/list-leads';
import { useAddMeeting, type TripDetail } from '../api/trips';

interface MeetingValues {
  enterpriseMode: 'existing' | 'new';
  enterpriseId?: string;
  enterpriseName?: string;
  creditCode?: string;
  noCreditCode?: boolean;
  leadMode: 'none' | 'existing' | 'new';
  leadId?: string;
  newLeadName?: string;
  occurredOn: Dayjs;
  people?: string;
  outcome?: string;
  intentReached?: boolean;
  nextStep?: string;
  nextStepOn?: Dayjs | null;
}

/** The server names nested fields (`enterprise.creditCode`); the form's fields are flat. */
const fieldNames: Record<string, string> = {
  'enterprise.name': 'enterpriseName',
  'enterprise.creditCode': 'creditCode',
  'newLead.name': 'newLeadName',
  'newLead.method': 'newLeadName',
};
function flatten(error: unknown): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError(error.status, {
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    details: { fields: error.fields.map((f) => ({ ...f, field: fieldNames[f.field] ?? f.field })) },
  });
}

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * 登记拜访: one more meeting on a trip: the enterprise met (from the library, or registered here with
 * its credit code checked), optionally a lead (existing or new), and whether an intent was reached.
 * Results are never typed: the server recounts them from the meetings.
 */
export function AddMeetingModal({ trip, open, onClose }: { trip: TripDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<MeetingValues>();
  const add = useAddMeeting();
  const onError = useApiErrorHandler();
  const [leadQ, setLeadQ] = useState('');
  const leads = useLeads({ zoneId: trip.zoneId, q: leadQ || undefined, pageSize: 20 });
  const enterpriseMode = Form.useWatch('enterpriseMode', form);
  const leadMode = Form.useWatch('leadMode', form);
  const noCreditCode = Form.useWatch('noCreditCode', form);

  const start = dayjs(trip.startOn);
  const end = dayjs(trip.endOn);
  const today = dayjs();
  const defaultDay = today.isBefore(start, 'day') ? start : today.isAfter(end, 'day') ? end : today;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    try {
      await add.mutateAsync({
        tripId: trip.id,
        enterpriseId: v.enterpriseMode === 'existing' ? v.enterpriseId : undefined,
        enterprise:
          v.enterpriseMode === 'new'
            ? { name: v.enterpriseName!.trim(), creditCode: v.noCreditCode ? undefined : blank(v.creditCode), noCreditCode: v.noCreditCode }
            : undefined,
        leadId: v.leadMode === 'existing' ? v.leadId : undefined,
        newLead: v.leadMode === 'new' && blank(v.newLeadName) ? { name: blank(v.newLeadName)! } : undefined,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        people: blank(v.people),
        outcome: blank(v.outcome),
        intentReached: Boolean(v.intentReached),
        nextStep: blank(v.nextStep),
        nextStepOn: v.nextStepOn ? v.nextStepOn.format('YYYY-MM-DD') : undefined,
      });
      form.resetFields();
      onClose();
    } catch (error) {
      onError(flatten(error), { form });
    }
  };

  return (
    <Modal open={open} width={640} title={t('trips.recordMeeting')} onCancel={onClose} onOk={submit} confirmLoading={add.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="meeting"
        initialValues={{ enterpriseMode: 'existing', leadMode: 'none', occurredOn: defaultDay, intentReached: false }}
      >
        <Form.Item name="enterpriseMode" label={t('trips.enterpriseMet')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('trips.fromLibrary') },
              { value: 'new', label: t('trips.registerNew') },
            ]}
          />
        </Form.Item>
        {enterpriseMode === 'new' ? (
          <>
            <Form.Item name="enterpriseName" label={t('trips.enterpriseName')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('trips.creditCode')}
              dependencies={['noCreditCode']}
              rules={[{ required: !noCreditCode, message: t('trips.creditCodeOrNone') }]}
            >
              <Input disabled={noCreditCode} maxLength={30} />
            </Form.Item>
            <Form.Item name="noCreditCode" valuePropName="checked">
              <Checkbox>{t('trips.noCode')}</Checkbox>
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="enterpriseId"
            label={t('trips.enterpriseName')}
            rules={[{ required: leadMode !== 'existing', message: t('trips.chooseEnterprise') }]}
            extra={leadMode === 'existing' ? t('trips.enterpriseFromLead') : undefined}
          >
            <EnterprisePicker
              placeholder={t('leads.edit.investorSearch')}
              onCreate={(typed) => form.setFieldsValue({ enterpriseMode: 'new', enterpriseName: typed || undefined })}
            />
          </Form.Item>
        )}
        <Form.Item name="leadMode" label={t('trips.lead')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'none', label: t('trips.noLead') },
              { value: 'existing', label: t('trips.existingLead') },
              { value: 'new', label: t('trips.openLead') },
            ]}
          />
        </Form.Item>
        {leadMode === 'existing' && (
          <Form.Item name="leadId" label={t('leads.name')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setLeadQ}
              loading={leads.isFetching}
              options={(leads.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}${l.enterpriseName ? ` · ${l.enterpriseName}` : ''}` }))}
            />
          </Form.Item>
        )}
        {leadMode === 'new' && (
          <Form.Item name="newLeadName" label={t('trips.newLead')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="occurredOn" label={t('leads.occurredOn')} rules={[{ required: true }]} extra={`${trip.startOn} ~ ${trip.endOn}`}>
          <DatePicker disabledDate={(d) => d.isBefore(start, 'day') || d.isAfter(end, 'day')} />
        </Form.Item>
        <Form.Item name="people" label={t('leads.people')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="outcome" label={t('leads.outcome')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="intentReached" valuePropName="checked">
          <Checkbox>{t('leads.intentReached')}</Checkbox>
        </Form.Item>
        <Form.Item name="nextStep" label={t('leads.nextStep')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nextStepOn" label={t('leads.nextStepOn')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
