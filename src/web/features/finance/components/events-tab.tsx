import { Form, Input } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import type { FinanceEvent } from '../../../../contract/services/finance.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateEvent } from '../api/create-event';
import { useEvents } from '../api/list-events';
import { useUpdateEvent } from '../api/update-event';
import { DateField } from '../../../components/date-field';

interface Values {
  name: string;
  heldOn: string;
  place?: string;
  note?: string;
}

/** 银企对接会: the events, with the referrals made at each (enterprises, institutions, loans granted). */
export function EventsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const events = useEvents(listZone);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const manage = hasPermission('finance.manage');
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <ListTab<FinanceEvent, Values>
      rows={events.data}
      loading={events.isLoading}
      scrollX={860}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('finance.newEvent')}
      editLabel={() => t('finance.editEvent')}
      newTestId="finance-new-event"
      formName="finance-event-form"
      saving={create.isPending || update.isPending}
      onReload={() => events.refetch()}
      initialValues={(editing) =>
        editing === 'new' ? { heldOn: chinaToday() } : { ...editing, place: editing.place ?? undefined, note: editing.note ?? undefined }
      }
      save={(v, editing) => {
        const body = { ...v, place: v.place || null, note: v.note || null };
        return editing === 'new' ? create.mutateAsync({ zoneId: zoneId!, ...body }) : update.mutateAsync({ id: editing.id, version: editing.version, ...body });
      }}
      columns={(edit) => [
        { title: t('finance.eventName'), dataIndex: 'name', render: (v: string, e) => (manage ? <a onClick={() => edit(e)}>{v}</a> : v) },
        { title: t('finance.heldOn'), dataIndex: 'heldOn', width: 110 },
        { title: t('finance.place'), dataIndex: 'place', width: 200 },
        { title: t('finance.referrals'), dataIndex: 'referralCount', width: 80 },
        { title: t('finance.enterpriseCount'), dataIndex: 'enterpriseCount', width: 70 },
        { title: t('finance.institutionCount'), dataIndex: 'institutionCount', width: 70 },
        { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 110, render: (v: number) => formatMoney(v, locale) },
      ]}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('finance.eventName')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('finance.heldOn')} rules={required}>
            <DateField />
          </Form.Item>
          <Form.Item name="place" label={t('finance.place')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t('finance.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </ListTab>
  );
}
