import { Form, Input, InputNumber } from 'antd';
import type { HiringPartnership } from '../../../../contract/services/hiring.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { useCreatePartnership } from '../api/create-partnership';
import { usePartnerships } from '../api/list-partnerships';
import { DateField } from '../../../components/date-field';

interface Values {
  school: string;
  programme: string;
  classSize?: number | null;
  startsOn?: string;
  enterpriseId?: string;
}

/** 校企合作: schools, their 订单式培养 classes and the enterprises they train for. */
export function PartnershipsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const partnerships = usePartnerships(listZone);
  const create = useCreatePartnership();
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<HiringPartnership, Values>
      rows={partnerships.data}
      loading={partnerships.isLoading}
      scrollX={760}
      canEdit={hasPermission('hiring.manage')}
      canAdd={Boolean(zoneId)}
      newLabel={t('hiring.newPartnership')}
      editLabel={() => t('hiring.newPartnership')}
      formName="partnership-form"
      saving={create.isPending}
      successMessage={t('common.created')}
      initialValues={() => ({})}
      save={(v) => {
        const { enterpriseId, ...rest } = v;
        return create.mutateAsync({
          zoneId: zoneId!,
          ...rest,
          startsOn: v.startsOn || null,
          classSize: v.classSize ?? null,
          enterpriseIds: enterpriseId ? [enterpriseId] : [],
        });
      }}
      columns={() => [
        { title: t('hiring.school'), dataIndex: 'school', width: 180 },
        { title: t('hiring.programme'), dataIndex: 'programme' },
        { title: t('hiring.classSize'), dataIndex: 'classSize', width: 100 },
        { title: t('hiring.startsOn'), dataIndex: 'startsOn', width: 110 },
        { title: t('hiring.partnerEnterprises'), key: 'e', width: 260, render: (_: unknown, h) => h.enterprises.map((e) => e.name).join('；') || '—' },
      ]}
    >
      {() => (
        <>
          <Form.Item name="school" label={t('hiring.school')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="programme" label={t('hiring.programme')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="classSize" label={t('hiring.classSize')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('hiring.startsOn')}>
            <DateField />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('hiring.partnerEnterprises')}>
            <EnterprisePicker />
          </Form.Item>
        </>
      )}
    </ListTab>
  );
}
