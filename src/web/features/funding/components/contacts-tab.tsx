import { Form, Input, Select } from 'antd';
import type { FundingContact } from '../../../../contract/services/funding.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateContact } from '../api/create-contact';
import { useContacts } from '../api/list-contacts';
import { useProgrammes } from '../api/list-programmes';
import { DateField } from '../../../components/date-field';

interface Values {
  contactedOn: string;
  department: string;
  person?: string;
  subject: string;
  nextStep?: string;
  programmeId?: string;
}

/** 对接记录: contacts with upper departments (who, when, what, next step). */
export function ContactsTab({ zoneId }: { zoneId: string | null }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const contacts = useContacts(zoneId);
  const programmes = useProgrammes(zoneId);
  const create = useCreateContact();
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<FundingContact, Values>
      rows={contacts.data}
      loading={contacts.isLoading}
      canEdit={hasPermission('funding.manage')}
      canAdd={Boolean(zoneId)}
      newLabel={t('funding.newContact')}
      editLabel={() => t('funding.newContact')}
      newTestId="funding-new-contact"
      formName="contact-form"
      saving={create.isPending}
      successMessage={t('common.created')}
      initialValues={() => ({ contactedOn: chinaToday() })}
      save={(v) => create.mutateAsync({ zoneId: zoneId!, ...v, person: v.person || null, nextStep: v.nextStep || null, programmeId: v.programmeId ?? null })}
      columns={() => [
        { title: t('funding.contactedOn'), dataIndex: 'contactedOn', width: 110 },
        { title: t('funding.contactDepartment'), dataIndex: 'department', width: 160 },
        { title: t('funding.person'), dataIndex: 'person', width: 90 },
        { title: t('funding.subject'), dataIndex: 'subject' },
        { title: t('funding.nextStep'), dataIndex: 'nextStep', width: 180 },
        { title: t('funding.programme'), dataIndex: 'programmeName', width: 200 },
        { title: t('funding.recordedBy'), dataIndex: 'recordedByName', width: 90 },
      ]}
    >
      {() => (
        <>
          <Form.Item name="contactedOn" label={t('funding.contactedOn')} rules={required}>
            <DateField notAfter={chinaToday()} />
          </Form.Item>
          <Form.Item name="department" label={t('funding.contactDepartment')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="person" label={t('funding.person')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="subject" label={t('funding.subject')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('funding.nextStep')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="programmeId" label={t('funding.programme')}>
            <Select allowClear options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </>
      )}
    </ListTab>
  );
}
